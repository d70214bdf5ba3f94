-- Multi-key objects and mixed tables: the key order cjson.encode writes is Lua's next() order,
-- so these check the table traversal order as much as cjson itself
T("two keys", cjson.encode, {a = 1, b = 2})
T("five keys", cjson.encode, {one = 1, two = 2, three = 3, four = 4, five = 5})
T("mixed", cjson.encode, {1, 2, x = "y"})
T("numeric keys", cjson.encode, {[0] = 0, [1] = 1, [-1] = -1})
T("decoded object", function() return cjson.encode(cjson.decode('{"b":1,"a":2,"c":3,"d":{"y":1,"x":2}}')) end)
T("sparse converted", function()
  cjson.encode_sparse_array(true)
  local r = cjson.encode({[1] = "a", [2] = "b", [30] = "c"})
  cjson.encode_sparse_array(false)
  return r
end)
T("many keys", function()
  local t = {}
  for i = 1, 20 do t["k" .. i] = i end
  return cjson.encode(t)
end)
T("keys after removal", function()
  local t = {a = 1, b = 2, c = 3}
  t.b = nil
  t.d = 4
  return cjson.encode(t)
end)
-- the array part decode leaves (what later stores and # see)
local function keysof(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  return join(ks, " ")
end
T("array layout 3", function()
  local t = cjson.decode("[1,2,3]")
  t[5] = "x"
  t[4] = "y"
  t[9] = "z"
  return keysof(t), #t
end)
T("array layout 5", function()
  local t = cjson.decode("[1,2,3,4,5]")
  t[8] = 8
  t[6] = 6
  t[2] = nil
  return keysof(t), #t
end)
T("array layout 8", function()
  local t = cjson.decode("[1,2,3,4,5,6,7,8]")
  t[10] = 10
  t[9] = 9
  t[8] = nil
  return keysof(t), #t
end)
T("object then numbers", function()
  local t = cjson.decode('{"a":1,"b":2,"c":3}')
  t[1] = 1
  t[2] = 2
  return keysof(t)
end)
T("msgpack array layout", function()
  local t = cmsgpack.unpack("\147\1\2\3")
  t[5] = 5
  t[4] = 4
  return keysof(t), #t
end)
T("msgpack array with nils", function()
  local t = cmsgpack.unpack("\150\1\192\3\192\192\6")
  t[8] = 8
  return keysof(t), #t
end)
T("msgpack map order", function()
  local t = cmsgpack.unpack("\132\161a\1\161b\2\161c\3\1\4")
  return keysof(t)
end)
return R
