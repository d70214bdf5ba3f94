print(1 .. "", 1.5 .. "", -1 .. "", 1e20 .. "", 2^-10 .. "")
print("a" .. 1 + 2)
print(pcall(function() return "a" + 1 .. "b" end))
local parts = {}
for i = 1, 5 do parts[#parts + 1] = i .. "" end
print(table.concat(parts))
local s = ""
for i = 1, 10 do s = s .. i end
print(s, #s)
local big = ""
for i = 1, 1000 do big = big .. "x" end
print(#big)
print(("abc" .. "def"):upper())
print(10 == "10", 10 .. "" == "10")
local n = "0x1A"
print(n + 0, n * 1)
print("2" * "3" .. "")
print(#(1 .. 2), #(12.5 .. ""))
print(1e15 .. "|" .. 1e16 .. "|" .. 123456789012345678)
print(-0.5 .. "", 0.1 + 0.7 .. "")
print("1" + "1" == 2, "1" .. "1" == "11")
print(pcall(function() local t = {} return t .. 1 end))
print(" 12 " * 1, "\t5\n" + 0)
print(math.max("10", "9"), math.max(10, 9))
