-- string.reverse on short, long and binary strings
print(string.reverse("hello"), string.reverse(""), string.reverse("a"), string.reverse("ab"))
print(string.reverse("a\0b\255") == "\255b\0a", string.reverse(12345), string.reverse(-1.5))
local long = {}
for i = 1, 500 do long[i] = string.char(i % 256) end
local s = table.concat(long)
local r = s:reverse()
print(#r, r:byte(1), r:byte(500), r:reverse() == s)
print(("racecar"):reverse() == "racecar", ("abc"):reverse():upper())
print(pcall(function() return string.reverse() end))
print(pcall(function() return string.reverse(true) end))
