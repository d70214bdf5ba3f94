print(1 < 2 == true)
local x = = 1
