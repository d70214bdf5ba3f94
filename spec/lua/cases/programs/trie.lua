local Trie = {}
Trie.__index = Trie
function Trie.new() return setmetatable({ root = { children = {} }, count = 0 }, Trie) end
function Trie:insert(word)
  local node = self.root
  for c in word:gmatch(".") do
    node.children[c] = node.children[c] or { children = {} }
    node = node.children[c]
  end
  if not node.terminal then node.terminal = true self.count = self.count + 1 end
end
function Trie:withPrefix(prefix)
  local node = self.root
  for c in prefix:gmatch(".") do node = node.children[c] if not node then return {} end end
  local out = {}
  local function walk(n, acc)
    if n.terminal then out[#out + 1] = acc end
    local keys = {}
    for k in pairs(n.children) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do walk(n.children[k], acc .. k) end
  end
  walk(node, prefix)
  return out
end
local t = Trie.new()
for _, w in ipairs({ "tea", "ten", "to", "inn", "in", "tea", "team", "i", "tent" }) do t:insert(w) end
print(t.count)
print(table.concat(t:withPrefix("te"), " "))
print(table.concat(t:withPrefix("i"), " "))
print(#t:withPrefix("x"), table.concat(t:withPrefix(""), ","))
