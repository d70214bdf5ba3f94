-- table.sort on numbers: orders, duplicates, sizes around the 3-element special cases
local seed = 7
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end
local function show(t)
  local p = {}
  for i = 1, #t do p[i] = tostring(t[i]) end
  print(table.concat(p, " "))
end
for n = 0, 8 do
  local t = {}
  for i = 1, n do t[i] = rnd(5) end
  table.sort(t)
  show(t)
end
local t = { 5, 3, 8, 1, 9, 2, 7, 4, 6, 0 }
table.sort(t)
show(t)
table.sort(t, function(a, b) return a > b end)
show(t)
local f = { 3.5, -1, 1e10, -1e10, 0, 1 / 0, -1 / 0, 2 ^ 53, 0.1, -0.1, 100 }
table.sort(f)
show(f)
local big = {}
for i = 1, 500 do big[i] = rnd(1000) - 500 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[250], big[500])
local desc = {}
for i = 1, 300 do desc[i] = 300 - i end
table.sort(desc)
print(desc[1], desc[150], desc[300])
local same = {}
for i = 1, 100 do same[i] = 42 end
table.sort(same)
print(same[1], same[100], #same)
local strnum = { "10", "9", "100", "1" }
table.sort(strnum)
show(strnum)
local two = { 2, 1 }
table.sort(two)
show(two)
local one = { 1 }
table.sort(one)
show(one)
-- sort only looks at 1..#t
local partial = { 3, 2, 1, nil, 0, -1 }
table.sort(partial)
print(partial[1], partial[2], partial[3], partial[4], partial[5], partial[6])
print(select("#", table.sort({ 2, 1 })))
