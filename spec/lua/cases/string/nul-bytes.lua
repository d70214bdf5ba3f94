-- embedded NUL bytes pass through every function (patterns stop at a NUL in the pattern text)
-- print stops at a NUL (it uses fputs), so results holding one are shown with %q
local function q(...)
  local t = { ... }
  for i = 1, select('#', ...) do t[i] = type(t[i]) == "string" and string.format("%q", t[i]) or tostring(t[i]) end
  return unpack(t, 1, select('#', ...))
end
local s = "a\0b\0c"
print(#s, s:byte(1, -1))
print(#s:upper(), #s:rep(3), s:reverse():byte(1, -1))
print(s:sub(2, 2) == "\0", s:find("\0"), s:find("\0", 3), s:find("b\0c"))
print(q(s:find("%z"), s:match("(%z)(.)"), select(2, s:gsub("%z", ""))))
print(q((s:gsub("\0", "0")), (s:gsub("%z", "<%0>")):byte(1, -1)))
print(q(s:match(".-%z(.*)") == "b\0c", s:match("[%z]+"), s:match("[^%z]+")))
-- the pattern text ends at its first NUL
print(string.match("a\0b", "a\0b"), string.match("xyz", "x\0q"), string.find("xa\0zq", "a\0q"))
print(q(string.gsub("a\0b", "a\0b", "X")))
for w in ("a\0b\0c"):gmatch("[^%z]") do io.write(w) end
print()
print(("\0"):rep(3) == "\0\0\0", string.char(0, 0) == "\0\0", string.format("%q", "\0"))
