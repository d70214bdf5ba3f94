-- building strings: table.concat of fragments, .. chains, rep, sub, upper/lower, byte/char
local n = tonumber(arg and arg[1]) or 40
local total = 0
for round = 1, n do
  local parts = {}
  for i = 1, 3000 do
    parts[#parts + 1] = "<td class=\"c" .. (i % 7) .. "\">" .. i * round .. "</td>"
  end
  local row = table.concat(parts)
  local csv = {}
  for i = 1, 1500 do csv[i] = table.concat({i, "name" .. i, i * 0.5, "x"}, ",") end
  local doc = table.concat(csv, "\n")
  local acc = {}
  for i = 1, #doc, 97 do
    local piece = doc:sub(i, i + 10)
    acc[#acc + 1] = piece:upper() .. string.char(piece:byte(1) or 32) .. ("-"):rep(i % 5)
  end
  total = total + #row + #doc + #table.concat(acc, "|")
end
print(total)
