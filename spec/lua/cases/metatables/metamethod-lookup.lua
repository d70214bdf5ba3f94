-- metamethods are looked up raw in the metatable: __index on the metatable does not help
local base = { __add = function() return "inherited add" end }
local mt = setmetatable({}, { __index = base })
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
print(mt.__add ~= nil)
-- changing the metatable after setmetatable takes effect immediately
local mt2 = {}
local u = setmetatable({}, mt2)
print(pcall(function() return u + 1 end))
mt2.__add = function() return "added later" end
print(u + 1)
mt2.__add = nil
print(pcall(function() return u + 1 end))
-- __index is a field read each time
local mt3 = { __index = { v = 1 } }
local w = setmetatable({}, mt3)
print(w.v)
mt3.__index = { v = 2 }
print(w.v)
mt3.__index = nil
print(w.v)
-- a callable table as __index is indexed, not called
local callableIdx = setmetatable({ k = "indexed" }, { __call = function() return "called" end })
local z = setmetatable({}, { __index = callableIdx })
print(z.k, z.other)
-- a non-function, non-table __call
print(pcall(function() return setmetatable({}, { __call = "str" })() end))
-- __newindex set to a table with its own __newindex
local log = {}
local inner = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = k rawset(t, k, v) end })
local outer = setmetatable({}, { __newindex = inner })
outer.a = 1
print(rawget(outer, "a"), rawget(inner, "a"), table.concat(log))
