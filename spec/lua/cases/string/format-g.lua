-- %g and %G: switching between fixed and exponent forms, trailing zeros, '#'
-- (-0 is computed at run time: 5.1 folds a -0.0 constant into an existing 0 constant)
local zero = 0
local negz = -zero
local nums = { 0, negz, 1, 0.5, 100000, 1000000, 1e-4, 1e-5, 123456789, 0.000123456, 1/3, 2/3, 1e15, 1e16, 1e100, 12345.6789, 9.9999995, 0.00001, 1/0, -1/0 }
local fmts = { "%g", "%G", "%.0g", "%.1g", "%.3g", "%.10g", "%.14g", "%.17g", "%10.3g", "%-10.3g|", "%010.3g", "%+g", "% g", "%#g", "%#.3g", "%#.0g", "%#10.4G" }
for _, n in ipairs(nums) do
  local row = {}
  for _, f in ipairs(fmts) do row[#row + 1] = string.format(f, n) end
  print(table.concat(row, " "))
end
print(string.format("%.99g", 0.1):sub(1, 60), #string.format("%.99g", 0.1), #string.format("%.99g", 1e-5))
