local parts = {}
local s = "a" .. "b" .. "c" .. "d" .. "e" .. "f" .. "g" .. "h" .. "i" .. "j" .. "k" .. "l" .. "m" .. "n" ..
  "o" .. "p" .. "q" .. "r" .. "s" .. "t" .. "u" .. "v" .. "w" .. "x" .. "y" .. "z" .. 1 .. 2 .. 3 .. 4 ..
  5 .. 6 .. 7 .. 8 .. 9 .. 0 .. "A" .. "B" .. "C" .. "D" .. "E" .. "F" .. "G" .. "H" .. "I" .. "J"
print(s, #s)
local x, y, z = "x", 1.5, -2
print(x .. y .. z .. x .. y .. z .. x .. y .. z)
local src = "return " .. string.rep("'ab' .. ", 150) .. "'end'"
local f = assert(loadstring(src))
print(#f())
local deep = "return " .. string.rep("(", 100) .. "1" .. string.rep(")", 100)
print(loadstring(deep)())
local sum = "return " .. string.rep("1 + ", 300) .. "1"
print(loadstring(sum)())
