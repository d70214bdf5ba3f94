local V = {}
V.__index = V
local function vec(x, y) return setmetatable({ x = x, y = y }, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y) end
  if type(b) == "number" then return vec(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(a * 2), tostring(3 * a))
print(tostring(b / 2), tostring(b % 3), tostring(a ^ 2), tostring(-a))
local log = {}
local L = setmetatable({}, {
  __add = function(x, y) log[#log + 1] = "add" return "added" end,
  __sub = function(x, y) log[#log + 1] = "sub" return "subbed" end,
})
print(L + 1, 1 + L, L - "x", "x" - L)
print(table.concat(log, ","))
local order = {}
local A = setmetatable({}, { __add = function(x, y) order[#order + 1] = "A" return 1 end })
local B = setmetatable({}, { __add = function(x, y) order[#order + 1] = "B" return 2 end })
print(A + B, B + A, A + 1, 1 + B)
print(table.concat(order, ","))
local strop = setmetatable({}, { __add = function(x, y) return type(x) .. "+" .. type(y) end })
print(strop + "10", "10" + strop)
print("10" + 5, "3" * "4")
print(pcall(function() return {} + 1 end))
print(pcall(function() return setmetatable({}, { __sub = function() return 1 end }) + 1 end))
local unmcalls = {}
local U = setmetatable({}, { __unm = function(x, y) unmcalls[1] = rawequal(x, y) return "neg" end })
print(-U, unmcalls[1])
local mixed = setmetatable({}, { __mod = function(a, b) return "mod" end, __pow = function(a, b) return "pow" end, __div = function() return "div" end })
print(mixed % 2, 2 % mixed, mixed ^ 2, 2 ^ mixed, mixed / 1, 1 / mixed)
local retmulti = setmetatable({}, { __add = function() return 1, 2, 3 end })
print(retmulti + 1)
print(select('#', retmulti + 1))
local numstr = "5"
local mtstr = setmetatable({}, { __mul = function(a, b) return "mul:" .. tostring(a == numstr) end })
print(numstr * mtstr)
