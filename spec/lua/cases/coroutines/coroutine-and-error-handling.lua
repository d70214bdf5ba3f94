-- pcall inside a coroutine catches errors normally (without yielding)
local co = coroutine.create(function()
  local ok, e = pcall(error, "caught inside")
  coroutine.yield(ok, e)
  local ok2, e2 = pcall(function() local t = nil return t.x end)
  coroutine.yield(ok2, e2)
  error("uncaught inside")
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
-- errors raised in a nested coroutine stay there
local outer = coroutine.create(function()
  local inner = coroutine.create(function() error({ tag = "inner" }) end)
  local ok, e = coroutine.resume(inner)
  coroutine.yield(ok, type(e), e.tag, coroutine.status(inner))
  return "outer done"
end)
print(coroutine.resume(outer))
print(coroutine.resume(outer))
-- xpcall with handler inside a coroutine
local co3 = coroutine.create(function()
  return xpcall(function() error("x", 0) end, function(m) return "handled " .. m end)
end)
print(coroutine.resume(co3))
-- a coroutine that yields from deep inside nested Lua calls
local function level3() return coroutine.yield("deep") .. "!" end
local function level2() return level3() .. "?" end
local co4 = coroutine.create(function() return level2() end)
print(coroutine.resume(co4))
print(coroutine.resume(co4, "back"))
