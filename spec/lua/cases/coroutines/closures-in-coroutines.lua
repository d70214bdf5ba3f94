local function counterCo()
  local n = 0
  local co = coroutine.wrap(function()
    while true do n = n + 1 coroutine.yield(n) end
  end)
  return co, function() return n end
end
local next1, peek = counterCo()
next1() next1()
print(peek(), next1(), peek())
local fs = {}
local co = coroutine.wrap(function()
  for i = 1, 3 do
    fs[i] = function() return i end
    coroutine.yield()
  end
end)
co() co() co()
print(fs[1](), fs[2](), fs[3]())
local shared = 0
local c1 = coroutine.wrap(function() for i = 1, 3 do shared = shared + 1 coroutine.yield() end end)
local c2 = coroutine.wrap(function() for i = 1, 3 do shared = shared * 2 coroutine.yield() end end)
c1() c2() c1() c2() c1() c2()
print(shared)
local obj = { v = 0 }
function obj:run() for i = 1, 2 do self.v = self.v + i coroutine.yield(self.v) end return "finished" end
local m = coroutine.wrap(function() return obj:run() end)
print(m(), m(), m())
local gen = coroutine.wrap(function(...)
  local args = { ... }
  for i = #args, 1, -1 do coroutine.yield(args[i]) end
end)
print(gen("a", "b", "c"), gen(), gen())
local mt = setmetatable({}, { __index = function(t, k) return k * 2 end })
local c3 = coroutine.wrap(function() coroutine.yield(mt[21]) end)
print(c3())
local c4 = coroutine.wrap(function()
  local t = {}
  for i = 1, 3 do t[i] = coroutine.yield(i) end
  return table.concat(t, "-")
end)
print(c4(), c4("x"), c4("y"), c4("z"))
