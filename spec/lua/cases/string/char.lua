-- string.char: every byte, number coercion, empty call
print(string.char(), #string.char(), string.char(72, 105, 33))
local t = {}
for c = 0, 255 do t[#t + 1] = string.char(c) end
local s = table.concat(t)
print(#s)
for i = 1, 256, 17 do io.write(s:byte(i), " ") end
print()
print(string.char(65.9), string.char("66"), string.char(" 67 "), string.char("0x44"), string.char(69.5, 70.01))
print(string.char(0) == "\0", #string.char(0, 0, 0), string.char(255) == "\255")
print(string.char(2^32 + 65), string.char(-2^32 + 66))
print(string.char(unpack({ 76, 117, 97 })))
local big = {}
for i = 1, 300 do big[i] = 97 + i % 26 end
print(string.char(unpack(big)):sub(1, 30), #string.char(unpack(big)))
