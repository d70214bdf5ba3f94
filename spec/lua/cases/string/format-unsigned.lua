-- %u %o %x %X: C's (unsigned long) cast, '#' prefixes, precision and zero padding
local nums = { 0, 1, 7, 8, 255, 256, 4095, -1, -255, 3.9, -3.9, 2^32, 2^53, 2^63, 2^63 + 2^11, 2^64, -2^63, -2^64, 1e300, 1/0, -1/0, 0/0 }
local fmts = { "%u", "%o", "%x", "%X", "%#o", "%#x", "%#X", "%5x", "%-5x|", "%05x", "%#08x", "%.4x", "%#.0o", "%#.0x", "%.0x", "%+u", "% x", "%#5.3o" }
for _, n in ipairs(nums) do
  local row = {}
  for _, f in ipairs(fmts) do row[#row + 1] = string.format(f, n) end
  print(table.concat(row, " "))
end
print(string.format("%x", "255"), string.format("%X", "0xff"), string.format("%o", " 8 "))
