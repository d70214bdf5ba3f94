print(("hello"):upper(), ("x"):rep(3), ("abc"):len(), ("%d"):format(5))
local s = "world"
print(s:sub(1, 3), s:byte(1), s:find("or"), s:reverse())
print(#("abc"), #s)
print(("5") + 1, "10" * 2)
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("a") == getmetatable("b"))
print(pcall(function() return ("x").nope() end))
string.custom = function(self) return "custom:" .. self end
print(("abc"):custom())
string.custom = nil
print(type(s.len), s.len == string.len)
print(("a,b,c"):gsub(",", ";"))
print(("  trim  "):match("^%s*(.-)%s*$") .. "|")
local n = 5
print(pcall(function() return n:rep(2) end))
print(#"" == 0, ("").len(""))
local fmt = "%s=%s"
print(fmt:format("k", "v"))
print(("x"):byte(), ("ABC"):lower(), ("a"):rep(0) == "")
