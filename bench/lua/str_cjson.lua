-- cjson: decode + encode round trips of a nested ~10 KB document (Redis's cjson in redlua,
-- Debian's lua-cjson under lua5.1/luajit)
local cjson = cjson or require("cjson")
local n = tonumber(arg and arg[1]) or 1200
local function item(i)
  return {
    id = i, name = "item-" .. i, active = i % 3 == 0, price = i * 1.25, tags = {"t" .. i % 5, "x", "y" .. i},
    dims = {w = i % 17, h = i % 13, d = 0.5 * i}, owner = {name = "user" .. i % 9, email = "u" .. i .. "@ex.com"},
  }
end
local doc = {version = 3, title = "catalogue", items = {}, meta = {count = 64, pages = {1, 2, 3}, note = "nested \"quoted\" \t text"}}
for i = 1, 64 do doc.items[i] = item(i) end
local s = cjson.encode(doc)
local total = 0
for round = 1, n do
  local t = cjson.decode(s)
  local out = cjson.encode(t)
  total = total + #out + #t.items
end
print(#s, total)
