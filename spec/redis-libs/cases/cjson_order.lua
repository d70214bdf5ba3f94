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
-- objects with the same keys in the same order share their layout within a document (shapes):
-- each must still be the table its own stores make, whatever came before it
T("repeated shapes", function()
  local t = cjson.decode('[{"id":1,"name":"a","tags":[1],"price":1.5,"ok":true},' ..
    '{"id":2,"name":"b","tags":[2],"price":2.5,"ok":false},{"id":3,"name":"c"},' ..
    '{"id":4,"name":"d","tags":[],"price":4,"ok":true,"extra":1},{"name":"e","id":5},' ..
    '{"id":6,"id":7,"name":"f"},{"\\u0069d":8,"name":"g","tags":[3],"price":1,"ok":true}]')
  local out = {}
  for i = 1, #t do out[i] = cjson.encode(t[i]) end
  t[3].z = 1
  t[6].name = nil
  t[6].w = 2
  t[7].more = 3
  return join(out, " "), keysof(t[1]), keysof(t[3]), keysof(t[6]), keysof(t[7])
end)
T("shape prefixes", function()
  local s = {}
  for n = 1, 12 do
    local ks = {}
    for k = 1, n do ks[k] = '"k' .. k .. '":' .. k end
    s[n] = "{" .. join(ks, ",") .. "}"
  end
  local doc = "[" .. join(s, ",") .. "," .. join(s, ",") .. "]"
  local t = cjson.decode(doc)
  local out = {}
  for i = 1, #t do
    t[i].x = i
    out[i] = keysof(t[i])
  end
  return cjson.encode(cjson.decode(doc)), join(out, " | ")
end)
return R
