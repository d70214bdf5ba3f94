local function shift(s, k)
  return (s:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    return string.char((c:byte() - base + k) % 26 + base)
  end))
end
local msg = "Hello, World! The Quick Brown Fox."
local enc = shift(msg, 3)
print(enc)
print(shift(enc, -3))
print(shift(msg, 13), shift(shift(msg, 13), 13) == msg)
for k = 0, 25, 5 do io.write(shift("xyz", k), " ") end print()
