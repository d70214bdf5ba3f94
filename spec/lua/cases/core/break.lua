for i = 1, 10 do if i == 3 then break end io.write(i, " ") end print()
for _, v in ipairs({ 1, 2, 3, 4 }) do if v > 2 then break end io.write(v, " ") end print()
local k = 0
while true do k = k + 1 if k == 4 then break end end
print(k)
local r = 0
repeat r = r + 1 if r == 2 then break end until false
print(r)
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    io.write(i, j, " ")
  end
end
print()
local function f()
  for i = 1, 10 do
    if i == 5 then return "returned " .. i end
  end
end
print(f())
local fs = {}
for i = 1, 10 do
  fs[#fs + 1] = function() return i end
  if i == 3 then break end
end
print(#fs, fs[3]())
local x = 0
while x < 10 do
  x = x + 1
  do
    if x == 6 then break end
  end
end
print(x)
for i = 1, 3 do
  local ok = pcall(function() error("in loop") end)
  if not ok then io.write("caught", i, " ") end
  if i == 2 then break end
end
print()
-- break must be the last statement of a block
for i = 1, 3 do
  if i == 2 then do break end end
  io.write(i, " ")
end
print()
local t = {}
for i = 1, 3 do t[i] = i end
for k, v in pairs(t) do
  if v == 2 then break end
end
print("after pairs break")
