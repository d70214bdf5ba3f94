-- table constructors size the table first (list items, record fields), then store: pairs and #
local function dump(t)
  local p = {}
  for k, v in pairs(t) do p[#p + 1] = tostring(k) .. "=" .. tostring(v) end
  print(#t, table.concat(p, " "))
end
local function three() return 1, 2, 3 end
local function none() end
dump({ 1, 2, 3 })
dump({ 1, nil, 3 })
dump({ nil, nil, 3 })
dump({ x = 1, y = 2, z = 3 })
dump({ 1, 2, x = 1, y = 2 })
dump({ three() })
dump({ three(), three() })
dump({ (three()) })
dump({ none() })
dump({ 1, none() })
dump({ [1] = "rec", "list" })
dump({ "list", [1] = "rec" })
dump({ [1] = 1, [2] = 2, [3] = 3 })
dump({ [3] = 3, [2] = 2, [1] = 1 })
dump({ [1.5] = 1, [2] = 2, n = 3, 10, 20 })
dump({ [true] = 1, [false] = 2 })
local t = { 1, 2, 3 }
t[4] = 4
dump(t)
local u = { x = 1 }
u[1] = 1
u[2] = 2
dump(u)
local v = { a = 1, b = 2 }
v.c = 3
v.d = 4
v.e = 5
dump(v)
local many = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }
many[18] = 18
many[19] = 19
dump(many)
local vals = { ... }
dump(vals)
local function pack(...) return { ... } end
dump(pack(1, nil, 3))
dump(pack(nil, nil))
dump(pack())
local p = pack(1, 2, 3)
p[5] = 5
dump(p)
local long = {}
for i = 1, 60 do long[i] = i end
local l2 = { unpack(long) }
l2[61] = 61
l2.x = 1
print(#l2)
