-- Lua 5.1 folds constant expressions at compile time and keeps one constant per
-- value in a function's constant table, where -0 and 0 are the same key: which
-- of the two gets printed depends on which the function saw first.
local function onlyneg() return -0 end
print(onlyneg())
local function zerofirst() local a = 0 return a, -0 end
print(zerofirst())
local function negfirst() local a = -0 return a, 0 end
print(negfirst())
print(0 * -1)
local function f() return 0 * -1 end
print(f())
print(-0.0)
