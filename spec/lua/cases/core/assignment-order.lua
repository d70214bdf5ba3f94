local log = {}
local function L(tag, v) log[#log + 1] = tag return v end
local t = {}
-- all expressions are evaluated before any assignment
local a, b = 1, 2
a, b = b, a
print(a, b)
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y, z = 1
print(x, y, z)
x, y = 1, 2, L("extra evaluated", 3)
print(x, y, log[1])
local u = { 1, 2, 3 }
local k = 1
k, u[k], u[k + 1] = 3, "a", "b"
print(k, u[1], u[2], u[3])
local function two() return "p", "q" end
local p, q, r = two()
print(p, q, r)
p, q, r = two(), "z"
print(p, q, r)
p, q, r = "z", two()
print(p, q, r)
p, q = (two())
print(p, q)
local s = {}
s.a, s.b, s.c = two()
print(s.a, s.b, s.c)
local n = {}
n[1], n[2], n[3] = 1
print(n[1], n[2], n[3])
local g1, g2
g1, g2 = nil
print(g1, g2)
local mt = {}
local swap = { 1, 2 }
swap[1], swap[2] = swap[2], swap[1]
print(swap[1], swap[2])
globA, globB = "ga", "gb"
globA, globB = globB, globA
print(globA, globB)
local c1 = 0
local function inc() c1 = c1 + 1 return c1 end
local w = {}
w[inc()], w[inc()] = inc(), inc()
local keys = {}
for kk, vv in pairs(w) do keys[#keys + 1] = kk .. "=" .. vv end
table.sort(keys)
print(table.concat(keys, " "), c1)
