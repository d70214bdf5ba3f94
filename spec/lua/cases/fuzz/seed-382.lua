-- lua-diff seed 382
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
local u1, u2, u3, u4, u5 = 5, false, "nil", nil, "a"
g1, g2 = -1, "tab\9"
T = { 1, 2, k = "v", nested = { x = 10 } }
local M = setmetatable({ key = "10" }, {
  __add = function(a, b) return b end,
  __sub = function(a, b) return "sub" end,
  __mul = function(a, b) return 6 end,
  __concat = function(a, b) return "cat" end,
  __lt = function(a, b) return 1 end,
  __le = function(a, b) return false end,
  __eq = function(a, b) return true end,
  __unm = function(a) return -1 end,
  __index = function(t, k) return nil end,
  __call = function(self, ...) return select('#', ...), ... end,
  __tostring = function() return "M!" end,
})
local function f1(a, b)
  return "q\"uote"
end
local function f2(...)
  return f1(u3, u1), ...
end
local function f3(x, ...)
  local n = select('#', ...)
  local c1 = 0
  while c1 < 1 do
    c1 = c1 + 1
    show(T[1], tonumber(string.format("%d%%", u2, c1)))
    local l2 = type((not x))
  end
  local t3 = { 5, "x1", 1e-3, key = u3 }
  t3[#t3 + 1] = 0
  show(#t3, t3[1], t3[4], t3.key, t3[select('#', f2("3.5", n, "10"))])
  return n, x
end
show("block 4", pcall(function()
  show(((math.floor(u1) * (false or u5)) >= tostr((false):lower())))
  show(select(-1, (function(a, b) return (#b) end)((u2):upper(), nil, tonumber(nil)), tostr((15 >= u5))))
  u4 = nil
  show(select(-1, false))
  show(select(0, ((not 8) * (u2 or true)), .5, (T[1] or (not 1e100))))
  return "a"
end))
