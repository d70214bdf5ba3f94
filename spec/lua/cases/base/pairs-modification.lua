-- assigning to existing fields (including nil) during traversal is allowed
local t = {}
for i = 1, 20 do t["k" .. i] = i end
local sum = 0
for k, v in pairs(t) do
  sum = sum + v
  t[k] = nil
end
print(sum, next(t))
local u = { a = 1, b = 2, c = 3, 10, 20, 30 }
for k, v in pairs(u) do u[k] = v * 2 end
local keys = {}
for k, v in pairs(u) do keys[#keys + 1] = tostring(k) .. "=" .. v end
table.sort(keys)
print(table.concat(keys, " "))
local arr = { 1, 2, 3, 4, 5 }
for i, v in ipairs(arr) do if v == 3 then arr[i + 1] = nil end end
print(#arr == 3 or #arr == 5, arr[4], arr[5])
local n = 0
for k in next, { x = 1, y = 2 } do n = n + 1 end
print(n)
local k, v = next({}, nil)
print(k, v)
