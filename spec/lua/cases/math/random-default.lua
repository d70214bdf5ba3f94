-- math.random without a seed: lua5.1 draws from C's rand(), which starts as if srand(1)
local t = {}
for i = 1, 10 do t[#t + 1] = math.random(100) end
print(table.concat(t, " "))
t = {}
for i = 1, 10 do t[#t + 1] = math.random(-5, 5) end
print(table.concat(t, " "))
for i = 1, 5 do print(math.random()) end
t = {}
for i = 1, 10 do t[#t + 1] = math.random(1, 2) end
print(table.concat(t, " "))
print(math.random(1), math.random(2147483647), math.random(-2147483648, 2147483647))
print(math.random(5.9), math.random("10"), math.random(3, 3), math.random(-3.5, -2.5))
local counts = { 0, 0, 0, 0, 0, 0 }
for i = 1, 6000 do
  local r = math.random(6)
  counts[r] = counts[r] + 1
end
print(table.concat(counts, " "))
local sum = 0
for i = 1, 1000 do sum = sum + math.random() end
print(string.format("%.10f", sum))
