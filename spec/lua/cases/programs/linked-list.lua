local List = {}
List.__index = List
function List.new() return setmetatable({ head = nil, tail = nil, len = 0 }, List) end
function List:push(v)
  local n = { v = v }
  if self.tail then self.tail.next = n n.prev = self.tail else self.head = n end
  self.tail = n
  self.len = self.len + 1
  return self
end
function List:unshift(v)
  local n = { v = v, next = self.head }
  if self.head then self.head.prev = n else self.tail = n end
  self.head = n
  self.len = self.len + 1
  return self
end
function List:remove(pred)
  local n = self.head
  while n do
    local nx = n.next
    if pred(n.v) then
      if n.prev then n.prev.next = n.next else self.head = n.next end
      if n.next then n.next.prev = n.prev else self.tail = n.prev end
      self.len = self.len - 1
    end
    n = nx
  end
end
function List:items()
  local n = self.head
  return function() if n then local v = n.v n = n.next return v end end
end
function List:reversed()
  local out = {}
  local n = self.tail
  while n do out[#out + 1] = tostring(n.v) n = n.prev end
  return table.concat(out, " ")
end
List.__tostring = function(l)
  local out = {}
  for v in l:items() do out[#out + 1] = tostring(v) end
  return "[" .. table.concat(out, " ") .. "]"
end
local l = List.new()
for i = 1, 10 do l:push(i) end
l:unshift(0)
print(tostring(l), l.len)
l:remove(function(v) return v % 3 == 0 end)
print(tostring(l), l.len, l:reversed())
