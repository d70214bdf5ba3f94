-- lua-diff seed 2033
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
local u1, u2, u3, u4, u5 = -3, 100, "", 7, 1e15
g1, g2 = -5, "\128\255"
T = { 1, 2, k = "v", nested = { x = 10 } }
local M = setmetatable({ key = 1 }, {
  __add = function(a, b) return 1e16 end,
  __sub = function(a, b) return "sub" end,
  __mul = function(a, b) return 6 end,
  __concat = function(a, b) return "cat" end,
  __lt = function(a, b) return false end,
  __le = function(a, b) return false end,
  __eq = function(a, b) return true end,
  __unm = function(a) return -1 end,
  __index = function(t, k) return k end,
  __call = function(self, ...) return select('#', ...), ... end,
  __tostring = function() return "M!" end,
})
local function f1(a, b)
  return 0.5
end
local function f2(...)
  return (-M), ...
end
local function f3(x, ...)
  local n = select('#', ...)
  show(tostr(M[u5]), select('#', f2(tonumber(u5))))
  local c1 = 0
  while c1 < 1 do
    c1 = c1 + 1
    show(select('#', f2()), math.floor(...))
    show((type(u5) < (- u1)), string.rep((function(a, b) return nil end)(u1), -1))
  end
  return n, x
end
show("block 6", pcall(function()
  local fs29 = {}
  for i30 = 1, 3 do
    local xi30 = i30
    fs29[i30] = function(p) xi30 = xi30 + 1 return false end
  end
  show(fs29[1]((0.1 > -1)), fs29[2](math.abs(u1)), fs29[1](string.format("%d%%", u4, 11)), fs29[3]())
  local c31 = 0
  while c31 < 0 do
    c31 = c31 + 1
    error(c31, 0)
    local t32 = { 5, " 7 ", 1, key = T[1] }
    t32[#t32 + 1] = 0
    show(#t32, t32[1], t32[4], t32.key, t32[1])
  end
  local t33 = { 8, "a", 2^53, key = (not t33) }
  t33[#t33 + 1] = 2
  show(#t33, t33[1], t33[4], t33.key, t33[u5])
  for k34, v35 in ipairs({ (1e100 or t33), true, (f2(u2, u2, u2)) }) do
    local t36 = { 4, "a b", 10, key = u5 }
    t36[#t36 + 1] = 0
    show(#t36, t36[1], t36[4], t36.key, t36[(f2(5))])
    show((("x1" and v35) .. tostr(t33)), 7)
  end
  for i37 = 0, -2, -0.25 do
    if i37 then
      show(M .. 1e15, true)
      T[tostr(math.floor(.5))] = 1e16
    elseif type((-M)) then
      T[tostr(string.sub(u2, 3, -3))] = M.y
    else
      assert(string.format("%g", t33), string.rep(u1, 0))
    end
    local fs38 = {}
    for i39 = 1, 3 do
      local xi39 = i39
      fs38[i39] = function(p) xi39 = xi39 + 1 return string.sub(type(u5), -3, 3) end
    end
    show(fs38[1](({ u2, -1, k = t33 })[2]), fs38[2]((i37 and "")), fs38[1](M <= "abc"), fs38[3]())
  end
end))
