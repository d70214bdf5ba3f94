local function deepcopy(v, seen)
  if type(v) ~= "table" then return v end
  seen = seen or {}
  if seen[v] then return seen[v] end
  local c = {}
  seen[v] = c
  for k, x in pairs(v) do c[deepcopy(k, seen)] = deepcopy(x, seen) end
  return setmetatable(c, getmetatable(v))
end
local function deepeq(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do if not deepeq(v, b[k], seen) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
local orig = { 1, { 2, { 3 } }, name = "x", nested = { deep = { deeper = "yes" } } }
orig.self = orig
local copy = deepcopy(orig)
print(copy ~= orig, copy.self == copy, copy[2][2][1], copy.nested.deep.deeper)
print(deepeq(orig, copy))
copy.nested.deep.deeper = "changed"
print(deepeq(orig, copy), orig.nested.deep.deeper)
local mt = { __index = function() return "meta" end }
local withMeta = setmetatable({ a = 1 }, mt)
local c2 = deepcopy(withMeta)
print(getmetatable(c2) == mt, c2.zzz)
print(deepeq({ 1, 2 }, { 1, 2, 3 }), deepeq({}, {}), deepeq({ a = { b = 1 } }, { a = { b = 1 } }))
