-- closures: counters and higher-order functions with upvalues
local n = tonumber(arg and arg[1]) or 900000
local function counter()
  local c = 0
  return function(d) c = c + d; return c end
end
local function map(f, t)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end
local total = 0
local small = {1, 2, 3, 4, 5, 6, 7, 8}
for i = 1, n do
  local c = counter()
  c(i); c(2)
  local m = map(function(x) return x * i end, small)
  total = total + c(0) + m[8]
end
print(total)
