local Builder = {}
Builder.__index = Builder
function Builder.new() return setmetatable({ parts = {}, n = 0 }, Builder) end
function Builder:add(...)
  for i = 1, select('#', ...) do
    self.n = self.n + 1
    self.parts[self.n] = tostring((select(i, ...)))
  end
  return self
end
function Builder:build(sep) return table.concat(self.parts, sep or "") end
Builder.__tostring = function(b) return b:build() end
Builder.__concat = function(a, b) return tostring(a) .. tostring(b) end
Builder.__len = function(b) return b.n end
local b = Builder.new():add("a", 1, nil, true):add(2.5)
print(b:build(","), tostring(b), b.n)
print(b .. "!", "?" .. b)
local lines = Builder.new()
for i = 1, 5 do lines:add(string.rep("*", i)) end
print(lines:build("\n"))
local big = Builder.new()
for i = 1, 10000 do big:add(i % 10) end
local s = big:build()
print(#s, s:sub(1, 20), s:sub(-5))
