local function deep(n)
  if n == 0 then return coroutine.yield("bottom") end
  return deep(n - 1)
end
local co = coroutine.create(function() return "returned " .. tostring(deep(100)) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "value"))
local levels = {}
local function chain(n)
  if n == 0 then return "leaf" end
  local c = coroutine.create(function() coroutine.yield(n) return chain(n - 1) end)
  local _, first = coroutine.resume(c)
  levels[#levels + 1] = first
  local _, rest = coroutine.resume(c)
  return rest
end
print(chain(5), table.concat(levels, ","))
local order = {}
local a, b
a = coroutine.create(function()
  order[#order + 1] = "a1"
  coroutine.resume(b)
  order[#order + 1] = "a2"
  coroutine.yield()
  order[#order + 1] = "a3"
end)
b = coroutine.create(function()
  order[#order + 1] = "b1"
  print("a from b", coroutine.status(a))
  coroutine.yield()
  order[#order + 1] = "b2"
end)
coroutine.resume(a)
coroutine.resume(b)
coroutine.resume(a)
print(table.concat(order, " "))
print(coroutine.status(a), coroutine.status(b))
local many = {}
for i = 1, 100 do many[i] = coroutine.create(function(x) local y = coroutine.yield(x * 2) return x + y end) end
local sum = 0
for i = 1, 100 do local _, v = coroutine.resume(many[i], i) sum = sum + v end
for i = 1, 100 do local _, v = coroutine.resume(many[i], 1) sum = sum + v end
print(sum)
local ok, e = coroutine.resume(coroutine.create(function()
  local function rec() return 1 + rec() end
  return rec()
end))
print(ok, e:sub(-14) == "stack overflow")
