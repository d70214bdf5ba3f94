local function two() return 1, 2 end
local function three() return "a", "b", "c" end
local a, b, c, d = two(), three()
print(a, b, c, d)
a, b, c, d = three(), two()
print(a, b, c, d)
local t = {}
t.x, t.y, t.z = two()
print(t.x, t.y, t.z)
local i = 1
local arr = {}
arr[i], i = "first", 2
print(arr[1], arr[2], i)
local function swap(x, y) return y, x end
local p, q = swap(swap(1, 2))
print(p, q)
local g = {}
g[1], g[2], g[3] = (three())
print(g[1], g[2], g[3])
local u, v = nil, two()
print(u, v)
local n1, n2, n3 = 1, nil
print(n1, n2, n3)
local function counter()
  local c = 0
  return function() c = c + 1 return c end
end
local nxt = counter()
local r1, r2, r3 = nxt(), nxt(), nxt()
print(r1, r2, r3)
