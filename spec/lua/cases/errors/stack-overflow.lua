local function recurse(n) return 1 + recurse(n + 1) end
local ok, e = pcall(recurse, 1)
print(ok, type(e), (e:find("stack overflow", 1, true)) ~= nil, e:sub(-14) == "stack overflow")
local function mutualA(n) return 1 + mutualB(n) end
function mutualB(n) return 1 + mutualA(n) end
ok, e = pcall(mutualA, 1)
print(ok, e:sub(-14) == "stack overflow")
-- recovery: the program continues normally after the overflow
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local depth = 0
local function count() depth = depth + 1 count() end
ok, e = pcall(count)
print(ok, depth > 1000)
local t = setmetatable({}, {})
getmetatable(t).__index = function(tt, k) return tt[k] end
ok, e = pcall(function() return t.x end)
print(ok, e:sub(-14) == "stack overflow")
-- deep but finite recursion works
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print(sum(5000))
ok, e = pcall(function() local s = string.rep("x", 10) return s end)
print(ok, e)
