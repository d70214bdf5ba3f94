-- values flow both ways through resume/yield, with exact counts
local function show(...) return select('#', ...), ... end
local co = coroutine.create(function(...)
  print("args", show(...))
  print("yield1 got", show(coroutine.yield()))
  print("yield2 got", show(coroutine.yield(nil)))
  print("yield3 got", show(coroutine.yield(1, nil, 3)))
  return nil, nil
end)
print("resume1", show(coroutine.resume(co, "a", nil)))
print("resume2", show(coroutine.resume(co)))
print("resume3", show(coroutine.resume(co, nil, nil)))
print("resume4", show(coroutine.resume(co, "x")))
local echo = coroutine.wrap(function(...)
  local args = { n = select('#', ...), ... }
  while true do
    args = { n = select('#', coroutine.yield(unpack(args, 1, args.n))) , coroutine.yield() }
  end
end)
print(show(echo(1, 2, 3)))
local co2 = coroutine.create(function(t) t.x = 1 coroutine.yield(t) t.x = 2 return t end)
local tbl = {}
local _, r1 = coroutine.resume(co2, tbl)
print(r1 == tbl, tbl.x)
local _, r2 = coroutine.resume(co2)
print(r2 == tbl, tbl.x)
local big = coroutine.wrap(function(...) return ... end)
local many = {}
for i = 1, 200 do many[i] = i end
print(select('#', big(unpack(many))))
local fnyield = coroutine.wrap(function() coroutine.yield(function() return "fn from co" end) end)
print(fnyield()())
local costate = coroutine.create(function()
  local sum = 0
  for i = 1, 3 do
    local v = coroutine.yield(sum)
    sum = sum + v
  end
  return "total", sum
end)
coroutine.resume(costate)
for i = 1, 3 do print(coroutine.resume(costate, i * 10)) end
