-- table.insert: appending, inserting at positions, and what # sees afterwards
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  print(#t, table.concat(parts, " "))
end
local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "c")
table.insert(t, 2, "d")
table.insert(t, #t + 1, "e")
show(t)
table.insert(t, 3, nil)
show(t, 6)
print(select("#", table.insert(t, "z")))
local u = { 1, 2, 3 }
table.insert(u, 10, "far")
show(u, 10)
print(u[10], #u)
local v = { 1, 2, 3 }
table.insert(v, 0, "zero")
show(v, 4)
print(v[0])
local w = { 1, 2, 3 }
table.insert(w, -2, "neg")
for k, val in pairs(w) do io.write(tostring(k), "=", tostring(val), " ") end
print()
local x = { "a", "b" }
table.insert(x, "2", "s")
table.insert(x, 1.9, "f")
show(x)
local y = {}
for i = 1, 20 do table.insert(y, 1, i) end
show(y)
local z = {}
for i = 1, 20 do table.insert(z, math.floor(#z / 2) + 1, i) end
show(z)
local h = { 1, 2, nil, 4 }
table.insert(h, "x")
show(h, 5)
local nilv = { 1, 2 }
table.insert(nilv, nil)
show(nilv, 3)
local m = setmetatable({}, { __newindex = function() error("not raw") end })
table.insert(m, "raw")
table.insert(m, 1, "first")
print(rawget(m, 1), rawget(m, 2), #m)
