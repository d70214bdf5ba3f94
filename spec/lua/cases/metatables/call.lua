local callable = setmetatable({ name = "obj" }, {
  __call = function(self, a, b, ...) return self.name, a, b, select('#', ...) end,
})
print(callable(1, 2, 3, 4))
print(callable())
print(pcall(callable, "p"))
local t = { c = callable }
print(t.c("x"))
print(select(3, t:c("y")), type((select(2, t:c("y")))))
local multi = setmetatable({}, { __call = function(self, ...) return ... end })
print(multi(1, nil, 3))
print(select('#', multi(nil, nil)))
local nested = setmetatable({}, { __call = callable })
print(pcall(nested, 1))
local counter = setmetatable({ n = 0 }, { __call = function(self) self.n = self.n + 1 return self.n end })
counter() counter()
print(counter(), counter.n)
local function apply(f, ...) return f(...) end
print(apply(callable, "via apply"))
for v in setmetatable({ i = 0 }, { __call = function(self) self.i = self.i + 1 if self.i <= 3 then return self.i end end }) do
  io.write(v, " ")
end
print()
print(pcall(setmetatable({}, { __call = 5 })))
local obj = setmetatable({}, { __call = function(_, x) return x * 2 end })
print(table.concat({ obj(1), obj(2), obj(3) }, ","))
print(string.gsub("abc", "%w", setmetatable({}, { __index = function(_, k) return k:upper() end })))
print(pcall(string.gsub, "abc", "%w", setmetatable({}, { __call = function(_, k) return k:upper() end })))
