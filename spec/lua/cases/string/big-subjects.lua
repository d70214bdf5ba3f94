-- patterns over subjects of 300,000 bytes: long runs, backtracking at the end, deep nests of gsub
local a = string.rep("a", 300000)
print(string.find(a, "^a*.?$"))
print(string.find(a, "^a*.?b$"))
print(string.find(a, "^a-.?$"))
print(string.find(string.rep("a", 2000), "a-b"), string.find(a .. "b", "a-b"))
print(#string.gsub(a, "a", "bb"), select(2, string.gsub(a, "aa", "")))
print(string.match(a .. "!", "(a+)(.)$"):len(), string.find(a, "%f[a]a*%f[%z]"))
local function rev(s)
  return (string.gsub(s, "(.)(.+)", function(c, rest) return rev(rest) .. c end))
end
local x = string.rep("012345", 10)
print(rev(x), rev(rev(x)) == x)
local parts = {}
for w in string.gmatch(string.rep("word ", 50000), "%a+") do parts[#parts + 1] = w end
print(#parts)
