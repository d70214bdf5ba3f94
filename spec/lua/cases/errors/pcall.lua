print(pcall(function() return 1, 2, 3 end))
print(pcall(function(...) return select('#', ...) end, nil, nil))
print(pcall(print == print and function() end))
print(select('#', pcall(function() end)))
print(pcall(pcall, error, "e"))
print(pcall(function() return pcall() end))
print(pcall(nil))
print(pcall({}))
print(pcall(5))
local ok, e = pcall(function() local x = nil; return x.field end)
print(ok, e)
local depth = 0
local function nested(n)
  if n == 0 then error("bottom") end
  local ok, e = pcall(nested, n - 1)
  depth = depth + 1
  error(e, 0)
end
print(pcall(nested, 5))
print(depth)
local r = { pcall(function() error() end) }
print(#r, r[1], r[2])
print(pcall(function() return string.rep() end))
print(pcall(string.rep, "x", -1))
local function thrower() error({ msg = "table error" }) end
local ok2, err = pcall(thrower)
print(ok2, err.msg)
local state = "before"
pcall(function() state = "during" error("x") state = "after" end)
print(state)
print(pcall(function() return pcall(error, "inner") end))
print(pcall(function() error("a", "b") end))
local function ret(...) return ... end
print(pcall(ret))
print(pcall(ret, nil))
print(pcall(setmetatable({}, { __call = function(self, a) return "called", a end }), "arg"))
