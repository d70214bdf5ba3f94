local function lvl(n)
  local ok, e = pcall(function()
    local function a() error("msg", n) end
    local function b() a() end
    b()
  end)
  return e
end
print(lvl(1))
print(lvl(2))
print(lvl(3))
print(lvl(4))
local function thrower() error("from thrower", 2) end
local ok, e = pcall(function()
  thrower()
end)
print(e)
local m = {}
function m.check(x) if type(x) ~= "number" then error("number expected, got " .. type(x), 2) end return x end
print(pcall(function() return m.check("s") end))
print(pcall(m.check, "direct"))
local function deep(n) if n == 0 then error("bottom of deep") end deep(n - 1) end
print(pcall(deep, 5))
local chunk = loadstring("local x = 1\nlocal y = 2\nerror('in chunk')", "=chunk")
print(pcall(chunk))
local chunk2 = loadstring("error('level 2 from chunk', 2)", "=chunk2")
print(pcall(function()
  chunk2()
end))
