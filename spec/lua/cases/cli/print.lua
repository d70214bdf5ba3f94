print()
print(nil)
print(1, nil, 3)
print(nil, nil)
print("a\0b")
print(true, false)
print("", "")
print(1.0, -0.5, 100)
local oldtostring = tostring
tostring = function(v) return "<" .. oldtostring(v) .. ">" end
print(1, "s", nil)
tostring = oldtostring
print(setmetatable({}, { __tostring = function() return "custom" end }))
print(pcall(print, setmetatable({}, { __tostring = function() return {} end })))
tostring = nil
local ok, e = pcall(print, 1)
tostring = oldtostring
print(ok, e)
print("restored")
