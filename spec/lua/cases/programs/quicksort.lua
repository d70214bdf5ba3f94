local function qsort(t, lo, hi, cmp)
  if lo >= hi then return end
  local p = t[math.floor((lo + hi) / 2)]
  local i, j = lo, hi
  while i <= j do
    while cmp(t[i], p) do i = i + 1 end
    while cmp(p, t[j]) do j = j - 1 end
    if i <= j then t[i], t[j] = t[j], t[i] i = i + 1 j = j - 1 end
  end
  qsort(t, lo, j, cmp)
  qsort(t, i, hi, cmp)
end
local seed = 42
local function rand() seed = (seed * 1103515245 + 12345) % 2147483648 return seed end
local t = {}
for i = 1, 200 do t[i] = rand() % 1000 end
qsort(t, 1, #t, function(a, b) return a < b end)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[100], t[200])
local words = { "pear", "apple", "fig", "banana", "cherry", "date" }
qsort(words, 1, #words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, " "))
local desc = { 5, 3, 9, 1, 7 }
qsort(desc, 1, #desc, function(a, b) return a > b end)
print(table.concat(desc, " "))
