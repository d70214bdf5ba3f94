-- malformed patterns: the same errors from find, match, gmatch and gsub
local bad = { "%", "a%", "[a", "[^", "[", "[%", "[%]", "(", "a(", ")", "a)", "(()", "((a)", "%b", "%bx", "%f",
  "%fx", "%f[", "%f[a", "%1", "(a)%2", "(a%1)", "%0", "%9", "[a-", "[]", "[^]", "x[", "x%" }
for _, p in ipairs(bad) do
  local a = select(2, pcall(function() return string.find("xyz([)]", p) end))
  local b = select(2, pcall(function() return string.match("xyz([)]", p) end))
  local c = select(2, pcall(function() for _ in string.gmatch("xyz([)]", p) do end return "done" end))
  local d = select(2, pcall(function() return string.gsub("xyz([)]", p, "") end))
  print(string.format("%-8q", p), a, b, c, d)
end
