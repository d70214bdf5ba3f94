local x = "outer"
do
  local x = "block"
  do local x = "inner" print(x) end
  print(x)
end
print(x)
local function f()
  local x = "function"
  if true then local x = "if" print(x) end
  for x = 1, 1 do print(x) end
  for _, x in ipairs({ "gfor" }) do print(x) end
  while true do local x = "while" print(x) break end
  repeat local x = "repeat" print(x) until x == "repeat"
  return x
end
print(f())
do
  local a = 1
  local function g() return a end
  a = 2
  print(g())
end
print(a)
local y = 1
do y = 2 local y = 3 y = 4 end
print(y)
