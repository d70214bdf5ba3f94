local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({ first = 1, last = 0, items = {} }, Queue) end
function Queue:push(v) self.last = self.last + 1 self.items[self.last] = v end
function Queue:pop()
  if self.first > self.last then return nil end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
function Queue:size() return self.last - self.first + 1 end
local q = Queue.new()
for i = 1, 5 do q:push(i * i) end
print(q:pop(), q:pop(), q:size())
q:push("x")
local rest = {}
while q:size() > 0 do rest[#rest + 1] = tostring(q:pop()) end
print(table.concat(rest, ","), q:pop())
local stack = {}
local function push(v) stack[#stack + 1] = v end
local function pop() local v = stack[#stack] stack[#stack] = nil return v end
local function balanced(s)
  stack = {}
  local pairs_ = { [")"] = "(", ["]"] = "[", ["}"] = "{" }
  for c in s:gmatch(".") do
    if c == "(" or c == "[" or c == "{" then push(c)
    elseif pairs_[c] then if pop() ~= pairs_[c] then return false end end
  end
  return #stack == 0
end
for _, s in ipairs({ "()", "([]{})", "(]", "((", "", "{[()()]}", "a(b)c" }) do io.write(tostring(balanced(s)), " ") end
print()
