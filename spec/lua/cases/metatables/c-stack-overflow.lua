-- Metamethods that recurse through one another: each metamethod call is a C call (luaD_call),
-- and at LUAI_MAXCCALLS (200) lua5.1 raises "C stack overflow" at the running function
local function run(name, event, body)
  local mt = {}
  local n = 0
  mt[event] = function(...)
    n = n + 1
    return body(mt, ...)
  end
  local ok, err = pcall(function() return body(mt) end)
  print(name, n, ok, err)
end
run("index", "__index", function(mt) return setmetatable({}, mt).x end)
run("newindex", "__newindex", function(mt) setmetatable({}, mt).x = 1 end)
run("add", "__add", function(mt) return setmetatable({}, mt) + 1 end)
run("sub", "__sub", function(mt) return 1 - setmetatable({}, mt) end)
run("unm", "__unm", function(mt) return -setmetatable({}, mt) end)
run("concat", "__concat", function(mt) return setmetatable({}, mt) .. "x" end)
run("lt", "__lt", function(mt) return setmetatable({}, mt) < setmetatable({}, mt) end)
run("le", "__le", function(mt) return setmetatable({}, mt) <= setmetatable({}, mt) end)
-- __eq needs the same handler in both metatables
local emt = {}
local en = 0
emt.__eq = function(a, b)
  en = en + 1
  return setmetatable({}, emt) == setmetatable({}, emt)
end
print("eq", pcall(function() return setmetatable({}, emt) == setmetatable({}, emt) end))
print("eq calls", en)
-- a shallow chain is fine, and the count comes back down after the error
local mt = {}
mt.__index = function(t, k) return k .. "!" end
print(setmetatable({}, mt).x)
run("index again", "__index", function(mt2) return setmetatable({}, mt2).y end)
-- __call is not a C call: deep __call recursion runs until the Lua stack ends
local cmt = {}
local depth = 0
cmt.__call = function(self, d)
  depth = d
  if d < 300 then return self(d + 1) end
  return d
end
print("call", pcall(setmetatable({}, cmt), 1), depth)
