-- idioms from real scripts: trim, split, join, url decoding, key parsing, templating
local function trim(s) return (s:gsub("^%s*(.-)%s*$", "%1")) end
print("[" .. trim("  hi there \t\n") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]")
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
print(table.concat(split("a,b,,c", ","), "|"), #split("a,b,,c", ","), table.concat(split("1.2.3", "."), "|"))
local function urldecode(s) return (s:gsub("+", " "):gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end)) end
print(urldecode("hello+world%21%20%3D%3d"))
local function urlencode(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", c:byte()) end)) end
print(urlencode("a b&c=d/é"))
local key = "bull:queue:jobs:12345"
print(key:match("^(%w+):(%w+):(%w+):(%d+)$"))
print(("job:42:attempts"):match(":(%d+):"), tonumber(("v=1.25"):match("=(.+)")) * 2)
local tpl = "Hello ${name}, you are ${age} (${missing})"
print((tpl:gsub("%${(%w+)}", { name = "Ann", age = 30 })))
local csv = 'a,"b,c",d'
local fields = {}
for f in (csv .. ","):gmatch('("?)(.-)%1,') do fields[#fields + 1] = f end
print(#fields)
local words = {}
for w in ("The quick brown fox jumps over the lazy dog"):gmatch("%a+") do words[#words + 1] = w:lower() end
table.sort(words)
print(table.concat(words, " "))
local counts = {}
for ch in ("mississippi"):gmatch(".") do counts[ch] = (counts[ch] or 0) + 1 end
print(counts.m, counts.i, counts.s, counts.p)
print(("%d items at %.2f = %s"):format(3, 1.5, "4.50"), ("CamelCaseString"):gsub("(%u)", " %1"):sub(2))
print(string.format("%s", ("x"):rep(3, 5)), ("a,b;c d"):gsub("[,; ]", "\t"))
local hex = ("Lua\0\255"):gsub(".", function(c) return string.format("%02x", c:byte()) end)
print(hex, (hex:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)) == "Lua\0\255")
