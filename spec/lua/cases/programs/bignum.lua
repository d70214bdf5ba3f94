-- arbitrary-precision non-negative integers as little-endian base-10^7 digit arrays
local BASE = 10000000
local function fromInt(n) local r = {} repeat r[#r + 1] = n % BASE n = math.floor(n / BASE) until n == 0 return r end
local function add(a, b)
  local r, carry = {}, 0
  for i = 1, math.max(#a, #b) do
    local s = (a[i] or 0) + (b[i] or 0) + carry
    r[i] = s % BASE
    carry = math.floor(s / BASE)
  end
  if carry > 0 then r[#r + 1] = carry end
  return r
end
local function mulSmall(a, m)
  local r, carry = {}, 0
  for i = 1, #a do
    local p = a[i] * m + carry
    r[i] = p % BASE
    carry = math.floor(p / BASE)
  end
  while carry > 0 do r[#r + 1] = carry % BASE carry = math.floor(carry / BASE) end
  return r
end
local function tostr(a)
  local parts = { tostring(a[#a]) }
  for i = #a - 1, 1, -1 do parts[#parts + 1] = string.format("%07d", a[i]) end
  return table.concat(parts)
end
local f = fromInt(1)
for i = 2, 50 do f = mulSmall(f, i) end
print("50! = " .. tostr(f))
local a, b = fromInt(0), fromInt(1)
for i = 1, 200 do a, b = b, add(a, b) end
print("fib(200) = " .. tostr(a))
local p = fromInt(1)
for i = 1, 100 do p = mulSmall(p, 2) end
print("2^100 = " .. tostr(p))
