-- table.concat: separators, ranges, number formatting
local t = { "a", "b", "c", "d", "e" }
print(table.concat(t))
print(table.concat(t, ", "))
print(table.concat(t, "-", 2))
print(table.concat(t, "-", 2, 4))
print(table.concat(t, "-", 4, 2) == "")
print(table.concat(t, "-", 3, 3))
print(table.concat(t, "", 1, 0) == "")
print(table.concat({}, "x") == "")
print(table.concat({ 1, 2.5, -3, 1e100, 2 ^ 53, 0.1, -1e-300 }, " "))
print(table.concat({ 1 / 3, 100000000000000, 1e15, 123456789012345 }, "|"))
print(table.concat(t, 42))
print(table.concat(t, 1.5, 1, 2))
print(table.concat(t, nil, 2, 3))
print(table.concat(t, "+", "2", "3"))
print(table.concat(t, "+", 2.9, 3.9))
print(pcall(function() return table.concat(t, "+", -1.5, 1) end))
print(pcall(function() return table.concat(t, "+", -0.5, 1) end))
print(table.concat(t, "+", 0.99, 1.99))
local holes = { [-1] = "m", [0] = "z", "a", "b" }
print(table.concat(holes, ",", -1, 2))
print(table.concat({ "x", "\0", "y" }, "\0") == "x\0\0\0y")
print(#table.concat({ ("ab"):rep(1000), ("cd"):rep(1000) }, ("-"):rep(10)))
local big = {}
for i = 1, 300 do big[i] = i end
local s = table.concat(big, ",")
print(#s, s:sub(1, 20), s:sub(-20))
print(table.concat(big, "", 299))
-- concat only looks at 1..#t by default
local sparse = { "a", "b", nil, "d" }
print(table.concat(sparse, ",", 1, 2))
local n = setmetatable({}, { __index = function(_, k) return "idx" .. k end })
print(pcall(function() return table.concat(n, ",", 1, 2) end))
print(table.concat({ "only" }, ", "))
print(table.concat({ [1] = "p", [2] = "q", x = "r" }, "/"))
