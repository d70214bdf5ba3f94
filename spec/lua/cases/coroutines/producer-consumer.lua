local function producer(items)
  return coroutine.create(function()
    for _, it in ipairs(items) do coroutine.yield(it) end
    return nil
  end)
end
local function filter(prod, pred)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(prod)
      if not v then return nil end
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local function map(prod, f)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(prod)
      if not v then return nil end
      coroutine.yield(f(v))
    end
  end)
end
local function consume(prod)
  local out = {}
  while true do
    local ok, v = coroutine.resume(prod)
    if not v then break end
    out[#out + 1] = v
  end
  return table.concat(out, " ")
end
local nums = {}
for i = 1, 20 do nums[i] = i end
print(consume(map(filter(producer(nums), function(x) return x % 3 == 0 end), function(x) return x * x end)))
local function sched(tasks)
  local order = {}
  while #tasks > 0 do
    local t = table.remove(tasks, 1)
    local ok, name = coroutine.resume(t)
    if coroutine.status(t) ~= "dead" then tasks[#tasks + 1] = t order[#order + 1] = name end
  end
  return table.concat(order, ",")
end
local function task(name, n) return coroutine.create(function() for i = 1, n do coroutine.yield(name .. i) end end) end
print(sched({ task("a", 3), task("b", 1), task("c", 2) }))
