-- lcode.c does not fold a division or modulo by a zero constant: the zero stays in the
-- function's constant table, where it shares its sign with the function's other zeros
-- (found by spec/scripting/fuzz-scripts: math.min(7/2, -1/0) after a -0 gave 3 in Redis)
print(math.max(-0, 1), math.min(7/2, -1/0))
local function f() local a = -0 return 1/0, -1/0, 0/0 ~= 0/0, 5 % 0 end
print(f())
local function g() local a = 0 return 1/-0, -0/1, 1/(-0) end
print(g())
local function h() return 1/0, -0 end
print(h())
local function k() return 1/-0, 0 end
print(k())
print(1/0, -1/0, 1/-0)
local function m() local x = 0 * -1 return 1/x, 1/0 end
print(m())
local function n() local x = -0 return 2 % 0, 0 % -0, 0/0 end
print(n())
local function p() local s = 0 return -1/0 < 0, 1/-0 < 0 end
print(p())
