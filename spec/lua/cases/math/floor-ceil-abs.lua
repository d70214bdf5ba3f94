-- floor, ceil, abs: fractions, negatives, -0, huge values, infinities, NaN
local zero = 0
local nz = -zero
local xs = { 0, nz, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
  1e15 + 0.5, -1e15 - 0.5, 2 ^ 52 + 0.5, 2 ^ 53, -2 ^ 53, 1e300, -1e300, 5e-324, -5e-324, 1 / 0, -1 / 0 }
for _, x in ipairs(xs) do
  print(string.format("%.17g", x), math.floor(x), math.ceil(x), math.abs(x))
end
print(math.floor(0 / 0), math.ceil(0 / 0), math.abs(0 / 0), math.abs(-(0 / 0)))
print(math.floor("3.7"), math.ceil(" -3.7 "), math.abs("-0x10"), math.floor("1e2"))
print(math.floor(-0.0) == 0, 1 / math.floor(nz), 1 / math.ceil(-0.25), 1 / math.abs(nz))
print(math.floor(2 ^ 31 + 0.5), math.floor(-2 ^ 31 - 0.5), math.ceil(2 ^ 63), math.floor(-2 ^ 63))
for i = -3, 3 do io.write(math.floor(i / 2), ",", math.ceil(i / 2), " ") end
print()
