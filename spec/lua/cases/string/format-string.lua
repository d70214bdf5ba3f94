-- %s: width, precision, numbers, strings with NUL bytes and the 100-byte rule
print(string.format("[%s] [%5s] [%-5s] [%.2s] [%5.1s] [%-5.3s] [%.0s]", "abc", "abc", "abc", "abc", "abc", "abcdef", "abc"))
print(string.format("%s %s %s", 1, 1.5, -0.0), string.format("%s", 2^63), string.format("%10s|", 1e100))
print(string.format("%s|%s", "", ""), string.format("%3s|", ""), string.format("%.5s|", "ab"))
-- NUL bytes: a string under 100 bytes goes through sprintf, which stops at the NUL
local function show(s) return #s .. ":" .. s:gsub("%z", "\\0") end
print(show(string.format("%s", "a\0b")), show(string.format("%5s", "a\0b")), show(string.format("%-5s", "\0ab")))
print(show(string.format("%.2s", "\0x")), show(string.format("x%sy", "\0")))
-- 100 bytes or more without a precision: kept whole, NULs included
local long = string.rep("z\0", 60)
print(show(string.format("%s", long)), show(string.format("%5s", long)), show(string.format("%.3s", long)))
print(#string.format("%s", string.rep("x", 99)), #string.format("%s", string.rep("x", 100)), #string.format("%.200s", string.rep("x", 150)))
print(#string.format("%-99s|", "x"), #string.format("%99s", string.rep("y", 120)))
print(pcall(function() return string.format("%s", nil) end))
print(pcall(function() return string.format("%s", {}) end))
print(pcall(function() return string.format("%s", true) end))
print(pcall(function() return string.format("%s") end))
