-- In Lua 5.1, __len is consulted only for userdata; # on a table is its raw border
local t = setmetatable({ 1, 2, 3 }, { __len = function() return 100 end })
print(#t)
local s = setmetatable({}, { __len = function() return 5 end })
print(#s)
print(#"abc")
-- other 5.1-unknown metamethods are ignored
local p = setmetatable({}, { __pairs = function() error("not in 5.1") end, __ipairs = function() error("not in 5.1") end })
p[1] = "a"
for k, v in pairs(p) do print(k, v) end
for i, v in ipairs(p) do print(i, v) end
local g = setmetatable({}, { __gc = function() end, __close = 1 })
print(type(g))
