-- pairs order and # with integer, float, negative and boolean keys
local function keys(t)
  local p = {}
  for k, v in pairs(t) do p[#p + 1] = tostring(k) end
  return table.concat(p, " ")
end
local t = {}
for _, k in ipairs({ 5, 3, 8, 1, 9, 2, 7, 4, 6, 10 }) do
  t[k] = k
  print(#t, keys(t))
end
local f = {}
for _, k in ipairs({ 0.5, -1, 0, 1e10, 2 ^ 31, -2 ^ 31, 1 / 0, -1 / 0, 3.25, 100, 1e300, -7 }) do f[k] = true end
print(keys(f))
local b = { [true] = 1, [false] = 0, [1] = "one", [0] = "zero", x = "x" }
print(keys(b))
local sparse = {}
for i = 1, 100, 7 do sparse[i] = i end
print(#sparse, keys(sparse))
local neg = {}
for i = -10, 10 do neg[i] = i end
print(#neg, keys(neg))
local powers = {}
for i = 0, 30 do powers[2 ^ i] = i end
print(#powers, keys(powers))
local mixed = { 1, 2, 3, a = 1, b = 2, [10] = 10, [2.5] = 2.5, [-1] = -1 }
print(#mixed, keys(mixed))
mixed[4], mixed[5], mixed[6] = 4, 5, 6
print(#mixed, keys(mixed))
for i = 7, 12 do mixed[i] = i end
print(#mixed, keys(mixed))
