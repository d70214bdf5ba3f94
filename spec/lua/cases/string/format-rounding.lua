-- values exactly halfway round to even, as glibc's printf does; others to nearest
local halves = { 0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 0.25, 0.75, 0.125, 0.375, 2.675, 1.005, 1.45, 8.5, 9.5, 10.5, 99.5, 125, 135, 1e22 + 0.0, 2^70 }
for _, n in ipairs(halves) do
  print(n, string.format("%.0f %.1f %.2f %.0e %.1e %.2e %.1g %.2g %.3g", n, n, n, n, n, n, n, n, n))
end
print(1234567890123.25, 1234567890123.75, 0.5, 2.5e-10, 123456789012.345)
print(string.format("%.14g %.14g %.14g", 1234567890123.25, 123456789012345.5, 2^53 + 0.0))
print(string.format("%.15g %.16g %.17g", 0.1, 0.1, 0.1), string.format("%.3f", 1.0005), string.format("%.3f", 1.00050000001))
print(tostring(1e15), tostring(1e16), tostring(-1e-5), tostring(123456789012345678), tostring(2^63), tostring(0.1 + 0.2))
