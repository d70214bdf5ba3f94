local log = {}
local mt = {}
mt.__lt = function(a, b) log[#log + 1] = "lt" return a.v < b.v end
mt.__le = function(a, b) log[#log + 1] = "le" return a.v <= b.v end
local function N(v) return setmetatable({ v = v }, mt) end
local a, b = N(1), N(2)
print(a < b, a > b, a <= b, a >= b, b < a, b <= a)
print(table.concat(log, " "))
-- only __lt: <= falls back to not (b < a)
log = {}
local mt2 = { __lt = function(a, b) log[#log + 1] = "lt(" .. a.v .. "," .. b.v .. ")" return a.v < b.v end }
local function M(v) return setmetatable({ v = v }, mt2) end
print(M(1) <= M(2), M(2) <= M(1), M(3) >= M(3))
print(table.concat(log, " "))
-- different metamethods: error
local p = setmetatable({}, { __lt = function() return true end })
local q = setmetatable({}, { __lt = function() return true end })
print(pcall(function() return p < q end))
local shared = function() return true end
local p2, q2 = setmetatable({}, { __lt = shared }), setmetatable({}, { __lt = shared })
print(pcall(function() return p2 < q2 end))
print(pcall(function() return p < 1 end))
print(pcall(function() return 1 < p end))
print(pcall(function() return p <= p end))
local truthy = setmetatable({}, { __lt = function() return 1 end, __le = function() return nil end })
local truthy2 = setmetatable({}, getmetatable(truthy))
print(truthy < truthy2, truthy <= truthy2, truthy > truthy2, truthy >= truthy2)
local items = { N(3), N(1), N(2) }
table.sort(items)
print(items[1].v, items[2].v, items[3].v)
table.sort(items, function(x, y) return x > y end)
print(items[1].v, items[2].v, items[3].v)
print(pcall(function() return setmetatable({}, mt2) <= {} end))
