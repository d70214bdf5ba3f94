-- table.getn (the border #t finds) and table.maxn (the largest positive numeric key)
print(table.getn({}), table.getn({ 1, 2, 3 }), table.getn({ n = 5 }), table.getn({ 1, nil, 3 }))
print(table.maxn({}), table.maxn({ 1, 2, 3 }), table.maxn({ [10] = 1, [2] = 2 }))
print(table.maxn({ [1.5] = 1 }), table.maxn({ [-5] = 1 }), table.maxn({ [2 ^ 40] = 1, [3] = 1 }))
print(table.maxn({ x = 1, ["10"] = 1 }), table.maxn({ [1 / 0] = 1 }), table.maxn({ [-1 / 0] = 1, [0.5] = 2 }))
local t = {}
for i = 1, 20 do t[i] = i end
t[10] = nil
print(#t, table.getn(t), table.maxn(t))
t[20] = nil
t[19] = nil
print(#t, table.getn(t), table.maxn(t))
local u = { n = 3, 1, 2 }
print(table.getn(u), table.maxn(u))
local v = {}
v[1], v[2], v[4] = 1, 2, 4
print(#v, table.getn(v), table.maxn(v))
local w = setmetatable({}, { __index = function(_, k) return k end })
print(table.getn(w), table.maxn(w))
local x = { [1] = 1, [2] = 2, [3] = 3, [5] = 5 }
print(#x, table.getn(x), table.maxn(x))
local y = { 1, 2, 3, nil, 5, nil, nil, 8 }
print(#y, table.getn(y), table.maxn(y))
local z = {}
for i = 1, 100 do z[i * 2] = i end
print(#z, table.maxn(z))
