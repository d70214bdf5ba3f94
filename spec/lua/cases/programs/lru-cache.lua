local LRU = {}
LRU.__index = LRU
function LRU.new(cap)
  local head, tail = {}, {}
  head.next, tail.prev = tail, head
  return setmetatable({ cap = cap, map = {}, head = head, tail = tail, size = 0, evicted = {} }, LRU)
end
local function unlink(n) n.prev.next, n.next.prev = n.next, n.prev end
function LRU:front(n) n.next, n.prev = self.head.next, self.head self.head.next.prev = n self.head.next = n end
function LRU:get(k)
  local n = self.map[k]
  if not n then return nil end
  unlink(n) self:front(n)
  return n.v
end
function LRU:put(k, v)
  local n = self.map[k]
  if n then n.v = v unlink(n) self:front(n) return end
  if self.size == self.cap then
    local lru = self.tail.prev
    unlink(lru)
    self.map[lru.k] = nil
    self.evicted[#self.evicted + 1] = lru.k
    self.size = self.size - 1
  end
  n = { k = k, v = v }
  self.map[k] = n
  self:front(n)
  self.size = self.size + 1
end
function LRU:keys()
  local out, n = {}, self.head.next
  while n ~= self.tail do out[#out + 1] = n.k n = n.next end
  return table.concat(out, ",")
end
local c = LRU.new(3)
c:put("a", 1) c:put("b", 2) c:put("c", 3)
print(c:keys(), c:get("a"), c:keys())
c:put("d", 4)
print(c:keys(), table.concat(c.evicted, ","), c:get("b"))
c:put("c", 30) c:put("e", 5)
print(c:keys(), table.concat(c.evicted, ","), c:get("c"))
