local print0 = print
local function print(...) print0("custom:", ...) end
print("hello")
local type = function(v) return "always" end
print(type(1))
local tostring = tostring
do
  local string = { upper = function() return "shadowed upper" end }
  print(string.upper("x"))
end
print(string.upper("x"))
local select = select
print(select('#', 1, 2))
local pairs = function(t) return ipairs(t) end
local n = 0
for _ in pairs({ 1, 2, x = 3 }) do n = n + 1 end
print(n)
local error = function(m) return "not raised: " .. m end
print(error("x"))
_G.print("global print still works")
