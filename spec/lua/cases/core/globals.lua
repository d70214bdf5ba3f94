print(undefinedglobal)
newglobal = 10
print(newglobal, _G.newglobal, _G["newglobal"])
_G.viaG = 20
print(viaG)
newglobal = nil
print(newglobal, rawget(_G, "newglobal"))
local names = {}
_G["with space"] = 1
print(_G["with space"])
print(_G._G == _G, type(_G))
x, y = 1, 2
x, y = y, x
print(x, y)
local function setg(name, v) _G[name] = v end
setg("dyn", "dynamic")
print(dyn)
print(type(print), type(_G.print), print == _G.print)
local count = 0
for k in pairs(_G) do if k == "string" or k == "table" or k == "print" then count = count + 1 end end
print(count)
