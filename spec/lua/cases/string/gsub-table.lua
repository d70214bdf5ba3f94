-- gsub with a table: looked up by the first capture (or the whole match), honouring __index
local t = { hello = "HI", world = false, n = 42, f = 1.5 }
print(string.gsub("hello world n f x", "%w+", t))
print(string.gsub("$name is $age", "%$(%w+)", { name = "Ann", age = 30 }))
local meta = setmetatable({}, { __index = function(_, k) return k:upper() end })
print(string.gsub("abc def", "%w+", meta))
local chain = setmetatable({}, { __index = { a = "A" } })
print(string.gsub("a b", "%a", chain))
print(string.gsub("abc", "()", { [1] = "one", [2] = "two" }))
print(string.gsub("1 2 3", "%d", { ["1"] = "one", [2] = "two" }))
print(pcall(function() return string.gsub("abc", "b", { b = {} }) end))
print(pcall(function() return string.gsub("abc", "b", { b = true }) end))
print(pcall(function() return string.gsub("abc", "b", setmetatable({}, { __index = function() error("idx") end })) end))
