local log = {}
local store = {}
local proxy = setmetatable({}, {
  __newindex = function(t, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v) rawset(store, k, v) end,
  __index = store,
})
proxy.a = 1
proxy.b = 2
proxy.a = 3
print(table.concat(log, " "), proxy.a, rawget(proxy, "a"))
local target = {}
local redirect = setmetatable({}, { __newindex = target })
redirect.x = 10
print(rawget(redirect, "x"), target.x)
local existing = setmetatable({ here = 1 }, { __newindex = function() error("should not be called") end })
existing.here = 2
print(existing.here)
local ro = setmetatable({}, { __newindex = function(t, k, v) error("read-only table: " .. k, 2) end })
print(pcall(function() ro.field = 1 end))
local chainTarget = {}
local mid = setmetatable({}, { __newindex = chainTarget })
local top = setmetatable({}, { __newindex = mid })
top.k = "v"
print(rawget(top, "k"), rawget(mid, "k"), chainTarget.k)
local raw = setmetatable({}, { __newindex = function() error("no") end })
rawset(raw, "bypass", true)
print(raw.bypass)
local count = 0
local counter = setmetatable({}, { __newindex = function(t, k, v) count = count + 1 rawset(t, k, v) end })
counter.a = 1
counter.a = 2
counter.b = 3
counter.a = nil
counter.a = 4
print(count, counter.a, counter.b)
local arrmt = setmetatable({}, { __newindex = function(t, k, v) rawset(t, k, v * 2) end })
for i = 1, 3 do arrmt[i] = i end
print(arrmt[1], arrmt[2], arrmt[3], #arrmt)
print(pcall(function() local t = setmetatable({}, { __newindex = function(t, k, v) rawset(t, k, v) end }) t[nil] = 1 end))
