print("crlf line 1")
local s = [[a
b]]
print(#s, s:byte(1, -1))
print("line 5")
error("on line 6")
