-- pcall/xpcall status and values in every adjustment context
local function ok3() return 1, 2, 3 end
local function bad() error("bad", 0) end
local a, b, c, d = pcall(ok3)
print(a, b, c, d)
a, b, c = pcall(bad)
print(a, b, c)
local t = { pcall(ok3) }
print(#t)
print((pcall(ok3)))
print(select('#', pcall(ok3)), select('#', pcall(bad)))
if pcall(bad) then print("not reached") else print("false status") end
local r = pcall(ok3) and "ok" or "fail"
print(r)
print(pcall(pcall, bad))
print(pcall(pcall, pcall, bad))
print(xpcall(ok3, print))
print(select('#', xpcall(bad, function() end)))
print(xpcall(bad, function(e) return e, e end))
