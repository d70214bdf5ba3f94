local Tree = {}
Tree.__index = Tree
function Tree.new() return setmetatable({ root = nil, size = 0 }, Tree) end
function Tree:insert(k, v)
  local node = { key = k, value = v }
  if not self.root then self.root = node self.size = 1 return end
  local cur = self.root
  while true do
    if k == cur.key then cur.value = v return
    elseif k < cur.key then
      if cur.left then cur = cur.left else cur.left = node break end
    else
      if cur.right then cur = cur.right else cur.right = node break end
    end
  end
  self.size = self.size + 1
end
function Tree:find(k)
  local cur = self.root
  while cur do
    if k == cur.key then return cur.value end
    cur = k < cur.key and cur.left or cur.right
  end
end
function Tree:walk()
  return coroutine.wrap(function()
    local function go(n) if n then go(n.left) coroutine.yield(n.key, n.value) go(n.right) end end
    go(self.root)
  end)
end
function Tree:height(n)
  if n == nil then n = self.root end
  local function h(x) if not x then return 0 end return 1 + math.max(h(x.left), h(x.right)) end
  return h(n)
end
local t = Tree.new()
for _, w in ipairs({ "m", "c", "x", "a", "e", "q", "z", "b", "m" }) do t:insert(w, w:upper()) end
print(t.size, t:find("e"), t:find("nope"), t:height())
local keys = {}
for k, v in t:walk() do keys[#keys + 1] = k .. v end
print(table.concat(keys, " "))
