-- string.byte returns one value per byte, up to what a C function may push
local function count(...) return select('#', ...) end
print(count(string.byte(string.rep("a", 7990), 1, -1)))
print(count(string.byte(string.rep("a", 7997), 1, -1)))
print(pcall(function() return count(string.byte(string.rep("a", 7998), 1, -1)) end))
print(pcall(function() return count(string.byte(string.rep("a", 20000), 1, -1)) end))
print(pcall(function() return count(string.byte(string.rep("a", 20000), 101, 8097)) end))
print(pcall(function() return count(string.byte(string.rep("a", 20000), 101, 8098)) end))
print(count(string.byte(string.rep("a", 20000), -100, -1)))
