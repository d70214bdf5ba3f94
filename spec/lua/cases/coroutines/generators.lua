local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
for v in gen(4) do io.write(v, " ") end print()
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
local count = 0
for p in permutations({ 1, 2, 3 }) do count = count + 1 io.write(table.concat(p), " ") end print()
print(count)
local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do coroutine.yield(a) a, b = b, a + b end
  end)
end
local f = fib()
local out = {}
for i = 1, 15 do out[i] = f() end
print(table.concat(out, ","))
local function filter(pred, g)
  return coroutine.wrap(function()
    for v in g do if pred(v) then coroutine.yield(v) end end
  end)
end
local function take(n, g)
  local r = {}
  for v in g do r[#r + 1] = v if #r == n then break end end
  return r
end
print(table.concat(take(5, filter(function(x) return x % 2 == 0 end, fib())), ","))
local function tree(t)
  return coroutine.wrap(function()
    local function walk(node)
      if type(node) == "table" then for _, c in ipairs(node) do walk(c) end else coroutine.yield(node) end
    end
    walk(t)
  end)
end
local s = ""
for leaf in tree({ 1, { 2, { 3, 4 } }, { { { 5 } } }, 6 }) do s = s .. leaf end
print(s)
local producer = coroutine.create(function()
  for _, w in ipairs({ "alpha", "beta", "gamma" }) do coroutine.yield(w) end
  return "eof"
end)
while true do
  local ok, v = coroutine.resume(producer)
  io.write(tostring(v), " ")
  if coroutine.status(producer) == "dead" then break end
end
print()
