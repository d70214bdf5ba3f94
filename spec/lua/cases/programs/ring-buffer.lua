local Ring = {}
Ring.__index = Ring
function Ring.new(n) return setmetatable({ n = n, head = 1, size = 0, data = {} }, Ring) end
function Ring:push(v)
  local idx = (self.head + self.size - 1) % self.n + 1
  if self.size == self.n then self.data[self.head] = v self.head = self.head % self.n + 1
  else self.data[idx] = v self.size = self.size + 1 end
end
function Ring:items()
  local out = {}
  for i = 0, self.size - 1 do out[#out + 1] = self.data[(self.head + i - 1) % self.n + 1] end
  return out
end
local r = Ring.new(4)
for i = 1, 3 do r:push(i) end
print(table.concat(r:items(), ","))
for i = 4, 10 do r:push(i) end
print(table.concat(r:items(), ","), r.size, r.head)
local avg = Ring.new(3)
local outs = {}
for _, v in ipairs({ 10, 20, 30, 40, 50 }) do
  avg:push(v)
  local s = 0
  for _, x in ipairs(avg:items()) do s = s + x end
  outs[#outs + 1] = s / avg.size
end
print(table.concat(outs, " "))
