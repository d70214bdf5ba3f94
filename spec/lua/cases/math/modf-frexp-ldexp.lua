-- modf (integral and fractional parts), frexp/ldexp (mantissa and exponent), subnormals included
local zero = 0
local nz = -zero
local xs = { 0, nz, 1, -1, 0.5, 3.75, -3.75, 1e10 + 0.25, -2 ^ 53, 123456.789, 5e-324, 2.2250738585072014e-308,
  1.7976931348623157e308, 1 / 0, -1 / 0, 0.1, -7 }
for _, x in ipairs(xs) do
  local i, f = math.modf(x)
  local m, e = math.frexp(x)
  print(string.format("%.17g | %.17g %.17g | %.17g %d | %.17g", x, i, f, m, e, math.ldexp(m, e)))
end
local i, f = math.modf(0 / 0)
print(i, f, math.frexp(0 / 0))
print(1 / select(2, math.modf(-3)), 1 / select(2, math.modf(3)), 1 / select(2, math.modf(-1 / 0)))
for _, e in ipairs({ 0, 1, -1, 10, 52, 53, 1023, 1024, -1022, -1023, -1074, -1075, -1076, 2000, -2000 }) do
  io.write(string.format("%.17g ", math.ldexp(1, e)))
end
print()
for _, e in ipairs({ -1070, -1073, -1074, -1075 }) do
  io.write(string.format("%.17g %.17g ", math.ldexp(1.5, e), math.ldexp(-1.75, e)))
end
print()
print(math.ldexp(0.75, 3.9), math.ldexp(1, "4"), math.ldexp("0.5", 2), math.ldexp(3, -1.5))
print(math.ldexp(1, 2 ^ 31), math.ldexp(1, -2 ^ 31), math.ldexp(1, 2 ^ 32 + 3))
print(select("#", math.modf(1.5)), select("#", math.frexp(1.5)))
print(pcall(function() return math.ldexp(1) end))
print(pcall(function() return math.ldexp(1, "x") end))
print(pcall(function() return math.frexp() end))
print(pcall(function() return math.modf({}) end))
