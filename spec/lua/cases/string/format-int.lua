-- %d and %i: flags, width, precision, C's (long) cast of non-integers and huge values
local nums = { 0, 1, -1, 42, -42, 3.7, -3.7, 0.5, -0.5, 2^31, -2^31, 2^53, 2^53 + 1, 2^62, 2^63, -2^63, 2^64, 1e300, -1e300, 1/0, -1/0, 0/0 }
local fmts = { "%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%.0d", "%8.3d", "%-+8.3d|", "%+05d", "% 05d", "%#d", "%-05d|" }
for _, n in ipairs(nums) do
  local row = {}
  for _, f in ipairs(fmts) do row[#row + 1] = string.format(f, n) end
  print(table.concat(row, " "))
end
print(string.format("%d %d %d", "10", " 0x1F ", "1e3"), string.format("%d", 2^53 - 1), string.format("%d", -2^53 + 1))
print(string.format("%3d|%-3d|%03d", 12345, 12345, 12345), string.format("%.10d", -7), string.format("%20.15d", 123))
