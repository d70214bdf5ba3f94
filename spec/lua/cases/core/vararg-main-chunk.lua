-- args: first second
print(select('#', ...), ...)
local a, b, c = ...
print(a, b, c)
local t = { ... }
print(#t, t[2])
local function inner(...) return select('#', ...) end
print(inner(...), inner((...)))
print((...))
local f = function(...) return ... end
print(f(...))
