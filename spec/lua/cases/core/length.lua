print(#"", #"a", #"hello", #"\0\0", #"a\0b")
print(#{}, #{ 1 }, #{ 1, 2, 3 }, #{ n = 1 }, #{ 1, 2, x = 3 })
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
t[#t + 1] = "x"
print(#t)
t[#t] = nil
print(#t)
for i = 1, 100 do t[i] = nil end
print(#t)
local s = "multi" .. "part"
print(#s, #(s .. s))
local u = { "a", "b" }
table.insert(u, "c")
print(#u)
table.remove(u)
print(#u)
print(#{ nil }, #{ n = nil })
local v = {}
v[1] = 1 v[2] = 2 v[3] = 3
print(#v)
print(pcall(function() return #nil end))
print(pcall(function() return #5 end))
print(pcall(function() local b = true return #b end))
local str = "xyz"
print(#str:upper(), #("x"):rep(10))
local w = { [1] = "a", [2] = "b", [3] = "c" }
print(#w)
local grow = {}
for i = 1, 10 do grow[#grow + 1] = i * i end
print(#grow, grow[10])
