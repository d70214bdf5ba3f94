-- math.randomseed: the same seed gives the same sequence; seeds are C ints (truncated, wrapped)
local function seq(seed, n, m)
  math.randomseed(seed)
  local t = {}
  for i = 1, n do t[i] = m and math.random(m) or math.random() end
  return table.concat(t, " ")
end
print(seq(42, 10, 100))
print(seq(42, 10, 100))
print(seq(0, 10, 100))
print(seq(1, 10, 100))
print(seq(-1, 10, 100))
print(seq(7.9, 10, 100))
print(seq("7", 10, 100))
print(seq(2 ^ 31, 10, 100))
print(seq(2 ^ 32 + 5, 10, 100))
print(seq(5, 10, 100))
print(seq(123456789, 4))
print(seq(-2147483648, 10, 1000))
print(select("#", math.randomseed(1)))
math.randomseed(99)
local a = math.random(1000)
math.randomseed(99)
print(a == math.random(1000))
for seed = 1, 5 do
  math.randomseed(seed)
  io.write(math.random(10), ",", math.random(10, 20), ",", string.format("%.6f", math.random()), " ")
end
print()
