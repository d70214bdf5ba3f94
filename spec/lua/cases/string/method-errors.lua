-- errors from method calls on strings count arguments without self, as luaL_argerror does
local s = "abc"
print(pcall(function() return s:rep() end))
print(pcall(function() return s:rep("x") end))
print(pcall(function() return s:sub() end))
print(pcall(function() return s:byte("x") end))
print(pcall(function() return s:char() end))
print(pcall(function() return s:format() end))
print(pcall(function() return ("%d"):format() end))
print(pcall(function() return ("%d"):format("x") end))
print(pcall(function() return s:gsub() end))
print(pcall(function() return s:gsub("a", true) end))
print(pcall(function() return s:find({}) end))
