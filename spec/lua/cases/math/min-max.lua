-- math.min / math.max: any number of arguments, numeric strings, NaN (order matters), errors
print(math.min(1), math.max(1), math.min(3, 1, 2), math.max(3, 1, 2))
print(math.min(-1, -5, 10, 2.5), math.max(-1, -5, 10, 2.5))
local zero = 0
local nz = -zero
print(math.min(1 / 0, -1 / 0), math.max(1 / 0, -1 / 0), math.min(0, nz), math.max(nz, 0), math.min(nz, 0))
print(math.min("10", 9), math.max("10", 9), math.max(" 0x10 ", 15), math.min("1e2", 101))
local nan = zero / zero
print(math.min(nan, 1), math.min(1, nan), math.max(nan, 1), math.max(1, nan), math.min(-nan, 2))
print(math.min(1, nan, -1), math.max(1, nan, 5))
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 end
print(math.min(unpack(t)), math.max(unpack(t)))
print(type(math.min("5")), math.min("5") + 1)
print(pcall(function() return math.min() end))
print(pcall(function() return math.max() end))
print(pcall(function() return math.min(1, nil) end))
print(pcall(function() return math.max(1, 2, "x") end))
print(pcall(function() return math.min({}) end))
print(pcall(function() return math.max(nil) end))
print(pcall(function() return math.min(1, 2, 3, 4, false) end))
