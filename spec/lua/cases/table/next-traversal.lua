-- next and pairs: clearing fields while traversing, dead keys, invalid keys
local t = {}
for i = 1, 10 do t["k" .. i] = i end
for i = 1, 5 do t[i] = i end
local seen = {}
for k, v in pairs(t) do
  seen[#seen + 1] = tostring(k)
  t[k] = nil
end
print(#seen, table.concat(seen, " "), next(t))
local u = { a = 1, b = 2, c = 3, d = 4, e = 5 }
local order = {}
for k in pairs(u) do order[#order + 1] = k end
print(table.concat(order, " "))
u.b = nil
print(pcall(next, u, "b"))
u.c = nil
u.b = 22
local again = {}
for k, v in pairs(u) do again[#again + 1] = k .. "=" .. v end
print(table.concat(again, " "))
print(pcall(function() return next(u, "zz") end))
print(pcall(function() return next({}, 1) end))
print(pcall(function() return next({ 1, 2 }, 3) end))
print(next({ 1, 2 }, 2))
print(next({ 1, 2 }, 1))
print(next({}, nil))
print(pcall(function() return next() end))
local w = { 10, 20, 30, x = "x" }
local k, v = next(w)
while k do
  io.write(tostring(k), "=", tostring(v), " ")
  k, v = next(w, k)
end
print()
-- assigning existing fields (even to nil) during traversal keeps it going
local z = {}
for i = 1, 20 do z["f" .. i] = i end
local n = 0
for k, v in pairs(z) do
  n = n + 1
  if v % 2 == 0 then z[k] = nil else z[k] = v * 100 end
end
local rest = {}
for k, v in pairs(z) do rest[#rest + 1] = k .. "=" .. v end
print(n, table.concat(rest, " "))
