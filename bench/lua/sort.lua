-- sorting with a comparator function
local n = tonumber(arg and arg[1]) or 28
local seed = 42
local function rand()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed
end
local checksum = 0
for round = 1, n do
  local t = {}
  for i = 1, 20000 do t[i] = {id = i, score = rand() % 1000} end
  table.sort(t, function(a, b)
    if a.score ~= b.score then return a.score > b.score end
    return a.id < b.id
  end)
  checksum = checksum + t[1].id + t[#t].id + t[10000].score
end
print(checksum)
