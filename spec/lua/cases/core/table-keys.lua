local t = {}
t[1] = "int"
print(t[1.0], t[1])
t[2.0] = "float key stored as 2"
print(t[2], #t)
t["1"] = "string one"
print(t[1], t["1"])
t[true] = "T" t[false] = "F"
print(t[true], t[false])
local kt = {}
t[kt] = "table key"
print(t[kt], t[{}])
local kf = function() end
t[kf] = "function key"
print(t[kf])
t[1.5] = "frac"
print(t[1.5], t[3 / 2])
t[-0.0] = "zero"
print(t[0])
t[2 ^ 53] = "big"
print(t[2 ^ 53], t[2 ^ 53 + 1])
t[1e100] = "huge"
print(t[1e100])
t.x = nil
print(t.x)
t[1] = nil
print(t[1], t[1.0])
local s = {}
s["a" .. "b"] = 1
print(s.ab, s["ab"])
local longkey = string.rep("k", 1000)
s[longkey] = "long"
print(s[string.rep("k", 1000)])
s["\0"] = "nul key"
print(s["\0"], s[""])
s[""] = "empty key"
print(s[""])
local n = {}
for i = 1, 10 do n[i * 0.5] = i end
print(n[0.5], n[1], n[5], n[2.5])
print(n["1"], n["0.5"])
local c = {}
c[1], c["1"], c[1.0] = "a", "b", "c"
local cnt = 0
for _ in pairs(c) do cnt = cnt + 1 end
print(cnt, c[1], c["1"])
