-- pairs order over string keys follows Lua 5.1's hash layout (luaS_hash, node sizes, collisions)
local function keys(t)
  local p = {}
  for k in pairs(t) do p[#p + 1] = k end
  return table.concat(p, " ")
end
local t = {}
for _, w in ipairs({ "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa" }) do
  t[w] = true
  print(keys(t))
end
local u = { alpha = 1, beta = 2, gamma = 3, delta = 4, epsilon = 5, zeta = 6, eta = 7, theta = 8, iota = 9, kappa = 10 }
print(keys(u))
local v = {}
for i = 1, 40 do v["k" .. i] = i end
print(keys(v))
local w = {}
for i = 1, 40 do w[string.rep("x", i)] = i end
print((keys(w):gsub("x+", function(s) return #s end)))
local long = {}
for i = 1, 20 do long[string.rep("long key number ", 3) .. i] = i end
print((keys(long):gsub("long key number long key number long key number ", "L")))
local bytes = {}
for i = 0, 255, 7 do bytes[string.char(i, 255 - i)] = i end
local p = {}
for k, val in pairs(bytes) do p[#p + 1] = val end
print(table.concat(p, " "))
local cfg = { host = "h", port = 1, user = "u", password = "p", db = 0, timeout = 5, retries = 3 }
print(keys(cfg))
cfg.extra = true
print(keys(cfg))
cfg.host = nil
cfg.another = 1
print(keys(cfg))
