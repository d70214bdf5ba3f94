-- table.remove: last, first, middle, out of range (no values at all), holes, coercions
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  print(#t, table.concat(parts, " "))
end
local t = { "a", "b", "c", "d", "e" }
print(table.remove(t))
show(t)
print(table.remove(t, 1))
show(t)
print(table.remove(t, 2))
show(t)
print(select("#", table.remove(t, 5)))
print(select("#", table.remove(t, 0)))
print(select("#", table.remove(t, -1)))
print(select("#", table.remove({})))
print(select("#", table.remove({}, 1)))
print(table.remove(t, "1"))
print(table.remove(t, 1.7))
show(t)
print(table.remove(t, nil))
show(t)
print(select("#", table.remove(t)))
local h = { 1, nil, 3 }
print(#h, table.remove(h, 2), #h, h[1], h[2], h[3])
local g = { 1, 2, 3, nil, 5 }
print(#g)
print(table.remove(g))
print(#g, g[4], g[5])
local q = {}
for i = 1, 10 do q[i] = i * i end
while #q > 0 do io.write(table.remove(q, 1), " ") end
print()
local r = {}
for i = 1, 10 do r[i] = i end
while #r > 0 do io.write(table.remove(r, math.floor((#r + 1) / 2)), " ") end
print()
local m = setmetatable({ 1, 2, 3 }, { __index = function() return "meta" end, __newindex = function() error("raw") end })
print(table.remove(m, 1), rawget(m, 1), rawget(m, 2), rawget(m, 3), #m)
local fl = { 10, 20, 30 }
fl[2.5] = "float"
print(table.remove(fl), fl[2.5], #fl)
