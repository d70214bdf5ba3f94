-- %q: quotes, backslashes, newlines, carriage returns and NULs escaped; other bytes kept
print(string.format("%q", 'he said "hi" \\ back'))
print(string.format("%q", "line1\nline2"))
print(string.format("%q", "cr\rtab\tnul\0end"))
print(string.format("%q", ""), string.format("%q", "\1\2\127\128\255") == '"\1\2\127\128\255"')
print(string.format("%q", 1/3), string.format("%q", 42), string.format("%q", -0.0))
print(string.format("%10q|%-5q|%.1q", "x", "y", "zzz"))
local s = "a\0b\n\"c\\\r"
local q = string.format("%q", s)
print(#q, loadstring("return " .. q)() == s)
local all = {}
for c = 0, 255 do all[#all + 1] = string.char(c) end
local q2 = string.format("%q", table.concat(all))
print(#q2, loadstring("return " .. q2)() == table.concat(all))
print(pcall(function() return string.format("%q") end))
print(pcall(function() return string.format("%q", {}) end))
