-- for binary operators the left operand's metamethod is tried first, then the right's
local L = setmetatable({}, { __add = function() return "left add" end, __concat = function() return "left concat" end })
local R = setmetatable({}, { __add = function() return "right add" end, __concat = function() return "right concat" end })
print(L + R, R + L, L + 1, 1 + R)
print(L .. R, R .. L, L .. "s", "s" .. R)
local OnlyRight = setmetatable({}, { __sub = function(a, b) return type(a) .. "-" .. type(b) end })
print(5 - OnlyRight, OnlyRight - 5, "x" - OnlyRight)
-- comparison metamethods need the same function on both operands (5.1)
local lt = function(a, b) return true end
local A = setmetatable({}, { __lt = lt, __le = lt })
local B = setmetatable({}, { __lt = lt, __le = lt })
local C = setmetatable({}, { __lt = function() return true end })
print(A < B, A <= B, pcall(function() return A < C end))
-- __eq: same requirement
local eq = function() return true end
print(setmetatable({}, { __eq = eq }) == setmetatable({}, { __eq = eq }))
print(setmetatable({}, { __eq = eq }) == setmetatable({}, { __eq = function() return true end }))
