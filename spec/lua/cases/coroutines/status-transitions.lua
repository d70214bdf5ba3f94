local log = {}
local co
local function st() return coroutine.status(co) end
co = coroutine.create(function(x)
  log[#log + 1] = "running:" .. st()
  local y = coroutine.yield(x + 1)
  log[#log + 1] = "resumed:" .. st()
  local inner = coroutine.create(function()
    log[#log + 1] = "outer while inner runs:" .. st()
    coroutine.yield()
  end)
  coroutine.resume(inner)
  log[#log + 1] = "inner:" .. coroutine.status(inner)
  return y * 2
end)
log[#log + 1] = "created:" .. st()
print(coroutine.resume(co, 1))
log[#log + 1] = "yielded:" .. st()
print(coroutine.resume(co, 10))
log[#log + 1] = "finished:" .. st()
print(coroutine.resume(co))
log[#log + 1] = "still:" .. st()
for _, l in ipairs(log) do print(l) end
local errco = coroutine.create(function() error("x") end)
coroutine.resume(errco)
print(coroutine.status(errco))
local wrapped
wrapped = coroutine.wrap(function() return pcall(wrapped) end)
print(wrapped())
