local log = {}
local function v(x) log[#log + 1] = tostring(x) return x end
print(v(1) and v(2), table.concat(log, ",")) log = {}
print(v(nil) and v(2), table.concat(log, ",")) log = {}
print(v(false) or v("x"), table.concat(log, ",")) log = {}
print(v(0) or v("unused"), table.concat(log, ",")) log = {}
print(v("") and v("empty string is true"), table.concat(log, ",")) log = {}
print(nil or false, false or nil, nil and false, false and nil)
print(1 and 2 or 3, nil and 2 or 3, 1 and false or 3, 1 and nil or false)
local x = nil
local y = x and x.field or "default"
print(y)
print(not nil, not false, not 0, not "", not {})
print(not not nil, not not 1)
local function multi() return 1, 2 end
print(multi() and multi())
print((multi() or 0))
print(nil or multi())
print(false and multi() or multi())
local t = {}
local r = t.a or t.b or "fallback"
print(r)
local cond = 5
local s = cond > 3 and "big" or "small"
print(s)
local z = (cond > 10) and "huge" or (cond > 3) and "medium" or "tiny"
print(z)
if nil or false then print("no") elseif 0 and "" then print("zero and empty are true") end
while nil and error("not evaluated") do end
repeat until true or error("not evaluated")
print(1 == 1 and "eq" or "ne", 1 ~= 1 and "ne" or "eq")
local n = 0
local function bump() n = n + 1 return true end
local _ = bump() or bump()
local _ = bump() and bump()
print(n)
