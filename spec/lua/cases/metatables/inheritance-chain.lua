local A = { fa = "A.fa", shared = "A.shared" }
local B = setmetatable({ fb = "B.fb", shared = "B.shared" }, { __index = A })
local C = setmetatable({ fc = "C.fc" }, { __index = B })
local obj = setmetatable({}, { __index = C })
print(obj.fa, obj.fb, obj.fc, obj.shared, obj.none)
A.late = "added later"
print(obj.late)
B.shared = nil
print(obj.shared)
local fnA = setmetatable({}, { __index = function(t, k) return "fnA:" .. k end })
local tabB = setmetatable({}, { __index = fnA })
local objB = setmetatable({}, { __index = tabB })
print(objB.anything, objB[1])
local depth = {}
local cur = { leaf = "found at depth 50" }
for i = 1, 50 do cur = setmetatable({}, { __index = cur }) end
print(cur.leaf)
local mixed = setmetatable({}, { __index = setmetatable({ a = 1 }, { __newindex = function() error("x") end }) })
mixed.a = 5
print(mixed.a, rawget(mixed, "a"))
