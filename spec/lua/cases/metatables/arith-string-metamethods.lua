-- the string metatable can get arithmetic metamethods; they run when coercion fails
local smt = getmetatable("")
smt.__add = function(a, b) return "add(" .. tostring(a) .. "," .. tostring(b) .. ")" end
smt.__unm = function(a) return "unm(" .. a .. ")" end
print("abc" + 1)
print(1 + "xyz")
print("10" + 1)
print(-"abc")
print(-"5")
smt.__add = nil
smt.__unm = nil
print(pcall(function() return "abc" + 1 end))
smt.__index = function(s, k) return "index:" .. k end
print(("str").anything)
smt.__index = string
print(("str"):upper())
smt.__call = function(s, ...) return "called " .. s .. " with " .. select('#', ...) end
print(("fn")(1, 2))
smt.__call = nil
smt.__len = function() return 99 end
print(#"abc")
smt.__len = nil
smt.__concat = function(a, b) return "never for strings" end
print("a" .. "b", 1 .. "c")
smt.__concat = nil
smt.__eq = function() return true end
print("a" == "b")
smt.__eq = nil
smt.__lt = function() return true end
print("b" < "a")
smt.__lt = nil
