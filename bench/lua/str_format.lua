-- string.format in loops: integers, floats, padding, %s and %q
local n = tonumber(arg and arg[1]) or 40
local total = 0
for round = 1, n do
  for i = 1, 2000 do
    local a = string.format("%d:%5d:%-6d|%x|%X|%o", i, i * round, -i, i * 255, i * 4095, i)
    local b = string.format("%.3f %10.2f %e %g %g", i / 7, i * 1.5, i * 1e5, i / 3, i * 1e20)
    local c = string.format("%s=%s [%10s] %q %c%%", "key" .. i, tostring(i * 0.25), "pad", "q\"" .. i, 65 + i % 26)
    total = total + #a + #b + #c
  end
end
print(total)
