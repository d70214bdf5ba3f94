local co = coroutine.wrap(function()
  local sum = 0
  for i = 1, 10000 do sum = sum + coroutine.yield(i) end
  return "sum", sum
end)
local v = co()
local last
for i = 1, 10000 do last = { co(v) } v = last[1] end
print(last[1], last[2])
local gens = {}
for g = 1, 50 do
  gens[g] = coroutine.wrap(function() for i = 1, 20 do coroutine.yield(g * i) end return "end" end)
end
local total = 0
for round = 1, 20 do for g = 1, 50 do total = total + gens[g]() end end
print(total)
print(gens[1](), gens[50]())
