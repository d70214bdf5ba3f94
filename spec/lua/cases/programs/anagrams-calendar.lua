local words = { "listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog" }
local groups = {}
for _, w in ipairs(words) do
  local chars = {}
  for c in w:gmatch(".") do chars[#chars + 1] = c end
  table.sort(chars)
  local key = table.concat(chars)
  groups[key] = groups[key] or {}
  table.insert(groups[key], w)
end
local keys = {}
for k in pairs(groups) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(k, table.concat(groups[k], ",")) end
local function dayOfWeek(y, m, d)
  if m < 3 then m = m + 12 y = y - 1 end
  local k, j = y % 100, math.floor(y / 100)
  local h = (d + math.floor(13 * (m + 1) / 5) + k + math.floor(k / 4) + math.floor(j / 4) + 5 * j) % 7
  return ({ "Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri" })[h + 1]
end
print(dayOfWeek(2000, 1, 1), dayOfWeek(1969, 7, 20), dayOfWeek(2024, 2, 29), dayOfWeek(1900, 3, 1))
local function isLeap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end
local leaps = {}
for y = 1896, 1912 do if isLeap(y) then leaps[#leaps + 1] = y end end
print(table.concat(leaps, " "), isLeap(2000), isLeap(2100))
