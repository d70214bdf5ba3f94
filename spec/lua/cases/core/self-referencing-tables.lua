local t = {}
t.self = t
t.list = { t, t }
print(t.self == t, t.self.self.self == t, t.list[2].list[1] == t)
local a, b = {}, {}
a.other, b.other = b, a
print(a.other.other == a, b.other.other.other == a)
local count = 0
local function walk(v, seen)
  if type(v) ~= "table" or seen[v] then return end
  seen[v] = true
  count = count + 1
  for _, x in pairs(v) do walk(x, seen) end
end
walk(t, {})
print(count)
local m = setmetatable({}, {})
getmetatable(m).__index = m
m.value = "own"
print(m.value, rawget(m, "missing"))
local ring = { n = 1 }
local cur = ring
for i = 2, 5 do cur.next = { n = i } cur = cur.next end
cur.next = ring
local out = {}
cur = ring
for i = 1, 12 do out[i] = cur.n cur = cur.next end
print(table.concat(out, ""))
