-- string.byte: default and explicit ranges, negative indices, all results
local s = "Hello\0\255"
print(string.byte(s))
print(string.byte(s, 1, -1))
print(string.byte(s, -1), string.byte(s, -2), string.byte(s, 6))
print(string.byte(s, 0), string.byte(s, 100))
print(select('#', string.byte(s, 0)), select('#', string.byte(s, 100)), select('#', string.byte(s, 3, 2)))
print(string.byte(s, -100, 2))
print(string.byte(s, 2, 100))
print(string.byte(s, 3, 3), string.byte(s, 3.7), string.byte(s, "2"))
print(select('#', string.byte("")), select('#', string.byte("", 1, -1)))
local t = { string.byte("abcdefghij", 1, -1) }
print(#t, t[1], t[10])
for i = -12, 12, 3 do
  print(i, select('#', string.byte("abcdefghij", i, i + 4)), string.byte("abcdefghij", i, i + 4))
end
print(string.byte(65), string.byte(1.5, 2), string.byte(-7, 1, 2))
local all = {}
for c = 0, 255 do all[#all + 1] = string.char(c) end
local str = table.concat(all)
local sum = 0
for i = 1, #str do sum = sum + str:byte(i) end
print(#str, sum, str:byte(256), str:byte(1), str:byte(-1))
print(pcall(function() return string.byte() end))
print(pcall(function() return string.byte("a", "x") end))
print(pcall(function() return string.byte("a", 1, {}) end))
print(pcall(function() return string.byte(nil) end))
