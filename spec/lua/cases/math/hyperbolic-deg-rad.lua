-- sinh, cosh, tanh; deg and rad (5.1 divides by and multiplies by pi/180); pi and huge
local zero = 0
local nz = -zero
for _, x in ipairs({ 0, 0.5, -0.5, 1, -1, 2, 10, -10, 20, 710, -710 }) do
  print(x, math.sinh(x), math.cosh(x), math.tanh(x))
end
print(math.sinh(nz), math.tanh(nz), math.cosh(nz), math.tanh(1 / 0), math.tanh(-1 / 0), math.sinh(-1 / 0))
for _, d in ipairs({ 0, 30, 45, 90, 180, 270, 360, -90, 1, 57.29577951308232, 1e300 }) do
  print(d, math.rad(d), math.deg(math.rad(d)))
end
for _, r in ipairs({ 0, 1, math.pi, math.pi / 2, -math.pi, 1e-300, 1 / 0 }) do
  io.write(math.deg(r), " ")
end
print()
print(math.pi, string.format("%.17g", math.pi), math.huge, -math.huge, math.huge == 1 / 0)
print(math.huge > 1e308, -math.huge < -1e308, math.huge - math.huge ~= math.huge - math.huge)
print(math.rad("180"), math.deg("1"))
print(pcall(function() return math.rad() end))
print(pcall(function() return math.deg({}) end))
print(pcall(function() return math.cosh("x") end))
