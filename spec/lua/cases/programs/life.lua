local W, H = 10, 8
local function grid(cells)
  local g = {}
  for y = 1, H do g[y] = {} for x = 1, W do g[y][x] = false end end
  for _, c in ipairs(cells) do g[c[2]][c[1]] = true end
  return g
end
local function step(g)
  local n = grid({})
  for y = 1, H do
    for x = 1, W do
      local c = 0
      for dy = -1, 1 do for dx = -1, 1 do
        if not (dx == 0 and dy == 0) then
          local yy, xx = (y + dy - 1) % H + 1, (x + dx - 1) % W + 1
          if g[yy][xx] then c = c + 1 end
        end
      end end
      n[y][x] = c == 3 or (c == 2 and g[y][x])
    end
  end
  return n
end
local function show(g)
  for y = 1, H do
    local row = {}
    for x = 1, W do row[x] = g[y][x] and "#" or "." end
    print(table.concat(row))
  end
end
local g = grid({ { 2, 1 }, { 3, 2 }, { 1, 3 }, { 2, 3 }, { 3, 3 } })
for i = 1, 4 do g = step(g) end
show(g)
local alive = 0
for i = 1, 20 do g = step(g) end
for y = 1, H do for x = 1, W do if g[y][x] then alive = alive + 1 end end end
print(alive)
