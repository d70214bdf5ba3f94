local a = 0
local function l1()
  local b = 0
  return function()
    local c = 0
    return function()
      a = a + 1 b = b + 10 c = c + 100
      return a, b, c
    end
  end
end
local f = l1()()
print(f())
print(f())
local g = l1()()
print(g())
print(a)
local t = {}
do
  local hidden = "secret"
  t.reveal = function() return hidden end
  t.change = function(v) hidden = v end
end
print(t.reveal())
t.change("changed")
print(t.reveal())
local function make(n)
  local fs = {}
  for i = 1, n do
    local acc = i
    fs[i] = function(d) acc = acc + d return acc end
  end
  return fs
end
local fs = make(3)
print(fs[1](1), fs[2](1), fs[3](1), fs[1](1))
local x = 1
local function getx() return x end
local x = 2
print(getx(), x)
local up = 5
local function twice() return function() return up * 2 end end
local tw = twice()
up = 7
print(tw())
local function selfref()
  local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  return fact
end
print(selfref()(10))
