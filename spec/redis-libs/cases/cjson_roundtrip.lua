-- decode then encode: what survives (numbers through %.14g, escapes re-encoded, null, empty
-- objects/arrays becoming {}), on documents whose objects have at most one key
local function RT(s) T(s, function() return cjson.encode(cjson.decode(s)) end) end
RT("[1,2,3]")
RT("[]")
RT("{}")
RT("[[],{}]")
RT('{"a":[]}')
RT("[0.1,0.2,0.30000000000000004]")
RT("[1e300,1e-300,123456789012345678]")
RT("[3.14159265358979323846]")
RT("[-0,0,-0.0]")
RT('["\\u00e9\\u20ac\\ud83d\\ude00"]')
RT('["\\/\\b\\f\\n\\r\\t\\"\\\\"]')
RT('["\\u0000\\u001f\\u007f"]')
RT('[null,true,false]')
RT('{"k":null}')
RT('[1,null,3]')
RT('[null]')
RT('[null,null,null,null,null,null,null,null,null,null,null,null,1]')
RT('{"1":1}')
RT('{"a":{"b":{"c":{"d":[1,[2,[3]]]}}}}')
RT('[{"x":1},{"y":2},{"z":[]}]')
RT('["' .. string.rep("x", 100) .. '"]')
RT('[1E400]')
RT('[0x10]')
RT('[nan]')
T("big doc", function()
  local parts = {}
  for i = 1, 200 do
    parts[i] = '{"id":' .. i .. ',"v":[' .. (i / 7) .. ',"s' .. i .. '",true,null]}'
  end
  local doc = "[" .. join(parts, ",") .. "]"
  local out = cjson.encode(cjson.decode(doc))
  return #doc, #out, string.sub(out, 1, 60)
end)
T("encode decode encode", function()
  local t = {1, "two", {3, {4}}, {five = 5}, true, cjson.null}
  local s = cjson.encode(t)
  return s, cjson.encode(cjson.decode(s)) == s
end)
return R
