-- Lua 5.1 has no continue or goto: the usual idioms
local out = {}
for i = 1, 10 do
  repeat
    if i % 3 == 0 then break end
    out[#out + 1] = i
  until true
end
print(table.concat(out, " "))
out = {}
for i = 1, 10 do
  local skip = i % 2 == 0
  if not skip then out[#out + 1] = i end
end
print(table.concat(out, " "))
out = {}
local i = 0
while i < 10 do
  i = i + 1
  if i == 4 or i == 7 then
  else
    out[#out + 1] = i
  end
end
print(table.concat(out, " "))
local function each(t, f) for k = 1, #t do if f(t[k]) == false then return k end end end
print(each({ 1, 2, 3, 4 }, function(v) if v == 3 then return false end end))
