-- gmatch argument errors are raised at once; pattern errors when iterating
print(pcall(function() return string.gmatch() end))
print(pcall(function() return string.gmatch("x") end))
print(pcall(function() return string.gmatch(nil, "x") end))
print(pcall(function() return string.gmatch("x", {}) end))
local ok, it = pcall(function() return string.gmatch("abc", "[") end)
print(ok, type(it))
print(pcall(function() return it() end))
print(pcall(function() local f = string.gmatch("abc", "(") return f() end))
print(pcall(function() local f = string.gmatch("abc", "%") return f() end))
print(pcall(function() local f = string.gmatch("abc", "(.)%2") return f() end))
-- an iterator keeps its own position and ignores its arguments
local f = string.gmatch("a1b2c3", "%a%d")
print(f("ignored", 99), f(), f(), f(), f())
