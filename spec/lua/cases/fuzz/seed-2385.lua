-- lua-diff seed 2385
local function show(...)
  local n = select('#', ...)
  local parts = {}
  for i = 1, n do
    local v = select(i, ...)
    local tv = type(v)
    if tv == "string" then parts[i] = '"' .. v .. '"'
    elseif tv == "number" or tv == "boolean" or tv == "nil" then parts[i] = tostring(v)
    else parts[i] = tv end
  end
  io.write(n, ": ", table.concat(parts, ", "), "\n")
end
local function tostr(v)
  local tv = type(v)
  if tv == "table" or tv == "function" or tv == "thread" or tv == "userdata" then return tv end
  return tostring(v)
end
local u1, u2, u3, u4, u5 = "\n", 2, -3, nil, nil
g1, g2 = 7, "-2"
T = { 1, 2, k = "v", nested = { x = 10 } }
local M = setmetatable({ key = 100 }, {
  __add = function(a, b) return type(b) end,
  __sub = function(a, b) return "sub" end,
  __mul = function(a, b) return 6 end,
  __concat = function(a, b) return "cat" end,
  __lt = function(a, b) return true end,
  __le = function(a, b) return false end,
  __eq = function(a, b) return true end,
  __unm = function(a) return -1 end,
  __index = function(t, k) return #tostr(k) end,
  __call = function(self, ...) return select('#', ...), ... end,
  __tostring = function() return "M!" end,
})
local function f1(a, b)
  return 3
end
local function f2(...)
  return M * .5, ...
end
local function f3(x, ...)
  local n = select('#', ...)
  local l1 = u5
  show(((-M) ^ M[u3]), select('#', ...))
  return n, x
end
show("block 3", pcall(function()
  for k10, v11 in ipairs({ nil, f1("a", u1), math.ceil("0x1F") }) do
    show(string.format("%s", "Hello"), (f2(string.format("[%s|%s]", u3), tostr(u3), ("tab\9" == -1))))
    assert(string.rep(u3, -1), tostr(true))
  end
  show(((7 and u4)):len(), T)
  show("Hello", type(string.format("%g", 1e16, false)))
  return (function(a, b) return (a):len() end)(select('#', f2(nil, nil)))
end))
