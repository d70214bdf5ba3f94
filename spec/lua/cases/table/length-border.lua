-- # finds a border by luaH_getn's binary search (array part) or unbound_search (hash part)
local function lens(...)
  local p = {}
  for i = 1, select("#", ...) do p[i] = #(select(i, ...)) end
  print(table.concat(p, " "))
end
lens({ 1, 2, nil }, { 1, nil, 3 }, { nil, 2, 3 }, { nil, nil, 3 }, { 1, 2, 3, nil, 5 }, { nil })
lens({ 1, nil, 3, nil, 5, nil, 7, nil }, { 1, 2, 3, 4, 5, 6, 7, nil, 9 }, { nil, nil, nil, nil, 5 })
local t = {}
t[1], t[2], t[3], t[5] = 1, 2, 3, 5
lens(t)
local u = {}
u[5], u[3], u[2], u[1] = 5, 3, 2, 1
lens(u)
local v = {}
for i = 1, 16 do v[i] = i end
for _, hole in ipairs({ 8, 16, 15, 4, 1 }) do
  v[hole] = nil
  io.write(#v, " ")
end
print()
local w = {}
for i = 1, 64 do w[i] = i end
for i = 33, 64 do w[i] = nil end
print(#w)
w[40] = 40
print(#w)
local x = { n = 1 }
x[1], x[2], x[4] = 1, 2, 4
print(#x)
x[3] = 3
print(#x)
local y = {}
y[2] = 2
print(#y)
y[1] = 1
print(#y)
local z = {}
for i = 1, 10 do z[i] = i end
z[11], z[13], z[14] = 11, 13, 14
print(#z)
local big = {}
for i = 1, 1000 do big[i] = true end
for i = 1, 1000, 3 do big[i] = nil end
print(#big)
local h = { a = 1 }
for i = 1, 7 do h[i] = i end
print(#h)
h[20], h[21] = 20, 21
print(#h)
local g = {}
g[1] = 1
g[1000000] = 1
print(#g)
local s = {}
for i = 1, 5 do s[#s + 1] = i * i end
s[#s] = nil
s[#s + 1] = "x"
print(#s, s[5])
