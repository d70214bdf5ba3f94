-- bit (LuaBitOp): argument normalisation (2^52+2^51 rounding, wrap-around, strings, non-numbers),
-- every operation with edge shift counts, variadic folds, tohex widths, and the argument errors
local function B(name, ...) T(name .. show({...}), bit[name], ...) end
for _, x in ipairs({0, 1, -1, 1.5, 2.5, -1.5, -2.5, 0.5, 0.49999999999999994, 3.7, -3.7, 2 ^ 31, 2 ^ 31 - 1,
  -2 ^ 31, -2 ^ 31 - 1, 2 ^ 32, 2 ^ 32 + 1, 2 ^ 32 - 1, 2 ^ 40 + 7, 2 ^ 51, 2 ^ 51 + 0.5, 2 ^ 52, 2 ^ 52 + 1,
  2 ^ 53, 2 ^ 53 + 2, 2 ^ 60, 2 ^ 63, 2 ^ 64, 1e20, -1e20, 1e300, 1 / 0, -1 / 0, 0 / 0, 5e-324, NEGZERO}) do
  B("tobit", x)
end
B("tobit", "0x10")
B("tobit", "  12  ")
B("tobit", "1e3")
B("tobit", "0")
B("tobit", "x")
B("tobit", "")
B("tobit", true)
B("tobit", {})
B("tobit", nil)
B("tobit")
B("tobit", 1, 2)
B("bnot", 0)
B("bnot", -1)
B("bnot", 2 ^ 31)
B("bnot", "5")
B("bnot", false)
B("band", 0xff, 0x0f)
B("band", -1, 0x80000000)
B("band", 7)
B("band", 0xff, 0xf0, 0x3c)
B("band", 1, 2, 3, 4, 5)
B("band", 1.5, 3)
B("band", 1, "x", {})
B("band", 1, 2, nil)
B("band")
B("bor", 1, 2)
B("bor", 1, 2, 4, 8, 2 ^ 31)
B("bor", 0)
B("bor", "1", "2")
B("bxor", 0xff, 0x0f)
B("bxor", 1, 1, 1)
B("bxor", -1, 2 ^ 32)
for _, n in ipairs({0, 1, 4, 31, 32, 33, -1, 36, 2 ^ 32 + 3, 1.5}) do
  B("lshift", 1, n)
  B("rshift", -256, n)
  B("arshift", -256, n)
  B("rol", 0x12345678, n)
  B("ror", 0x12345678, n)
end
B("lshift", 0xff, 28)
B("rshift", 0x80000000, 31)
B("arshift", 0x80000000, 31)
B("lshift", 1)
B("lshift", nil, 1)
B("rshift", 1, "x")
B("rol", -1, 3)
B("bswap", 0x12345678)
B("bswap", -1)
B("bswap", 0x80)
B("bswap", 2 ^ 32 + 0xff)
B("bswap")
for _, n in ipairs({8, 1, 2, 4, 7, 0, -1, -4, -8, 9, -9, 100, 2 ^ 31, -2 ^ 31, 2 ^ 32 + 2, 1.5}) do
  B("tohex", 0x1234abcd, n)
end
B("tohex", 0x1234abcd)
B("tohex", -1)
B("tohex", -1, -8)
B("tohex", 255, -2)
B("tohex", 0)
B("tohex", 2 ^ 32 + 10)
B("tohex", 1, nil)
B("tohex", 1, "3")
B("tohex", 1, "z")
B("tohex", "ff")
B("tohex")
T("fields", function()
  local names = {}
  for k, v in pairs(bit) do names[#names + 1] = k .. ":" .. type(v) end
  sortlist(names, function(a, b) return a < b end)
  return join(names, " ")
end)
T("common idioms", function()
  return bit.band(bit.rshift(0xdeadbeef, 16), 0xffff), bit.tohex(bit.bxor(0xdeadbeef, 0xffffffff)),
    bit.bor(bit.lshift(1, 10), 1), bit.tobit(0xffffffff) == -1
end)
return R
