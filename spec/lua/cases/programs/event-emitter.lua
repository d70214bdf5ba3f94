local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({ handlers = {} }, Emitter) end
function Emitter:on(ev, fn) self.handlers[ev] = self.handlers[ev] or {} table.insert(self.handlers[ev], fn) return self end
function Emitter:once(ev, fn)
  local wrapper
  wrapper = function(...) self:off(ev, wrapper) return fn(...) end
  return self:on(ev, wrapper)
end
function Emitter:off(ev, fn)
  local hs = self.handlers[ev] or {}
  for i = #hs, 1, -1 do if hs[i] == fn then table.remove(hs, i) end end
end
function Emitter:emit(ev, ...)
  local hs = self.handlers[ev]
  if not hs then return 0 end
  local copy = { unpack(hs) }
  for _, h in ipairs(copy) do h(...) end
  return #copy
end
local e = Emitter.new()
local log = {}
e:on("data", function(x) log[#log + 1] = "a" .. x end)
e:once("data", function(x) log[#log + 1] = "once" .. x end)
e:on("data", function(x, y) log[#log + 1] = "b" .. x .. (y or "") end)
print(e:emit("data", 1), e:emit("data", 2, "!"), e:emit("none"))
print(table.concat(log, " "))
local ok, err = pcall(function() e:on("boom", function() error("handler failed", 0) end):emit("boom") end)
print(ok, err)
