-- __index as a function that falls back to a class table, with computed properties
local Rect = {}
local getters = {
  area = function(r) return r.w * r.h end,
  perimeter = function(r) return 2 * (r.w + r.h) end,
}
Rect.__index = function(r, k)
  if getters[k] then return getters[k](r) end
  return Rect[k]
end
Rect.__newindex = function(r, k, v)
  if getters[k] then error("property '" .. k .. "' is read-only", 2) end
  rawset(r, k, v)
end
function Rect.new(w, h) return setmetatable({ w = w, h = h }, Rect) end
function Rect:scale(f) return Rect.new(self.w * f, self.h * f) end
Rect.__eq = function(a, b) return a.w == b.w and a.h == b.h end
Rect.__lt = function(a, b) return a.area < b.area end
Rect.__le = function(a, b) return a.area <= b.area end
Rect.__tostring = function(r) return r.w .. "x" .. r.h end
local a = Rect.new(2, 3)
print(a.area, a.perimeter, tostring(a:scale(2)), a:scale(2).area)
print(pcall(function() a.area = 5 end))
a.color = "red"
print(rawget(a, "color"), a.missing)
local b = Rect.new(3, 2)
print(a == b, a < b, a <= b, a == Rect.new(2, 3), a < a:scale(2))
local list = { Rect.new(5, 5), Rect.new(1, 1), Rect.new(2, 3) }
table.sort(list)
local s = {}
for i, r in ipairs(list) do s[i] = tostring(r) end
print(table.concat(s, " "))
