-- ordinary (non-tail) recursion several thousand calls deep works in Lua 5.1
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(1000), depth(5000), depth(7500))
local function sumList(t, i) i = i or 1 if i > #t then return 0 end return t[i] + sumList(t, i + 1) end
local big = {}
for i = 1, 5000 do big[i] = i end
print(sumList(big))
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))
local calls = 0
local function fibr(n) calls = calls + 1 if n < 2 then return n end return fibr(n - 1) + fibr(n - 2) end
print(fibr(20), calls)
