-- In Lua 5.1 the generic for calls its iterator from the VM (OP_TFORLOOP) as a
-- C-level call, so an iterator function may not yield
local co = coroutine.create(function()
  for x in function(s, c) if not c then return coroutine.yield("from iterator") end end do end
  return "finished"
end)
print(coroutine.resume(co))
print(coroutine.status(co))
-- yielding in the loop body is fine
local co2 = coroutine.create(function()
  for i, v in ipairs({ "a", "b" }) do coroutine.yield(i, v) end
  for k in pairs({ x = 1 }) do coroutine.yield(k) end
  return "body yields ok"
end)
for i = 1, 4 do print(coroutine.resume(co2)) end
-- yielding inside __call metamethod is a normal Lua call: fine
local callable = setmetatable({}, { __call = function(self, v) return coroutine.yield(v) end })
local co3 = coroutine.create(function() return "returned " .. callable("via __call") end)
print(coroutine.resume(co3))
print(coroutine.resume(co3, "resumed"))
