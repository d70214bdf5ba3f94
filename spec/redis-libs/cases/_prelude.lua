-- Shared helpers, prepended to every case script. R collects one line of text per check; the
-- script returns R. Only base and string functions are used here (no table or math library).
local R = {}
local PI = 3.141592653589793
-- join(list, sep) and sortlist(list, less): table.concat and table.sort for the checks' own use
local function join(list, sep)
  local s = ""
  for i = 1, #list do s = (i > 1 and s .. sep or s) .. tostring(list[i]) end
  return s
end
local function sortlist(list, less)
  for i = 2, #list do
    local v, j = list[i], i - 1
    while j >= 1 and less(v, list[j]) do
      list[j + 1] = list[j]
      j = j - 1
    end
    list[j + 1] = v
  end
  return list
end
local NEGZERO = -tonumber("0") -- a literal -0 would share the constant 0 (lcode.c addk)
local function num(n)
  if n ~= n then return "nan" end
  return string.format("%.17g", n)
end
local function keyless(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end
local show
show = function(v, depth)
  local t = type(v)
  if t == "string" then return '"' .. v .. '"' end
  if t == "number" then return num(v) end
  if t == "nil" or t == "boolean" then return tostring(v) end
  if v == cjson.null then return "null" end
  if t ~= "table" then return t end
  depth = depth or 0
  if depth > 20 then return "{...}" end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  sortlist(keys, keyless)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = show(k, depth + 1) .. "=" .. show(v[k], depth + 1) end
  return "{" .. join(parts, ",") .. "}"
end
-- Error text without the position and with argument errors' function name as '?', since both
-- depend on the call site (a tail call, pcall of a C function, a local alias), not the library.
local function clean(msg)
  if type(msg) ~= "string" then return "error object " .. show(msg) end
  msg = string.gsub(msg, "^user_script:%d+: ", "")
  msg = string.gsub(msg, "^(bad argument #%-?%d+ to )'[^']*'", "%1'?'")
  return msg
end
-- T(label, f, ...): calls f(...) protected; records "label => results" or "label !! error".
local function T(label, f, ...)
  local r = {n = 0}
  local function collect(...)
    r.n = select("#", ...)
    for i = 1, r.n do r[i] = select(i, ...) end
  end
  local args = {n = select("#", ...), ...}
  local ok, err = pcall(function() collect(f(unpack(args, 1, args.n))) end)
  if not ok then
    R[#R + 1] = label .. " !! " .. clean(err)
    return
  end
  local parts = {}
  for i = 1, r.n do parts[i] = show(r[i]) end
  R[#R + 1] = label .. " => " .. join(parts, ", ")
end
-- nest(n, leaf): a chain of n one-element arrays around leaf
local function nest(n, leaf)
  local t = leaf
  for _ = 1, n do t = {t} end
  return t
end
