-- sin, cos, tan, asin, acos, atan, atan2 at angles where the C library and V8 agree to 14 digits
local zero = 0
local nz = -zero
local pi = math.pi
for _, x in ipairs({ 0, pi / 6, pi / 4, pi / 3, pi / 2, pi, 3 * pi / 2, 2 * pi, -pi / 4, 1, -1, 2, 10 }) do
  print(string.format("%.6f", x), math.sin(x), math.cos(x), math.tan(x))
end
for _, x in ipairs({ 0, 0.5, -0.5, 1, -1, 0.25, 0.9 }) do
  print(x, math.asin(x), math.acos(x), math.atan(x))
end
print(math.atan(1 / 0), math.atan(-1 / 0), math.atan(1e300))
local ys = { 1, -1, 0, nz }
local xs = { 1, -1, 0, nz, 1 / 0, -1 / 0 }
for _, y in ipairs(ys) do
  local p = {}
  for _, x in ipairs(xs) do p[#p + 1] = tostring(math.atan2(y, x)) end
  print(y, table.concat(p, " "))
end
print(math.atan2(1 / 0, 1 / 0), math.atan2(-1 / 0, -1 / 0), math.atan2(1 / 0, 1))
print(math.sin(nz), math.tan(nz), math.asin(nz), math.atan(nz))
print(math.sin(1 / 0), math.cos(-1 / 0), math.tan(1 / 0), math.asin(2), math.acos(-2), math.sin(0 / 0))
print(math.sin("0"), math.cos("0"), math.atan2("1", "1") == pi / 4)
print(pcall(function() return math.sin() end))
print(pcall(function() return math.atan2(1) end))
print(pcall(function() return math.acos("x") end))
