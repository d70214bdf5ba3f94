-- Records of constant string keys (built from a layout per constructor) and fields added to
-- them one by one (layout transitions): pairs/next order must be the one Lua's node part gives.

local function show(label, t)
  local parts = {}
  for k, v in pairs(t) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(v) end
  print(label, #parts, table.concat(parts, " "))
end

-- the same constructor many times, then the same fields added in the same order
for i = 1, 3 do
  local p = {x = i, y = i * 2}
  p.z = i * 3
  p.w = i * 4
  p.name = "p" .. i
  show("point" .. i, p)
end

-- the same layout, the fields added in different orders
local a = {x = 1, y = 2}
a.b = 1; a.c = 2
local b = {x = 1, y = 2}
b.c = 2; b.b = 1
show("order bc", a)
show("order cb", b)

-- a nil value in a constructor leaves its key's node free for the next key
show("nil first", {a = nil, b = 1, c = 2})
show("nil middle", {a = 1, b = nil, c = 2})
show("nil last", {a = 1, b = 2, c = nil})
-- (over many key pairs, so that some share a main position)
local letters = {"a", "b", "c", "d", "e", "f", "g", "h"}
for i = 1, #letters do
  for j = 1, #letters do
    if i ~= j then
      local x, y = letters[i], letters[j]
      local src = "return {" .. x .. " = nil, " .. y .. " = 1, z = 2}, {" .. y .. " = 1, " .. x .. " = nil, z = 2}"
      local t1, t2 = loadstring(src)()
      show(x .. y .. " nil first", t1)
      show(x .. y .. " nil second", t2)
      t1.w = 3
      show(x .. y .. " then w", t1)
    end
  end
end
local n = {a = 1, b = nil, c = 2}
n.d = 4
n.b = 5
show("nil then added", n)

-- a field cleared (a dead key) before another is added
for i = 1, 2 do
  local d = {alpha = 1, beta = 2, gamma = 3}
  d.beta = nil
  d.delta = 4
  d.epsilon = 5
  show("dead key " .. i, d)
end

-- the same new keys into the same layout, with a dead key or without, in turns
for _, clear in ipairs({"beta", "none", "alpha", "none", "gamma", "none"}) do
  local t = {alpha = 1, beta = 2, gamma = 3}
  if clear ~= "none" then t[clear] = nil end
  t.delta = 4
  t.epsilon = 5
  show("clear " .. clear, t)
end
for _, clear in ipairs({"b", "none", "d", "none", "a"}) do
  local t = {a = 1, b = 2, c = 3, d = 4}
  if clear ~= "none" then t[clear] = nil end
  t.e = 5
  t.f = 6
  show("full clear " .. clear, t)
end

-- a cleared field set again, then a new one
local r = {alpha = 1, beta = 2}
r.alpha = nil
r.alpha = 10
r.gamma = 3
show("revived", r)

-- records growing past small node parts: 9 to 40 fields, added one by one
for i = 1, 2 do
  local g = {k1 = 1, k2 = 2, k3 = 3, k4 = 4, k5 = 5, k6 = 6, k7 = 7, k8 = 8, k9 = 9}
  for j = 10, 40 do g["k" .. j] = j end
  local count, sum = 0, 0
  for _, v in pairs(g) do count = count + 1; sum = sum + v end
  print("grown", i, count, sum)
  local keys = {}
  for k in pairs(g) do keys[#keys + 1] = k end
  print(table.concat(keys, " "))
end

-- numeric keys and array parts mixed into records
for i = 1, 2 do
  local m = {name = "m", size = 2}
  m[1] = "one"
  m.extra = true
  m[2] = "two"
  m[3] = "three"
  show("mixed " .. i, m)
  print("#", #m)
end

-- keys that collide in small node parts, many shapes from one constructor site
local names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "aa", "bb", "cc"}
for i = 1, #names do
  local t = {first = i, second = -i}
  for j = 1, i do t[names[j]] = j end
  show("shape" .. i, t)
end

-- a record with many fields in the constructor, then next() by hand
local wide = {
  f01 = 1, f02 = 2, f03 = 3, f04 = 4, f05 = 5, f06 = 6, f07 = 7, f08 = 8,
  f09 = 9, f10 = 10, f11 = 11, f12 = 12, f13 = 13, f14 = 14, f15 = 15, f16 = 16, f17 = 17,
}
local k, v = next(wide)
local walked = {}
while k do
  walked[#walked + 1] = k .. "=" .. v
  k, v = next(wide, k)
end
print("wide", #walked, table.concat(walked, " "))

-- clearing fields during traversal, then adding
local c = {u = 1, v = 2, w = 3, x = 4}
for key in pairs(c) do c[key] = nil end
c.y = 5
show("cleared", c)

-- a repeated key in a constructor keeps the last value
show("repeated", {a = 1, b = 2, a = 3})

-- methods through metatables on such records
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec:scaled(s) local v = Vec.new(self.x * s, self.y * s); v.s = s; return v end
local v3 = Vec.new(1, 2):scaled(3)
show("vec", v3)
print(getmetatable(v3) == Vec, v3.x, v3.y, v3.s)

-- empty constructors filled field by field (the empty table's transitions), many shapes
local fieldsets = {
  {"name", "id", "score"},
  {"id", "name", "score"},
  {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r"},
  {"x"},
  {"x", "y"},
  {"y", "x"},
}
for round = 1, 3 do
  for s, fields in ipairs(fieldsets) do
    local o = {}
    for i, f in ipairs(fields) do o[f] = i * round end
    show("empty " .. s .. " round " .. round, o)
  end
end
-- with a metatable, a numeric key first, or a key cleared on the way
local Class = {}
Class.__index = Class
for round = 1, 3 do
  local o = setmetatable({}, Class)
  o.first = 1; o.second = 2; o.third = 3
  show("object " .. round, o)
  local q = {}
  q[1] = "array"; q.tag = "t"; q.other = "o"
  show("array first " .. round, q)
  local r2 = {}
  r2.keep = 1; r2.drop = 2; r2.drop = nil; r2.more = 3; r2.last = 4
  show("cleared on the way " .. round, r2)
end
-- many different first keys (more than the transitions one layout keeps)
local firsts = {}
for i = 1, 80 do
  local t = {}
  t["f" .. i] = i
  t.common = true
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  firsts[#firsts + 1] = table.concat(keys, ",")
end
print(table.concat(firsts, " "))

-- an empty constructor's array part first (appended, no rehash), then string keys, in turns
for round = 1, 4 do
  local q = {}
  for i = 1, round do q[i] = i end
  q.tag = "t"; q.more = round; q.last = true
  show("array then keys " .. round, q)
  print("#", #q)
end
