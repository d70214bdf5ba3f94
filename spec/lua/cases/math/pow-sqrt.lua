-- math.pow and ^ (C's pow), math.sqrt: integer powers exact, special cases, NaN signs
local zero = 0
local nz = -zero
local nan = zero / zero
for _, b in ipairs({ 2, 10, -2, 3, 0.5, 1.1, 7 }) do
  local p = {}
  for _, e in ipairs({ -3, -2, -1, 0, 1, 2, 3, 10, 20 }) do p[#p + 1] = string.format("%.17g", math.pow(b, e)) end
  print(b, table.concat(p, " "))
end
for e = -25, 25, 5 do io.write(string.format("%.17g ", math.pow(10, e))) end
print()
print(math.pow(10, -20) == 1e-20, math.pow(10, 15) == 1e15, math.pow(2, 0.5) == math.sqrt(2))
print(math.pow(1, nan), math.pow(1, 1 / 0), math.pow(-1, 1 / 0), math.pow(-1, -1 / 0), math.pow(nan, 0))
print(math.pow(0, 0), math.pow(0, -1), math.pow(nz, -1), math.pow(nz, 3), math.pow(nz, 2), math.pow(0, 1 / 0))
print(math.pow(-8, 1 / 3), math.pow(-2, 0.5), math.pow(2, 1024), math.pow(2, -1080), math.pow(-2, 1023))
print(math.pow(1 / 0, -1), math.pow(-1 / 0, 3), math.pow(-1 / 0, 2), math.pow(0.5, 1 / 0), math.pow(2, -1 / 0))
print(math.sqrt(4), math.sqrt(2), math.sqrt(0), math.sqrt(nz), math.sqrt(-1), math.sqrt(1 / 0), math.sqrt(1e-320))
print(math.pow("2", "10"), math.sqrt("16"))
print(pcall(function() return math.pow(2) end))
print(pcall(function() return math.sqrt() end))
print(pcall(function() return math.pow("x", 2) end))
