-- gsub's fourth argument limits the number of replacements
for _, n in ipairs({ -1, 0, 1, 2, 3, 4, 5, 100, 1.5, 2.9, "2" }) do
  print(n, string.gsub("a a a a", "a", "b", n), string.gsub("abc", "", "-", n), string.gsub("aaa", "^a", "b", n))
end
print(string.gsub("a a a", "a", "b", nil), string.gsub("aaa", "a", "b", 2^32 + 1), string.gsub("aaa", "a", "b", 0/0))
print(pcall(function() return string.gsub("a", "a", "b", "x") end))
print(pcall(function() return string.gsub("a", "a", "b", {}) end))
