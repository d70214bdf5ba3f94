-- __eq is only tried for two tables (or two userdata) that are not raw-equal
local n = 0
local mt = { __eq = function(a, b) n = n + 1 return true end }
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, n)
print(a == a, n)
print(a == 1, a == "a", a == nil, a == true, n)
print(a ~= b, n)
local c = setmetatable({}, { __eq = function() return false end })
print(a == c, c == a)
local f1 = function() end
print(f1 == f1, f1 == function() end)
local co1 = coroutine.create(f1)
print(co1 == co1, co1 == coroutine.create(f1))
print("abc" == "abc", "abc" == "ab" .. "c")
print(1 == 1.0, 0.1 + 0.2 == 0.3, 2 ^ 53 == 2 ^ 53 + 1)
print(nil == false, {} == {}, "1" == 1)
local same = function() return true end
local x, y = setmetatable({}, { __eq = same }), setmetatable({}, { __eq = same })
print(x == y)
local x2, y2 = setmetatable({}, { __eq = function() return true end }), setmetatable({}, { __eq = function() return true end })
print(x2 == y2)
local onlyLeft = setmetatable({}, { __eq = same })
print(onlyLeft == {}, {} == onlyLeft)
