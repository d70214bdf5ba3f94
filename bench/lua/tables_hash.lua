-- table hash part: string keys, updates, pairs traversal
local n = tonumber(arg and arg[1]) or 1600
local keys = {}
for i = 1, 5000 do keys[i] = "key" .. i end
local total = 0
for round = 1, n do
  local h = {}
  for i = 1, #keys do h[keys[i]] = i end
  for i = 1, #keys, 2 do h[keys[i]] = h[keys[i]] + round end
  local s = 0
  for k, v in pairs(h) do s = s + v end
  total = total + s
end
print(total)
