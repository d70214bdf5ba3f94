-- string building: concatenation, table.concat, tostring of numbers
local n = tonumber(arg and arg[1]) or 150
local total = 0
for round = 1, n do
  local parts = {}
  for i = 1, 5000 do parts[#parts + 1] = "item" .. i .. "=" .. (i * round) end
  local s = table.concat(parts, ",")
  local acc = ""
  for i = 1, 300 do acc = acc .. tostring(i % 10) end
  total = total + #s + #acc
end
print(total)
