local vals = { 7, -7, 7.5, -7.5, 0.5, 3, -3 }
for _, a in ipairs({ 7, -7, 5.5, -5.5, 0 }) do
  local row = {}
  for _, b in ipairs({ 3, -3, 2.5, -2.5, 1, -1, 0.5 }) do row[#row + 1] = (a % b) .. "/" .. (a / b) end
  print(a, table.concat(row, " "))
end
print(1 / 0, -1 / 0, 0 / 1, -0 / 1 == 0)
print(5 % math.huge ~= 5 % math.huge, -5 % math.huge ~= -5 % math.huge)
print(math.huge % 2 ~= math.huge % 2)
print(2 ^ 10, 2 ^ -1, (-8) ^ (1 / 3) ~= (-8) ^ (1 / 3), 0 ^ 0, 0 ^ -1)
