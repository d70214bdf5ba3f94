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
return R
