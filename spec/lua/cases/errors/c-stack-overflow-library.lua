-- Lua functions called from library functions (table.sort comparators, gsub replacements,
-- __tostring through tostring) and generic for iterators run inside a C call (lua_call /
-- luaD_call): recursing through them ends in "C stack overflow" at LUAI_MAXCCALLS
local n = 0
local function f()
  n = n + 1
  local t = {3, 1, 2}
  table.sort(t, function(a, b) f() return a < b end)
end
print(select(2, pcall(f)), n)
n = 0
local function g()
  n = n + 1
  return (string.gsub("x", "x", function() return g() end))
end
print(select(2, pcall(g)), n)
n = 0
local mt = {}
mt.__tostring = function(s) n = n + 1 return tostring(setmetatable({}, mt)) end
print(select(2, pcall(tostring, setmetatable({}, mt))), n)
n = 0
local function it()
  n = n + 1
  for x in it do end
end
print(select(2, pcall(it)), n)
-- shallow uses are untouched, and the count is back down afterwards
local t = {5, 3, 9, 1}
table.sort(t, function(a, b) return a > b end)
print(t[1], t[4], (string.gsub("abc", "%w", function(c) return c:upper() end)))
print(tostring(setmetatable({}, {__tostring = function() return "obj" end})))
local k = 0
for x in function(_, c) if c < 3 then return c + 1 end end, nil, 0 do k = k + x end
print(k)
n = 0
local function f2()
  n = n + 1
  local t2 = {3, 1, 2}
  table.sort(t2, function(a, b) f2() return a < b end)
end
print(select(2, pcall(f2)), n)
