-- __mode is accepted; collection timing is not observable deterministically,
-- so this only checks that weak tables behave as tables for live keys
local weakk = setmetatable({}, { __mode = "k" })
local weakv = setmetatable({}, { __mode = "v" })
local weakkv = setmetatable({}, { __mode = "kv" })
local key = {}
weakk[key] = "value"
weakv[1] = key
weakkv[key] = key
print(weakk[key], weakv[1] == key, weakkv[key] == key)
weakk.str = 1
weakv.str = "strings are not collected"
print(weakk.str, weakv.str)
print(getmetatable(weakk).__mode, getmetatable(weakv).__mode)
local n = 0
for k, v in pairs(weakv) do n = n + 1 end
print(n)
collectgarbage()
print(weakk[key], weakv[1] == key, weakv.str)
