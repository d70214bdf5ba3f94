local function count(...) return select('#', ...) end
local t = {}
for i = 1, 250 do t[i] = i end
print(count(unpack(t)))
print(select(250, unpack(t)))
print(select(-1, unpack(t)))
print(count(unpack(t, 1, 200)))
local function pass(...) return ... end
print(count(pass(unpack(t))))
local s = 0
for i = 1, select('#', unpack(t)) do s = s + select(i, unpack(t)) end
print(s)
local packed = { pass(unpack(t)) }
print(#packed, packed[250])
print(math.max(unpack(t)), math.min(unpack(t)))
print(string.char(unpack({ 72, 105, 33 })))
local nils = { n = 5 }
print(count(unpack(nils, 1, nils.n)))
