local t = { 1, 2
local u = 3
