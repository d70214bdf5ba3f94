-- Lua 5.1 assigns the targets of a multiple assignment right to left, so with
-- duplicate targets the leftmost value wins (the manual leaves this undefined;
-- this records what the reference does).
local a = {}
a[1], a[1] = 1, 2
print(a[1])
local x
x, x = 1, 2
print(x)
g, g = "first", "second"
print(g)
local y, y = 1, 2
print(y)
local t = {}
local k = "k"
t[k], t.k, t["k"] = "one", "two", "three"
print(t.k)
