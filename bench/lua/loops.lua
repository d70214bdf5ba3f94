-- numeric loops: a sieve of Eratosthenes plus a floating-point accumulation
local n = tonumber(arg and arg[1]) or 6000000
local sieve = {}
for i = 2, n do sieve[i] = true end
for i = 2, math.floor(math.sqrt(n)) do
  if sieve[i] then
    for j = i * i, n, i do sieve[j] = false end
  end
end
local count = 0
for i = 2, n do if sieve[i] then count = count + 1 end end
local acc = 0.0
for i = 1, n do acc = acc + (i % 7) * 0.5 - (i % 3) / 3 end
print(count, string.format("%.3f", acc))
