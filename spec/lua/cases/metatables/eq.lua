local calls = 0
local mt = { __eq = function(a, b) calls = calls + 1 return a.id == b.id end }
local x = setmetatable({ id = 1 }, mt)
local y = setmetatable({ id = 1 }, mt)
local z = setmetatable({ id = 2 }, mt)
print(x == y, x == z, x ~= y, x ~= z, calls)
print(x == x, calls)
print(x == 1, x == "x", x == nil, calls)
local other = setmetatable({ id = 1 }, { __eq = mt.__eq })
print(x == other, calls)
local different = setmetatable({ id = 1 }, { __eq = function() return true end })
print(x == different, calls)
local plain = { id = 1 }
print(x == plain, plain == x, calls)
local truthy = setmetatable({}, { __eq = function() return "yes" end })
local truthy2 = setmetatable({}, getmetatable(truthy))
print(truthy == truthy2, truthy ~= truthy2)
local falsy = setmetatable({}, { __eq = function() return nil end })
local falsy2 = setmetatable({}, getmetatable(falsy))
print(falsy == falsy2, falsy ~= falsy2)
local t = {}
t[x] = "x key"
print(t[y], t[x])
print(rawequal(x, y))
local eqs = setmetatable({}, { __eq = function() return true end })
print(eqs == "str", eqs == 0)
