local rows = {}
for y = -1.2, 1.2, 0.2 do
  local row = {}
  for x = -2.0, 0.6, 0.08 do
    local zr, zi, i = 0, 0, 0
    while i < 50 and zr * zr + zi * zi < 4 do
      zr, zi = zr * zr - zi * zi + x, 2 * zr * zi + y
      i = i + 1
    end
    row[#row + 1] = i == 50 and "#" or (i > 10 and "+" or (i > 4 and "." or " "))
  end
  rows[#rows + 1] = table.concat(row)
end
print(table.concat(rows, "\n"))
