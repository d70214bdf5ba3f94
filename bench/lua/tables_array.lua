-- table array part: fill, read, and rebuild arrays
local n = tonumber(arg and arg[1]) or 700
local total = 0
for round = 1, n do
  local t = {}
  for i = 1, 10000 do t[#t + 1] = i * round end
  local s = 0
  for i = 1, #t do s = s + t[i] end
  local u = {}
  for i, v in ipairs(t) do u[i] = v % 13 end
  total = total + s + #u
end
print(total)
