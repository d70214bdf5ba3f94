-- table.sort uses __lt (never __le) when there is no comparator; raw access to the array
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
local function obj(v) return setmetatable({ v = v }, mt) end
local t = { obj(3), obj(1), obj(2), obj(5), obj(4) }
table.sort(t)
for i = 1, #t do io.write(t[i].v, " ") end
print()
local lecalls = 0
local mt2 = { __lt = function(a, b) return a.v > b.v end, __le = function() lecalls = lecalls + 1 return true end }
local u = {}
for i = 1, 10 do u[i] = setmetatable({ v = i }, mt2) end
table.sort(u)
for i = 1, #u do io.write(u[i].v, " ") end
print(lecalls)
-- different metatables with the same __lt function are comparable
local lt = function(a, b) return a.v < b.v end
local w = { setmetatable({ v = 2 }, { __lt = lt }), setmetatable({ v = 1 }, { __lt = lt }) }
table.sort(w)
print(w[1].v, w[2].v)
-- different __lt functions: not comparable
local x = { setmetatable({ v = 2 }, { __lt = lt }), setmetatable({ v = 1 }, { __lt = function() return true end }) }
print(pcall(function() table.sort(x) end))
-- a table against a number never reaches __lt
print(pcall(function() table.sort({ obj(1), 2 }) end))
print(pcall(function() table.sort({ 2, obj(1) }) end))
-- __index and __newindex on the array are not used
local proxy = setmetatable({ 3, 1, 2 }, {
  __index = function() error("no __index") end,
  __newindex = function() error("no __newindex") end,
})
table.sort(proxy)
print(rawget(proxy, 1), rawget(proxy, 2), rawget(proxy, 3))
-- strings with a metatable-less comparator result: any true value counts
local s = { "b", "c", "a" }
table.sort(s, function(a, b) if a < b then return 0 end return nil end)
print(table.concat(s))
