-- %f %e %E: precision, flags, infinities and NaN as glibc prints them
-- (-0 is computed at run time: 5.1 folds a -0.0 constant into an existing 0 constant)
local zero = 0
local negz = -zero
local nums = { 0, negz, 1, -1, 0.1, 1/3, -2/3, 123.456, 1e-5, 1e-300, 5e-324, 1e15, 1e21, 1e22, 1.7976931348623157e308, 2^63, 1/0, -1/0 }
local fmts = { "%f", "%.0f", "%.1f", "%.10f", "%10.2f", "%-10.2f|", "%010.2f", "%+f", "% f", "%#.0f", "%e", "%.0e", "%.3e", "%E", "%12.4e", "%-12.2E|", "%+.2e", "%#.0e", "%012.3e" }
for _, n in ipairs(nums) do
  local row = {}
  for _, f in ipairs(fmts) do row[#row + 1] = string.format(f, n) end
  print(table.concat(row, " "))
end
print(string.format("%5.1f|%-8f|%08.3f", -0.05, 2.5, -1.5))
print(string.format("%.20f", 0.1), string.format("%.17e", 0.1), string.format("%.0f", 1e300):sub(1, 20))
print(string.format("%99.99f", -1e308):sub(1, 40), #string.format("%99.99f", -1e308))
print(string.format("%f|%e|%+f|% e|%010f|%-10e|", 1/0, -1/0, 1/0, 1/0, -1/0, 1/0))
