-- table.sort is not stable: the order of equal elements is the quicksort's, exactly
local seed = 11
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end
for _, n in ipairs({ 3, 4, 5, 7, 10, 16, 33, 100 }) do
  local recs = {}
  for i = 1, n do recs[i] = { key = rnd(4), id = i } end
  table.sort(recs, function(a, b) return a.key < b.key end)
  local p = {}
  for i = 1, n do p[i] = recs[i].key .. "/" .. recs[i].id end
  print(n, table.concat(p, " "))
end
-- a comparator that sees everything as equal still moves elements around
local ids = {}
for i = 1, 12 do ids[i] = i end
table.sort(ids, function() return false end)
print(table.concat(ids, " "))
-- count the comparisons: the exact number depends on the algorithm
for _, n in ipairs({ 2, 3, 4, 8, 50, 200 }) do
  local a = {}
  for i = 1, n do a[i] = rnd(n) end
  local calls = 0
  table.sort(a, function(x, y) calls = calls + 1 return x < y end)
  local b = {}
  for i = 1, n do b[i] = i end
  local calls2 = 0
  table.sort(b, function(x, y) calls2 = calls2 + 1 return x < y end)
  print(n, calls, calls2)
end
