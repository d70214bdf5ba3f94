local s = [[\q]]
local t = "\q"
local = 1
