-- Prints math.* results for a grid of inputs (NaNs of both signs, -0, infinities, subnormals,
-- large and small values) as "name<TAB>inputs<TAB>results", every number as %.17g, so that
-- mathlib.test.ts can replay each line on makeMathLib(). Recorded by record.ts under lua5.1.
local zero = 0
local nz = -zero
local nan = zero / zero
local X = { 0, nz, 1, -1, 0.5, -0.5, 2, -2, 3.7, -3.7, 1e10, -1e10, 1e300, -1e300, 1e-300, 5e-324, 1 / 0, -1 / 0,
  nan, -nan, 100, 0.1, 1 / 3, 2 ^ 53, 709, 710, -745, -746, 1e15 + 0.3, 123.456, -0.75, 2 ^ 31, 30, 45, 89.5, 1e22,
  6.02e23, 0.9999999, 1.0000001, 12345678.9, 2.2250738585072014e-308, 1.7976931348623157e308 }
local Y = { 0, nz, 1, -1, 0.5, -2, 3, 2.5, 1 / 0, -1 / 0, nan, -nan, 1e300, 1e-300, 7, -7, 0.1, 2, 10, -3 }
local function f(v) return string.format("%.17g", v) end
local un = { "abs", "acos", "asin", "atan", "ceil", "cos", "cosh", "deg", "exp", "floor", "log", "log10", "rad", "sin",
  "sinh", "sqrt", "tan", "tanh" }
for _, name in ipairs(un) do
  for _, x in ipairs(X) do print(name .. "\t" .. f(x) .. "\t" .. f(math[name](x))) end
end
for _, name in ipairs({ "atan2", "fmod", "pow", "min", "max" }) do
  for _, x in ipairs(X) do
    for _, y in ipairs(Y) do print(name .. "\t" .. f(x) .. " " .. f(y) .. "\t" .. f(math[name](x, y))) end
  end
end
for _, x in ipairs(X) do
  local i, r = math.modf(x)
  local m, e = math.frexp(x)
  print("modf\t" .. f(x) .. "\t" .. f(i) .. " " .. f(r))
  print("frexp\t" .. f(x) .. "\t" .. f(m) .. " " .. e)
  for _, n in ipairs({ 0, 1, -1, 10, 52, -1074, -1075, 1023, 1024, 2000, -2000, -1022, -1060 }) do
    print("ldexp\t" .. f(x) .. " " .. n .. "\t" .. f(math.ldexp(x, n)))
  end
end
-- integer powers of assorted bases: glibc rounds these correctly almost always
local s = 12345
local function rnd()
  s = (s * 1103515245 + 12345) % 2147483648
  return s / 2147483648
end
for i = 1, 3000 do
  local x = (rnd() - 0.5) * 10 ^ math.floor(rnd() * 12 - 6)
  if i % 3 == 0 then x = math.floor(x * 1000) end
  local y = math.floor(rnd() * 80) - 40
  print("pow\t" .. f(x) .. " " .. f(y) .. "\t" .. f(math.pow(x, y)))
end
