local zero = 0
local values = {
  0, -zero, 1, -1, 0.5, 0.1, 1 / 3, 2 / 3, 10, 100, 1e14, 1e15, 1e16, 1e17, 123456789012345, 1234567890123456,
  2 ^ 53, 2 ^ 53 + 1, 2 ^ 63, 2 ^ 64, 1e100, 1e300, 1e-300, 5e-324, 1e-5, 1e-4, 0.001,
  3.14159265358979, 2.5, -2.5, 1e308 * 10, -1e308 * 10, 255, 65535, 4294967296, 99999999999999.9,
  0.30000000000000004, 123.456, -0.000001, 1.5e-7, 12345678.9, 100000000000000,
}
for i, v in ipairs(values) do
  print(i, v, tostring(v), v .. "")
end
print(0 / 0 ~= 0 / 0)
print(-(0 / 0) ~= -(0 / 0))
print(math.huge, -math.huge)
print(string.format("%.14g", 0.1), string.format("%.17g", 0.1))
print(-zero == zero, 1 / -zero, 1 / zero)
local negzero = -zero
print(negzero, zero * -1, negzero + 0, negzero * 1, negzero .. "", tostring(negzero))
print(math.floor(-0.5), math.ceil(-0.5))
