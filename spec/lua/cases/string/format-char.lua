-- %c: (int) of the number, its low byte; a NUL byte ends the formatted item
print(string.format("%c%c%c", 76, 117, 97), string.format("[%3c][%-3c][%03c]", 65, 66, 67))
print(string.format("%c", 65.9), string.format("%c", "66"), string.format("%c", 256 + 67), string.format("%c", -190))
local function show(s) return #s .. ":" .. s:gsub("%z", "\\0") end
print(show(string.format("%c", 0)), show(string.format("%5c", 0)), show(string.format("%-5c", 0)), show(string.format("a%cb", 0)))
print(show(string.format("%c", 2^31)), show(string.format("%c", 1/0)), show(string.format("%c", 0/0)), show(string.format("%c", 2^32 + 66)))
print(string.format("%c", 255) == "\255", string.format("%c", 128):byte())
print(pcall(function() return string.format("%c") end))
print(pcall(function() return string.format("%c", "x") end))
