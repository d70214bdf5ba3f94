-- exp, log, log10 (values where every C library agrees to 14 digits), and their edge cases
local zero = 0
local nz = -zero
for _, x in ipairs({ 0, 1, -1, 2, 10, 0.5, 100, -100, 709, 710, -745, -746 }) do
  print(x, math.exp(x))
end
for _, x in ipairs({ 1, 2, 10, 0.5, 100, 1e-300, 1e300, 2 ^ 52 }) do
  print(x, math.log(x), math.log10(x))
end
for e = -10, 10 do io.write(math.log10(10 ^ e), " ") end
print()
print(math.log(0), math.log(nz), math.log(-1), math.log(1 / 0), math.log(-1 / 0), math.log(0 / 0))
print(math.log10(0), math.log10(-1), math.log10(1 / 0), math.exp(1 / 0), math.exp(-1 / 0), math.exp(0 / 0))
print(math.exp(1) == 2.718281828459045, math.log(math.exp(2)))
print(math.log("10"), math.exp("0"))
print(pcall(function() return math.log() end))
print(pcall(function() return math.exp(nil) end))
print(pcall(function() return math.log10(true) end))
