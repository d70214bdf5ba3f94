-- __newindex is consulted only when the key is absent from the raw table
local log = {}
local t = setmetatable({ present = 1 }, { __newindex = function(t, k, v) log[#log + 1] = k rawset(t, k, v) end })
t.present = 2
t.absent = 3
t.absent = 4
t.present = nil
t.present = 5
print(table.concat(log, ","), t.present, t.absent)
-- __index is consulted only when the raw value is nil
local reads = 0
local u = setmetatable({ a = false }, { __index = function() reads = reads + 1 return "meta" end })
print(u.a, u.b, reads)
-- rawget inside __index to avoid recursion
local cache = setmetatable({}, { __index = function(t, k) local v = k * k rawset(t, k, v) return v end })
print(cache[4], rawget(cache, 4), cache[5], rawget(cache, 6))
-- __index receives the original table, not the metatable
local got
local orig = setmetatable({}, { __index = function(t) got = t return 1 end })
local _ = orig.x
print(got == orig)
