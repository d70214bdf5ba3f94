-- cmsgpack: pack + unpack round trips of a nested document (redlua and Redis only: lua5.1 has
-- no cmsgpack). Runs as a file (redlua) and as an EVAL body (ARGV[1] = rounds) alike.
local cmsgpack = cmsgpack or require("cmsgpack")
local argv = rawget(_G, "ARGV") or rawget(_G, "arg")
local n = tonumber(argv and argv[1]) or 1500
local function item(i)
  return {
    id = i, name = "item-" .. i, active = i % 3 == 0, price = i * 1.25, tags = {"t" .. i % 5, "x", "y" .. i},
    dims = {w = i % 17, h = i % 13, d = 0.5 * i}, owner = {name = "user" .. i % 9, email = "u" .. i .. "@ex.com"},
  }
end
local doc = {version = 3, title = "catalogue", items = {}, meta = {count = 64, pages = {1, 2, 3}}}
for i = 1, 64 do doc.items[i] = item(i) end
local total = 0
for round = 1, n do
  local packed = cmsgpack.pack(doc)
  local t = cmsgpack.unpack(packed)
  total = total + #packed + #t.items
end
return total
