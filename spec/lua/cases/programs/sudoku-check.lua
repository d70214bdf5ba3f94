local grid = {
  "534678912", "672195348", "198342567", "859761423", "426853791",
  "713924856", "961537284", "287419635", "345286179",
}
local function cell(r, c) return tonumber(grid[r]:sub(c, c)) end
local function valid()
  for i = 1, 9 do
    local row, col, box = {}, {}, {}
    for j = 1, 9 do
      local a = cell(i, j)
      local b = cell(j, i)
      local br = 3 * math.floor((i - 1) / 3) + math.floor((j - 1) / 3) + 1
      local bc = 3 * ((i - 1) % 3) + (j - 1) % 3 + 1
      local x = cell(br, bc)
      if row[a] or col[b] or box[x] then return false, i, j end
      row[a], col[b], box[x] = true, true, true
    end
  end
  return true
end
print(valid())
grid[5] = "426853719"
print(valid())
