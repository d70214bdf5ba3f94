local function track(t)
  local log = {}
  local proxy = setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "get " .. tostring(k) return t[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "set " .. tostring(k) .. "=" .. tostring(v) t[k] = v end,
  })
  return proxy, log
end
local p, log = track({ a = 1 })
local x = p.a
p.b = 2
p.a = p.a + p.b
p[1] = "one"
local y = p.missing
print(x, p.a, rawget(p, "a"), y)
print(table.concat(log, "; "))
local function readonly(t)
  return setmetatable({}, { __index = t, __newindex = function(_, k) error("attempt to modify read-only field " .. tostring(k), 2) end })
end
local days = readonly({ "Sun", "Mon", "Tue" })
print(days[1], days[3], #days)
print(pcall(function() days[4] = "Wed" end))
local function defaults(d) return setmetatable({}, { __index = function() return d end }) end
local counts = defaults(0)
for _, w in ipairs({ "a", "b", "a", "c", "a" }) do counts[w] = counts[w] + 1 end
print(counts.a, counts.b, counts.c, counts.z)
