-- gsub argument errors
print(pcall(function() return string.gsub() end))
print(pcall(function() return string.gsub("a") end))
print(pcall(function() return string.gsub("a", "a") end))
print(pcall(function() return string.gsub("a", "a", nil) end))
print(pcall(function() return string.gsub("a", "a", true) end))
print(pcall(function() return string.gsub(nil, "a", "b") end))
print(pcall(function() return string.gsub("a", nil, "b") end))
print(pcall(function() return string.gsub("a", {}, "b") end))
print(pcall(function() return string.gsub("a", "a", "b", "bad") end))
-- the count is checked before the replacement's type
print(pcall(function() return string.gsub("a", "a", nil, "bad") end))
