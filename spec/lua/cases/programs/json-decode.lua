local function decode(s)
  local pos = 1
  local function ws() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local value
  local function str()
    local out = {}
    pos = pos + 1
    while true do
      local c = s:sub(pos, pos)
      if c == "" then error("unterminated string at " .. pos, 0) end
      if c == '"' then pos = pos + 1 break end
      if c == "\\" then
        local e = s:sub(pos + 1, pos + 1)
        local map = { n = "\n", t = "\t", r = "\r", b = "\b", f = "\f", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }
        if e == "u" then out[#out + 1] = string.char(tonumber(s:sub(pos + 2, pos + 5), 16) % 256) pos = pos + 6
        else out[#out + 1] = map[e] or error("bad escape \\" .. e, 0) pos = pos + 2 end
      else out[#out + 1] = c pos = pos + 1 end
    end
    return table.concat(out)
  end
  function value()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      pos = pos + 1
      local obj = {}
      ws()
      if s:sub(pos, pos) == "}" then pos = pos + 1 return obj end
      while true do
        ws()
        local k = str()
        ws()
        if s:sub(pos, pos) ~= ":" then error("expected : at " .. pos, 0) end
        pos = pos + 1
        obj[k] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "}" then return obj end
        if d ~= "," then error("expected , or } at " .. (pos - 1), 0) end
      end
    elseif c == "[" then
      pos = pos + 1
      local arr = {}
      ws()
      if s:sub(pos, pos) == "]" then pos = pos + 1 return arr end
      while true do
        arr[#arr + 1] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "]" then return arr end
        if d ~= "," then error("expected , or ] at " .. (pos - 1), 0) end
      end
    elseif c == '"' then return str()
    elseif s:sub(pos, pos + 3) == "true" then pos = pos + 4 return true
    elseif s:sub(pos, pos + 4) == "false" then pos = pos + 5 return false
    elseif s:sub(pos, pos + 3) == "null" then pos = pos + 4 return nil
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then error("unexpected '" .. c .. "' at " .. pos, 0) end
      pos = pos + #num
      return tonumber(num)
    end
  end
  local v = value()
  ws()
  if pos <= #s then error("trailing garbage at " .. pos, 0) end
  return v
end
local v = decode('{"a": [1, 2.5, -3e2, true, false, null, "x\\ny"], "b": {"c": "d"}, "e": []}')
print(#v.a, v.a[1], v.a[2], v.a[3], v.a[4], v.a[5], v.a[6], v.a[7], v.b.c, #v.e)
for _, bad in ipairs({ '{"a" 1}', "[1, 2", '"open', "[1] x", "@" }) do print(pcall(decode, bad)) end
print(decode('"\\u0041\\t\\"q\\""'))
