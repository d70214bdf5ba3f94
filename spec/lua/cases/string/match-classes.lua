-- every character class (and its complement) over all 256 bytes
local t = {}
for c = 0, 255 do t[#t + 1] = string.char(c) end
local all = table.concat(t)
local function members(class)
  local out = {}
  for c in all:gmatch(class) do out[#out + 1] = c:byte() end
  return out
end
local function ranges(list)
  local out, i = {}, 1
  while i <= #list do
    local j = i
    while j < #list and list[j + 1] == list[j] + 1 do j = j + 1 end
    out[#out + 1] = list[i] == list[j] and tostring(list[i]) or (list[i] .. "-" .. list[j])
    i = j + 1
  end
  return table.concat(out, ",")
end
for _, cl in ipairs({ "a", "c", "d", "l", "p", "s", "u", "w", "x", "z" }) do
  local lower, upper = members("%" .. cl), members("%" .. cl:upper())
  print("%" .. cl, #lower, ranges(lower))
  print("%" .. cl:upper(), #upper, #lower + #upper)
end
print(".", #members("."))
-- escapes of non-alphanumerics match themselves
for _, ch in ipairs({ "%.", "%%", "%(", "%)", "%[", "%]", "%*", "%+", "%-", "%?", "%^", "%$", "%!", "%/" }) do
  io.write(ch, "=", ranges(members(ch)), " ")
end
print()
-- other letters after % match themselves
for _, ch in ipairs({ "%b", "%e", "%g", "%q", "%y", "%B", "%E", "%Q", "%Y" }) do
  io.write(ch, "=", ranges(members("[" .. ch .. "]")), " ")
end
print()
