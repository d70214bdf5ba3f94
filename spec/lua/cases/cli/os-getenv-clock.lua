print(os.getenv("HOME") ~= nil, type(os.getenv("HOME")))
print(os.getenv("REDLUA_SURELY_UNSET_VARIABLE_12345"))
print(pcall(function() return os.getenv() end))
print(type(os.clock()), os.clock() >= 0)
local c1 = os.clock()
local x = 0
for i = 1, 1000 do x = x + i end
print(os.clock() >= c1, x)
print(type(os.time()), os.time() > 1600000000)
