local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local function lcm(a, b) return a / gcd(a, b) * b end
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), lcm(4, 6), lcm(21, 6))
local function factor(n)
  local f = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do f[#f + 1] = d n = n / d end
    d = d + 1
  end
  if n > 1 then f[#f + 1] = n end
  return table.concat(f, "*")
end
for _, n in ipairs({ 2, 12, 97, 360, 1001, 65536, 999999, 600851475143 }) do print(n, factor(n)) end
local function collatz(n) local steps = 0 while n ~= 1 do n = n % 2 == 0 and n / 2 or 3 * n + 1 steps = steps + 1 end return steps end
local best, bestn = 0, 0
for i = 1, 3000 do local s = collatz(i) if s > best then best, bestn = s, i end end
print(bestn, best)
local perfect = {}
for n = 2, 10000 do
  local s = 1
  for d = 2, math.floor(math.sqrt(n)) do
    if n % d == 0 then s = s + d if d ~= n / d then s = s + n / d end end
  end
  if s == n then perfect[#perfect + 1] = n end
end
print(table.concat(perfect, " "))
local function powmod(b, e, m)
  local r = 1
  b = b % m
  while e > 0 do
    if e % 2 == 1 then r = r * b % m end
    b = b * b % m
    e = math.floor(e / 2)
  end
  return r
end
print(powmod(2, 100, 1000007), powmod(3, 200, 13), powmod(7, 0, 5))
