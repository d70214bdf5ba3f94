-- inconsistent comparators: 5.1's results, and "invalid order function for sorting" where 5.1 raises it
local function show(t)
  local p = {}
  for i = 1, #t do p[i] = tostring(t[i]) end
  print(table.concat(p, " "))
end
local function base(n)
  local t = {}
  for i = 1, n do t[i] = (i * 7) % n + 1 end
  return t
end
for _, n in ipairs({ 2, 3, 4, 5, 9, 20 }) do
  local t = base(n)
  print(n, pcall(function() table.sort(t, function() return true end) end))
  show(t)
end
for _, n in ipairs({ 4, 9, 20 }) do
  local t = base(n)
  print(n, pcall(function() table.sort(t, function(a, b) return a <= b end) end))
  show(t)
end
local seed = 3
local function coin()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % 2 == 0
end
for _, n in ipairs({ 5, 10, 30, 60 }) do
  local t = base(n)
  local ok, err = pcall(function() table.sort(t, function() return coin() end) end)
  print(n, ok, err)
  show(t)
end
-- a comparator that errors: the error comes through with its own position
local t = base(10)
print(pcall(function() table.sort(t, function(a, b) if a == 5 then error("five") end return a < b end) end))
show(t)
-- a comparator that changes the table while sorting
local u = base(12)
print(pcall(function() table.sort(u, function(a, b) u[1] = 0 return a < b end) end))
show(u)
