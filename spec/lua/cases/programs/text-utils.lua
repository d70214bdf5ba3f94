local function split(s, sep)
  local out = {}
  local pattern = "([^" .. sep .. "]*)"
  for piece in (s .. sep):gmatch(pattern .. sep) do out[#out + 1] = piece end
  return out
end
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
local function join(t, sep) return table.concat(t, sep) end
local function titleCase(s) return (s:gsub("(%a)([%w]*)", function(a, b) return a:upper() .. b:lower() end)) end
local function wrap(s, width)
  local lines, line = {}, ""
  for word in s:gmatch("%S+") do
    if #line + #word + 1 > width and #line > 0 then lines[#lines + 1] = line line = word
    else line = #line > 0 and (line .. " " .. word) or word end
  end
  if #line > 0 then lines[#lines + 1] = line end
  return lines
end
local parts = split("a,b,,c,", ",")
print(#parts, join(parts, "|"))
print("[" .. trim("   padded text \t\n") .. "]")
print(titleCase("the qUICK brown fOX"))
for _, l in ipairs(wrap("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt", 20)) do
  print("|" .. l .. "|")
end
local function commas(n)
  local s = tostring(math.floor(n))
  local out = s:reverse():gsub("(%d%d%d)", "%1,"):reverse()
  return (out:gsub("^,", ""))
end
print(commas(1234567), commas(100), commas(1000), commas(987654321012))
local function template(s, vars) return (s:gsub("%${(%w+)}", function(k) return tostring(vars[k] or "?") end)) end
print(template("Hello ${name}, you are ${age} (${missing})", { name = "Ann", age = 33 }))
