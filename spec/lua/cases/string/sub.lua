-- string.sub over every index pair, negative and out-of-range indices
local s = "abcdef"
local idx = { -8, -7, -6, -5, -2, -1, 0, 1, 2, 3, 5, 6, 7, 10 }
for _, i in ipairs(idx) do
  local row = {}
  for _, j in ipairs(idx) do
    row[#row + 1] = "[" .. s:sub(i, j) .. "]"
  end
  print(i, table.concat(row, " "))
end
for _, i in ipairs(idx) do io.write(string.sub(s, i), "|") end
print()
print(string.sub("", 1), string.sub("", 0, 0), string.sub("", -1, 1), #string.sub("", 1, 100))
print(string.sub("hello", 2.9, 4.1), string.sub("hello", "2", "3"), string.sub("hello", -2.5))
print(string.sub("hello", 2^31), string.sub("hello", -2^31), string.sub("hello", 1, 2^53))
print(string.sub("hello", 0/0), string.sub("hello", 1, 0/0), string.sub("hello", -1e300, 1e300))
print(string.sub("a\0b\0c", 2, 4) == "\0b\0", #string.sub("a\0b\0c", 2))
print(string.sub(123456, 2, 4), string.sub(1.25, -2))
print(("xyz"):sub(2), ("xyz"):sub(-1), ("xyz"):sub(4))
print(select('#', string.sub("abc", 5, 1)))
