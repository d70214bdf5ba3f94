-- args: a b c d e f g h i j
local parts = {}
for i, v in ipairs(arg) do parts[#parts + 1] = v end
print(table.concat(parts, ","), #arg)
local t = { ... }
print(#t, t[1], t[10])
print(arg[11])
local function count(...) return select('#', ...) end
print(count(...))
