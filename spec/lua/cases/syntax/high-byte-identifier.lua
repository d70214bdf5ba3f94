local x = 1
local café = 2
