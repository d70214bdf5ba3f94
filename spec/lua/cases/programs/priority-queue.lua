local Heap = {}
Heap.__index = Heap
function Heap.new(cmp) return setmetatable({ n = 0, cmp = cmp or function(a, b) return a < b end }, Heap) end
function Heap:push(v)
  self.n = self.n + 1
  local i = self.n
  self[i] = v
  while i > 1 do
    local p = math.floor(i / 2)
    if self.cmp(self[i], self[p]) then self[i], self[p] = self[p], self[i] i = p else break end
  end
end
function Heap:pop()
  if self.n == 0 then return nil end
  local top = self[1]
  self[1] = self[self.n]
  self[self.n] = nil
  self.n = self.n - 1
  local i = 1
  while true do
    local l, r, m = 2 * i, 2 * i + 1, i
    if l <= self.n and self.cmp(self[l], self[m]) then m = l end
    if r <= self.n and self.cmp(self[r], self[m]) then m = r end
    if m == i then break end
    self[i], self[m] = self[m], self[i]
    i = m
  end
  return top
end
local h = Heap.new()
for _, v in ipairs({ 5, 3, 8, 1, 9, 2, 7, 4, 6, 0 }) do h:push(v) end
local out = {}
while h.n > 0 do out[#out + 1] = h:pop() end
print(table.concat(out, " "))
local tasks = Heap.new(function(a, b) return a.pri > b.pri or (a.pri == b.pri and a.name < b.name) end)
for _, t in ipairs({ { name = "write", pri = 2 }, { name = "test", pri = 3 }, { name = "deploy", pri = 1 }, { name = "review", pri = 3 } }) do tasks:push(t) end
local names = {}
for i = 1, 4 do names[i] = tasks:pop().name end
print(table.concat(names, " "), tasks:pop())
