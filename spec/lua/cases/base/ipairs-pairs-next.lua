local t = { 10, 20, 30, nil, 50 }
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n)
for i, v in ipairs({}) do print("never") end
local f, s, c = ipairs(t)
print(type(f), s == t, c)
print(f(t, 0))
print(f(t, 2))
print(f(t, 3))
local f2, s2, c2 = pairs(t)
print(f2 == next, s2 == t, c2)
print(next({}))
print(next({ "only" }))
print(next({ "a", "b" }, 1))
print(next({ "a", "b" }, 2))
print(pcall(next, {}, "missing"))
print(pcall(function() return next({}, 1) end))
print(pcall(function() return ipairs() end))
print(pcall(function() return ipairs(nil) end))
print(pcall(function() return pairs(nil) end))
print(pcall(function() return next(nil) end))
local keys = {}
for k, v in pairs({ a = 1, b = 2, c = 3, 4, 5 }) do keys[#keys + 1] = tostring(k) .. "=" .. v end
table.sort(keys)
print(table.concat(keys, " "))
local mixed = { 1, 2, 3, x = "x" }
local cnt = 0
for k in pairs(mixed) do cnt = cnt + 1 end
print(cnt)
local del = { a = 1, b = 2, c = 3, d = 4 }
for k in pairs(del) do del[k] = nil end
print(next(del))
local upd = { a = 1, b = 2, c = 3 }
for k, v in pairs(upd) do upd[k] = v * 10 end
print(upd.a, upd.b, upd.c)
local seq = {}
for i = 1, 10 do seq[i] = i end
local total = 0
for _, v in ipairs(seq) do total = total + v end
print(total)
local withMeta = setmetatable({}, { __index = function(t, i) if i <= 3 then return i * 11 end end })
for i, v in ipairs(withMeta) do io.write(i, "=", v, " ") end print()
local k, v = next({ [1.5] = "x" })
print(k, v)
print(rawequal(next, pairs({})))
