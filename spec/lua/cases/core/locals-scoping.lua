local x = 1
do
  local x = 2
  print("inner", x)
  do
    local x = x + 1
    print("innermost", x)
  end
  print("inner again", x)
end
print("outer", x)
local a, b, c = 1, 2
print(a, b, c)
local d, e = 1, 2, 3
print(d, e)
local f = f
print(f)
g = "global"
local g = g .. " shadowed"
print(g, _G.g)
local h
print(h)
local i = 1
local i = i + 1
print(i)
for i = 1, 2 do
  local i = i * 10
  print("loop body shadow", i)
end
print("after loop", i)
local function rec(n) if n == 0 then return "done" end return rec(n - 1) end
print(rec(5))
local notrec = function(n) return type(notrec) end
print(notrec(1))
local y = 5
local function gety() return y end
y = 6
print(gety())
if true then local z = 1 end
print(z)
while true do local w = 2 break end
print(w)
