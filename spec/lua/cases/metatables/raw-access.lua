local mt = {
  __index = function() return "meta" end,
  __newindex = function() error("blocked") end,
  __eq = function() return true end,
  __len = function() return 99 end,
}
local t = setmetatable({}, mt)
print(t.x, rawget(t, "x"))
rawset(t, "x", 1)
print(t.x, rawget(t, "x"))
print(rawequal(t, t), rawequal(t, setmetatable({}, mt)), t == setmetatable({}, mt))
print(rawequal("a", "a"), rawequal(1, 1.0), rawequal(nil, nil), rawequal(1, "1"))
print(#t)
print(rawset(t, "y", 2) == t)
print(pcall(function() return rawset(t, nil, 1) end))
print(pcall(function() return rawget("str", 1) end))
print(pcall(function() return rawset("str", 1, 1) end))
print(select('#', rawget(t, "none")))
print(pcall(function() return rawget(t) end))
print(pcall(function() return rawequal(t) end))
print(rawget({ 10, 20 }, 2), rawget({ a = 1 }, "a"))
local nanok, nanerr = pcall(function() return rawset({}, 0 / 0, 1) end)
print(nanok, nanerr)
