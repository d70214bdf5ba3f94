-- lua-diff seed 2780
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
local u1, u2, u3, u4, u5 = nil, 0, "3.5", 1e100, false
g1, g2 = true, "abc"
T = { 1, 2, k = "v", nested = { x = 10 } }
local M = setmetatable({ key = false }, {
  __add = function(a, b) return nil end,
  __sub = function(a, b) return "sub" end,
  __mul = function(a, b) return 6 end,
  __concat = function(a, b) return "cat" end,
  __lt = function(a, b) return false end,
  __le = function(a, b) return false end,
  __eq = function(a, b) return true end,
  __unm = function(a) return -1 end,
  __index = function(t, k) return #tostr(k) end,
  __call = function(self, ...) return select('#', ...), ... end,
  __tostring = function() return "M!" end,
})
local function f1(a, b)
  return 100
end
local function f2(...)
  return u1, ...
end
local function f3(x, ...)
  local n = select('#', ...)
  local fs1 = {}
  for i2 = 1, 3 do
    local xi2 = i2
    fs1[i2] = function(p) xi2 = xi2 + 1 return T.nested.x end
  end
  show(fs1[1](g1), fs1[2]((f2(u5))), fs1[1](u2), fs1[3]())
  show(M <= (function(a, b) return x end)())
  return n, x
end
show("block 2", pcall(function()
  local r5 = 0
  repeat
    r5 = r5 + 1
    local inr5 = r5 * 2
    local co6 = coroutine.wrap(function(a)
      local b = coroutine.yield(a, T)
      return b, coroutine.yield(T)
    end)
    show(co6(string.sub(2, 3, -3)))
    show(co6(({ 1e-3, u1, k = "tab\9" })[3]))
    show(co6(false))
  until inr5 >= 3
  assert(u1, "nul\0byte")
  return math.abs(math.ceil(u4))
end))
