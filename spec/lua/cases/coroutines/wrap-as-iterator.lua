local function chars(s)
  return coroutine.wrap(function() for i = 1, #s do coroutine.yield(i, s:sub(i, i)) end end)
end
for i, c in chars("lua") do io.write(i, c, " ") end print()
local function zip(a, b)
  return coroutine.wrap(function()
    for i = 1, math.min(#a, #b) do coroutine.yield(a[i], b[i]) end
  end)
end
for x, y in zip({ 1, 2, 3 }, { "a", "b" }) do io.write(x, y, " ") end print()
local function range(n, step)
  return coroutine.wrap(function() for i = 1, n, step or 1 do coroutine.yield(i) end end)
end
local acc = {}
for v in range(10, 3) do acc[#acc + 1] = v end
print(table.concat(acc, ","))
local function chain(...)
  local its = { ... }
  return coroutine.wrap(function() for _, it in ipairs(its) do for v in it do coroutine.yield(v) end end end)
end
acc = {}
for v in chain(range(2), range(3), range(1)) do acc[#acc + 1] = v end
print(table.concat(acc, ","))
local early = coroutine.wrap(function() for i = 1, 100 do coroutine.yield(i) end end)
for v in early do if v == 3 then break end end
print(early(), early())
