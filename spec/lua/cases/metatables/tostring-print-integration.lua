local P = {}
P.__index = P
P.__tostring = function(p) return "P(" .. p.x .. "," .. p.y .. ")" end
local function point(x, y) return setmetatable({ x = x, y = y }, P) end
local pts = { point(1, 2), point(3, 4) }
print(pts[1], pts[2])
local strs = {}
for i, p in ipairs(pts) do strs[i] = tostring(p) end
print(table.concat(strs, " "))
print(string.format("%s and %s", tostring(pts[1]), tostring(pts[2])))
print(tostring(point(0.5, -1)))
local inheritsTostring = setmetatable({}, { __index = P })
print((tostring(inheritsTostring):gsub("0x%x+", "ADDR")))
local withName = setmetatable({}, { __tostring = function(s) return s == nil and "nil" or "self ok" end })
print(withName)
local numeric = setmetatable({}, { __tostring = function() return 12 end })
print(pcall(print, numeric))
