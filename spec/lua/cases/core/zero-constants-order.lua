-- One constant per value per function, where 0 and -0 are one key: the first zero a function's
-- code adds to its constant table gives every later 0 and -0 of that function its sign.
-- Folded-away operands add nothing; nested functions have tables of their own.
local function folded() local a = 0 * -1 local b = 0 return a, b end
print(folded())
local function foldedaway() local a = (0 + 5) * 0 local b = -0 return a, b end
print(foldedaway())
local function nested()
  local inner = function() return -0, 0 end
  return 0, inner()
end
print(nested())
local function keys()
  local t = {[-0] = "neg"}
  return t[0], t[-0], next(t)
end
print(keys())
local function loop()
  local s = ""
  for i = -0, 0 do s = s .. tostring(i) end
  return s, 0
end
print(loop())
local function compare(x) return x == 0, x == -0, -0 end
print(compare(0))
local function divide() return 0 / -5, 0 end
print(divide())
local function strings() return "0" .. 0, -0 .. "" end
print(strings())
print(string.format("%g %g", -0, 0))
