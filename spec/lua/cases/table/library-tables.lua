-- the library tables themselves: pairs order follows luaL_register's sizes and order
local function keys(t)
  local p = {}
  for k in pairs(t) do p[#p + 1] = k end
  return table.concat(p, " ")
end
print(keys(table))
print(keys(math))
print(math.mod == math.fmod, type(math.mod))
print(type(table.getn), type(table.setn), type(table.foreach), type(table.foreachi), type(table.maxn))
print(table.pack, table.unpack, table.move, math.tointeger, math.type, math.maxinteger)
local n = 0
for _ in pairs(math) do n = n + 1 end
print(n)
n = 0
for _ in pairs(table) do n = n + 1 end
print(n)
