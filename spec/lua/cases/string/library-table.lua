-- the string table's contents
local names = {}
for k, v in pairs(string) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(#names, table.concat(names, " "))
print(string.gfind == string.gmatch, rawget(string, "split"), rawget(string, "format") == string.format)
