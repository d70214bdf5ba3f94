-- long patterns and subjects: many optional items, deep nesting, long runs
local p = string.rep("a?", 12) .. string.rep("a", 12)
local s = string.rep("a", 12)
print(string.find(s, p))
print(string.find(string.rep("a", 100), "^" .. string.rep("a?", 100) .. "$"))
print(string.find(string.rep("a", 100), "^" .. string.rep("a?", 300) .. "$"))
print(#string.match(string.rep("ab", 500) .. "(x)", "^(.-)%b()$"))
local nested = string.rep("(", 31) .. "x" .. string.rep(")", 31)
print(select('#', string.match("x", nested)), string.match("x", nested))
print(string.find(string.rep("x", 1000) .. "y", string.rep("x*", 10) .. "y"))
print(string.find(string.rep("ab", 5000), "(ab)%1(ab)%2$"))
print(#string.gsub(string.rep("a", 10000), "a", "bb"), select(2, string.gsub(string.rep("a", 10000), "a-", "")))
local words = string.rep("word ", 2000)
local n = 0
for _ in words:gmatch("%a+") do n = n + 1 end
print(n, #words:gsub("%s+", ""))
