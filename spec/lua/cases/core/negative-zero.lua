-- -0 computed at run time prints as "-0" (%.14g); it equals 0
local z = 0
local nz = -z
print(nz, tostring(nz), nz .. "", string.format("%g", nz))
print(nz == 0, 1 / nz, 1 / z)
print(z * -1, -1 * z, nz + 0, 0 + nz, nz - 0, nz * nz)
print(math.ceil(-0.5), math.floor(0.5), -math.floor(0.5))
local t = {}
t[nz] = "negzero key"
print(t[0], t[nz])
print(string.format("%.1f", nz), string.format("%d", nz))
print(tonumber("-0"), tonumber("-0") == 0)
print(nz < 0, nz > 0, nz <= 0)
print(math.abs(nz), math.max(nz, z), math.min(z, nz))
