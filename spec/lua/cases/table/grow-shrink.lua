-- tables that grow, empty out and grow again: the layout after each rehash decides pairs and #
local function keys(t)
  local p = {}
  for k in pairs(t) do p[#p + 1] = tostring(k) end
  return table.concat(p, " ")
end
local t = {}
for i = 1, 30 do t["key" .. i] = i end
for i = 1, 30 do if i % 3 ~= 0 then t["key" .. i] = nil end end
print(keys(t))
t.fresh = 1
print(keys(t))
for i = 1, 10 do t[i] = i end
print(#t, keys(t))
for i = 1, 10 do t[i] = nil end
t.after = 2
print(#t, keys(t))
local a = {}
for i = 1, 100 do a[i] = i end
for i = 1, 90 do a[i] = nil end
print(#a)
a.x = 1
a.y = 2
print(#a, keys(a))
for i = 1, 200 do a["z" .. i] = i end
for i = 1, 200 do a["z" .. i] = nil end
a.w = 3
print(#a, keys(a))
local n = {}
for i = 1, 16 do n[i * 1.5] = i end
print(keys(n))
for i = 1, 16 do n[i] = i end
print(#n, keys(n))
local s = {}
for i = 1, 8 do s[i] = i end
for i = 8, 1, -1 do s[i] = nil print(#s, next(s)) end
s[5] = 5
print(#s, keys(s))
