local mt = {
  __index = function(t, k) error("index " .. k) end,
  __newindex = function(t, k, v) error("newindex " .. k, 2) end,
  __add = function() error({ op = "add" }) end,
  __call = function(self, x) error("call " .. tostring(x), 0) end,
  __concat = function() error("concat") end,
  __lt = function() error("lt") end,
  __eq = function() error("eq") end,
  __unm = function() error("unm") end,
  __tostring = function() error("tostring") end,
}
local t = setmetatable({}, mt)
local u = setmetatable({}, mt)
print(pcall(function() return t.x end))
print(pcall(function() t.y = 1 end))
local ok, e = pcall(function() return t + 1 end)
print(ok, e.op)
print(pcall(t, 5))
print(pcall(function() return t .. "s" end))
print(pcall(function() return t < u end))
print(pcall(function() return t == u end))
print(pcall(function() return -t end))
print(pcall(tostring, t))
print(pcall(function() return t ~= u end))
