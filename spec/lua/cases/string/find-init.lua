-- string.find init: negative, zero, beyond the end, fractional, with anchors
local s = "hello world"
for _, init in ipairs({ -100, -12, -11, -5, -1, 0, 1, 2, 5, 10, 11, 12, 13, 100 }) do
  print(init, s:find("o", init), s:find("", init), s:find("^h", init), s:find("d$", init), s:find("o", init, true))
end
print(s:find("o", 5.9), s:find("o", "6"), s:find("l+", -4.5))
print(("aaa"):find("a", 4), ("aaa"):find("a*", 4), ("aaa"):find("a*$", 2))
print(("abc"):find("", 4), ("abc"):find("", 5), ("abc"):find("$", 3))
print(("abc"):match(".", 0), ("abc"):match(".", -1), ("abc"):match(".*", 10))
print(pcall(function() return string.find(s, "o", "x") end))
print(pcall(function() return string.find(s, "o", {}) end))
