local function dump(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) < type(b)
  end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. "=" .. tostring(t[k]) end
  return "{" .. table.concat(out, ",") .. "}"
end
print(dump({}))
print(dump({ 1, 2, 3 }))
print(dump({ 1, 2, 3, }))
print(dump({ 1; 2; 3; }))
print(dump({ 1, 2; 3 }))
print(dump({ x = 1, y = 2 }))
print(dump({ ["x"] = 1, ["with space"] = 2, [10] = 3, [1.5] = 4, [true] = 5 }))
print(dump({ "a", x = "b", "c", [3] = "ignored?", "d" }))
print(dump({ [1] = "explicit", "positional" }))
print(dump({ "positional", [1] = "explicit" }))
print(dump({ nil, 2 }))
print(dump({ nil, nil, 3 }))
print(dump({ x = nil }))
local k = "dyn"
print(dump({ [k] = 1, [k .. "2"] = 2, [#k] = 3 }))
print(dump(({ { 1 }, { 2 } })[2]))
print(#{ n = 1, 1, 2 })
local function f() return "f1", "f2" end
print(dump({ f() }))
print(dump({ f(), f() }))
print(dump({ (f()) }))
print(dump({ f(), nil }))
print(dump({ x = f() }))
print(dump({ [f()] = f() }))
local nested = { a = { b = { c = "deep" } } }
print(nested.a.b.c, nested["a"]["b"]["c"])
local t = { [1] = 1, [2] = 2, [3.0] = 3 }
print(#t, t[3])
print(dump({ 1, 2, 3, [2] = "two" }))
local i = 0
local function nexti() i = i + 1 return i end
local order = { nexti(), nexti(), k1 = nexti(), nexti() }
print(dump(order))
print(dump({ ["1"] = "string one", [1] = "number one" }))
print(dump({ [-1] = "neg", [0] = "zero" }))
local mt = { __newindex = function() error("constructor must not call __newindex") end }
local withFuncs = { function() return 1 end, g = function() return 2 end }
print(withFuncs[1](), withFuncs.g())
