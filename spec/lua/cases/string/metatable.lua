-- strings share a metatable whose __index is the string table: method calls on strings
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("abc") == getmetatable(""))
local s = "Hello"
print(s:len(), s:upper(), s:lower(), s:rep(2), s:sub(2, 3), s:byte(1), s:reverse())
print(s:find("l"), s:match("(H)(e)"), s:gsub("l", "L"))
print(("%d-%s"):format(7, "x"), ("abc"):len(), #"abc")
for c in ("abc"):gmatch(".") do io.write(c, ".") end
print()
print(("x").len == string.len, s.nonexistent, ("abc").upper("def"))
-- adding to the string table makes new methods available
function string.shout(str) return str:upper() .. "!" end
print(("hey"):shout())
string.shout = nil
print(pcall(function() return ("hey"):shout() end))
-- numbers have no metatable, so no methods
print(pcall(function() local n = 5 return n:len() end))
