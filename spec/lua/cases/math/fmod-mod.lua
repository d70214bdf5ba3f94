-- math.fmod (C's fmod: the sign of the dividend) and its 5.1 alias math.mod, against %
local zero = 0
local nz = -zero
local pairs_ = { { 7, 3 }, { -7, 3 }, { 7, -3 }, { -7, -3 }, { 5.5, 2 }, { -5.5, 2 }, { 1, 0.1 },
  { 1e300, 7 }, { 7, 1e300 }, { 0, 5 }, { nz, 5 }, { 5, 1 / 0 }, { -5, -1 / 0 }, { 2 ^ 53, 3 },
  { 0.3, 0.1 }, { 1, 0 }, { 1 / 0, 2 }, { 0, 0 } }
for _, p in ipairs(pairs_) do
  local a, b = p[1], p[2]
  print(a, b, math.fmod(a, b), math.mod(a, b), a % b)
end
print(math.mod == math.fmod)
print(1 / math.fmod(nz, 3), 1 / math.fmod(-6, 3), 1 / math.fmod(6, -3))
local nan = zero / zero
print(math.fmod(nan, 1), math.fmod(1, nan), math.fmod(-nan, 1), math.fmod(-nan, nan), math.fmod(nan, -nan))
print(math.fmod("7", "2"), math.mod(" 9 ", 4))
print(pcall(function() return math.fmod(1) end))
print(pcall(function() return math.fmod(nil, 1) end))
print(pcall(function() return math.fmod("a", 1) end))
print(pcall(function() return math.fmod(1, {}) end))
