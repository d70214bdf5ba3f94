-- string.format in realistic uses: padding tables, percentages, keys, embedded zeros in the format
print(string.format("%-10s|%5d|%8.2f|", "apple", 3, 1.5))
print(string.format("%-10s|%5d|%8.2f|", "banana", 12, 0.25))
print(string.format("%5.1f%%", 99.44), string.format("%%d"), string.format("100%%"), string.format("%%%d%%", 5))
print(string.format("user:%d:%s", 1001, "name"), string.format("%s=%q", "k", "v\n"))
print(string.format("%02d:%02d:%02d", 5, 3, 9), string.format("%04x-%04X", 48879, 57005))
local r = string.format("a\0b%dc\0", 5)
print(#r, r:byte(1, -1))
print(string.format("%s %s %s %s %s", "a", 1, 2.5, "b", -3))
print(string.format("[%10.4s][%-10.4s]", "truncate", "truncate"))
local parts = {}
for i = 1, 20 do parts[#parts + 1] = string.format("%d:%.1f:%x", i, i / 3, i * 17) end
print(table.concat(parts, " "))
