-- string.format's errors: missing values, bad options, bad format specifications
local fmts = { "%", "%y", "%l", "%ld", "%5", "%-", "%.", "%5.", "%h", "%n", "%p", "%a", "%F", "%b", "%\0", "%5\0d", "%\200",
  "%-+ #0d", "%-+ #0-d", "%000000d", "%100d", "%99d", "%.100f", "%.99f", "%1.1.1d", "%123", "%.123", "%-099.099d" }
for _, f in ipairs(fmts) do
  local ok, r = pcall(function() return string.format(f, 1) end)
  print(string.format("%-12q", f), ok, ok and #r or r)
end
print(pcall(function() return string.format() end))
print(pcall(function() return string.format(nil) end))
print(pcall(function() return string.format({}) end))
print(pcall(function() return string.format("%d") end))
print(pcall(function() return string.format("%d %d", 1) end))
print(pcall(function() return string.format("%s %y") end))
print(pcall(function() return string.format("%y") end))
print(pcall(function() return string.format("%d", nil) end))
print(pcall(function() return string.format("%d", "x") end))
print(pcall(function() return string.format("%d", {}) end))
print(pcall(function() return string.format("%f", "1,5") end))
print(pcall(function() return string.format("%x", true) end))
print(pcall(function() return string.format("%d %s %d", 1, "a", "b") end))
print(string.format("%d", 1, 2, 3), string.format("no conversions", 1), string.format(12), string.format(1.5))
