local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2(), c2())
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
set(42)
print(get())
set("s")
print(get())
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())
local fns2 = {}
for _, v in ipairs({ "a", "b", "c" }) do fns2[#fns2 + 1] = function() return v end end
print(fns2[1](), fns2[2](), fns2[3]())
local fns3 = {}
local j = 1
while j <= 3 do
  local k = j
  fns3[j] = function() k = k + 10 return k end
  j = j + 1
end
print(fns3[1](), fns3[1](), fns3[2](), fns3[3]())
local fns4 = {}
local m = 0
repeat
  m = m + 1
  local mm = m
  fns4[m] = function() return mm end
until mm >= 3
print(fns4[1](), fns4[2](), fns4[3]())
local shared = {}
for i = 1, 2 do
  local x = 0
  shared[i] = { inc = function() x = x + 1 return x end, get = function() return x end }
end
shared[1].inc() shared[1].inc() shared[2].inc()
print(shared[1].get(), shared[2].get())
local function outer()
  local a = 1
  local function mid()
    local b = 2
    local function inner() a = a + 1 b = b + 1 return a + b end
    return inner
  end
  return mid(), function() return a end
end
local inner, geta = outer()
print(inner(), inner(), geta())
local loopvar = {}
for i = 1, 3 do
  loopvar[i] = function() i = i + 100 return i end
end
print(loopvar[1](), loopvar[1](), loopvar[2]())
local function mk(x) return function(y) return function(z) return x + y + z end end end
print(mk(1)(2)(3))
