local function handler(e) return "handled: " .. tostring(e) end
print(xpcall(function() error("boom") end, handler))
print(xpcall(function() return 1, 2, 3 end, handler))
print(xpcall(function() error({}) end, function(e) return type(e) end))
print(xpcall(function() error("x", 0) end, function(e) return e, "second ignored" end))
print(xpcall(function() local t = nil; return t.x end, function(e) return "H(" .. e .. ")" end))
print(xpcall(function() error() end, function(e) return tostring(e) end))
local calls = 0
print(xpcall(function() error("once") end, function(e) calls = calls + 1 return calls end))
print(calls)
print(xpcall(function() return "no error" end, function() return "not called" end))
-- 5.1's xpcall takes no extra arguments for the function
print(xpcall(function(...) return select('#', ...) end, handler, 1, 2, 3))
local ok, e = xpcall(function() error("traced") end, function(m) return m .. " [traced]" end)
print(ok, e)
print(xpcall(function() error(nil) end, function(m) return m == nil end))
print(xpcall(function() local a = 1 + {} end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
print(pcall(function() return xpcall() end))
print(pcall(function() return xpcall(print) end))
local function h2(m) return "h2:" .. m end
print(xpcall(function() return xpcall(function() error("inner", 0) end, h2) end, handler))
print(xpcall(function() error("outer", 0) end, function(m) return select(2, xpcall(function() error("in handler", 0) end, h2)) end))
print(xpcall(function() error("tb") end, function(m) local tb = debug.traceback(m) return type(tb), tb:match("^[^\n]*") end))
