local M = { sub = { deeper = {} } }
function M.f() return "M.f" end
function M.sub.g() return "M.sub.g" end
function M.sub.deeper:h() return self == M.sub.deeper end
function M:m(x) return self == M, x end
print(M.f(), M.sub.g(), M.sub.deeper:h(), M:m(5))
function globalFn(a) return a * 2 end
print(globalFn(21))
local function localFn(...) return select('#', ...) end
print(localFn(1, 2))
local anon = function(a, b) return a, b end
print(anon(1))
print((function(...) return ... end)(7, 8))
print(type(function() end))
local function defaults(a, b)
  a = a or "da"
  b = b or "db"
  return a, b
end
print(defaults(), defaults(1), defaults(nil, 2))
local function extra(a) return a end
print(extra(1, 2, 3))
local recursive
recursive = function(n) if n <= 0 then return 0 end return n + recursive(n - 1) end
print(recursive(10))
local t = {}
t.fn = function(self) return self end
print(t:fn() == t, t.fn(1))
do
  local function hidden() return "hidden" end
  visible = function() return hidden() end
end
print(visible(), hidden)
local function returnsFunction() return function() return "inner" end end
print(returnsFunction()())
local function manyParams(a, b, c, d, e, f, g, h, i, j) return j, i, a end
print(manyParams(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(select('#', (function() end)()))
local function f1() return end
local function f2() return nil end
print(select('#', f1()), select('#', f2()))
local str = "x"
function str2(...) return ... end
print(str2 "literal arg", str2 { 1 } ~= nil, str2 [[long]])
print(type(string.format), string.format "%%d")
