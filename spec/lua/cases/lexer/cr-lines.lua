print("lf then cr")print("after cr")
local x = {} .. "x"
