-- Lua 5.1 with LUA_COMPAT_VARARG: a vararg function that never mentions ... gets a local 'arg'
local function f(...)
  return arg
end
local t = f(1, 2, 3)
print(type(t))
local function g(...)
  local x = ...
  return type(arg)
end
print(g(1, 2))
local function h(a, ...)
  return a, select('#', ...)
end
print(h(1, 2, 3))
