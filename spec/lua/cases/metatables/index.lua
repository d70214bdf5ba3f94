local defaults = { color = "red", size = 1 }
local obj = setmetatable({ size = 5 }, { __index = defaults })
print(obj.color, obj.size, obj.missing)
print(rawget(obj, "color"), rawget(obj, "size"))
local calls = {}
local dyn = setmetatable({}, { __index = function(t, k) calls[#calls + 1] = tostring(k) return k .. "!" end })
print(dyn.a, dyn.b, dyn[1], #calls)
dyn.a = "set"
print(dyn.a, #calls)
local c = setmetatable({}, { __index = setmetatable({}, { __index = setmetatable({}, { __index = { deep = "found" } }) }) })
print(c.deep, c.nope)
local counted = 0
local mt = {}
mt.__index = function(t, k) counted = counted + 1 return nil end
local e = setmetatable({ present = 1 }, mt)
print(e.present, e.absent, counted)
local fnindex = setmetatable({}, { __index = function(t, k) return rawget(t, "_" .. k) end })
fnindex._x = 42
print(fnindex.x, fnindex.y)
local arr = setmetatable({ 1, 2 }, { __index = function(t, i) return i * 100 end })
print(arr[1], arr[2], arr[3], #arr)
local selfarg
local s = setmetatable({}, { __index = function(t, k) selfarg = t return 1 end })
local _ = s.q
print(selfarg == s)
local strIndex = setmetatable({}, { __index = "abc" })
print(pcall(function() return type(strIndex.len), strIndex.len == string.len end))
local numkey = setmetatable({}, { __index = { [1] = "one", [2.5] = "two and a half", [true] = "yes" } })
print(numkey[1], numkey[2.5], numkey[true])
local mt2 = { __index = {} }
local a1, a2 = setmetatable({}, mt2), setmetatable({}, mt2)
mt2.__index.shared = "shared"
print(a1.shared, a2.shared)
mt2.__index = { shared = "replaced" }
print(a1.shared)
local niledKey = setmetatable({}, { __index = function(t, k) return type(k) end })
print(niledKey[nil], niledKey[false], niledKey[1.5])
