local i = 0
while i < 5 do i = i + 1 end
print(i)
local n = 0
while false do n = n + 1 end
print(n)
local r = 0
repeat r = r + 1 until r >= 3
print(r)
local once = 0
repeat once = once + 1 until true
print(once)
-- the until expression sees locals declared in the body
local j = 0
repeat
  local done = j >= 2
  j = j + 1
until done
print(j)
local fs = {}
local m = 0
repeat
  m = m + 1
  local captured = m * 10
  fs[m] = function() return captured end
until captured >= 30
print(fs[1](), fs[2](), fs[3]())
local w = 1
while w < 1000 do w = w * 2 end
print(w)
local s = ""
local k = 0
while true do
  k = k + 1
  if k % 2 == 0 then s = s .. "e" else s = s .. "o" end
  if k >= 5 then break end
end
print(s)
local count = 0
repeat
  local x = count
  count = count + 1
  if x == 1 then
    local y = "nested"
  end
until x >= 4
print(count)
local cond = 3
while cond > 0 do
  local cond = cond - 1
  cond = cond - 100
  break
end
print(cond)
local val = 10
while val do val = val > 0 and val - 3 or nil end
print(val)
local rr = 0
repeat local rr = 5 until rr == 5
print(rr)
