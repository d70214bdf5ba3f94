local row = { 1 }
for n = 1, 10 do
  print(table.concat(row, " "))
  local nxt = { 1 }
  for i = 2, #row do nxt[i] = row[i - 1] + row[i] end
  nxt[#row + 1] = 1
  row = nxt
end
local function spiral(n)
  local m = {}
  for i = 1, n do m[i] = {} end
  local r, c, dr, dc = 1, 1, 0, 1
  for k = 1, n * n do
    m[r][c] = k
    local nr, nc = r + dr, c + dc
    if nr < 1 or nr > n or nc < 1 or nc > n or m[nr][nc] then
      dr, dc = dc, -dr
      nr, nc = r + dr, c + dc
    end
    r, c = nr, nc
  end
  return m
end
for _, line in ipairs(spiral(5)) do
  local cells = {}
  for i, v in ipairs(line) do cells[i] = string.format("%2d", v) end
  print(table.concat(cells, " "))
end
