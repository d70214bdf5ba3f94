print("before")
local a = = 2
