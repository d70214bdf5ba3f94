local Set = {}
Set.__index = Set
function Set.new(items) local s = setmetatable({ items = {} }, Set) for _, v in ipairs(items or {}) do s.items[v] = true end return s end
function Set:list() local l = {} for k in pairs(self.items) do l[#l + 1] = k end table.sort(l) return l end
Set.__add = function(a, b) local r = Set.new() for k in pairs(a.items) do r.items[k] = true end for k in pairs(b.items) do r.items[k] = true end return r end
Set.__mul = function(a, b) local r = Set.new() for k in pairs(a.items) do if b.items[k] then r.items[k] = true end end return r end
Set.__sub = function(a, b) local r = Set.new() for k in pairs(a.items) do if not b.items[k] then r.items[k] = true end end return r end
Set.__le = function(a, b) for k in pairs(a.items) do if not b.items[k] then return false end end return true end
Set.__lt = function(a, b) return a <= b and not (b <= a) end
Set.__eq = function(a, b) return a <= b and b <= a end
Set.__tostring = function(s) return "{" .. table.concat(s:list(), ", ") .. "}" end
Set.__len = function(s) return #s:list() end
Set.__concat = function(a, b) return tostring(a) .. tostring(b) end
local a, b = Set.new({ 1, 2, 3, 4 }), Set.new({ 3, 4, 5 })
print(tostring(a + b), tostring(a * b), tostring(a - b), tostring(b - a))
print(a * b <= a, a <= b, a * b < a, a < a, a == Set.new({ 4, 3, 2, 1 }), a ~= b)
print(a .. b)
print(#a, #a:list())
local empty = Set.new()
print(tostring(empty), empty <= a, tostring(empty + empty))
