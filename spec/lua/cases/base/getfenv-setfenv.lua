print(getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G)
local function f() return x end
local env = { x = "from env" }
setfenv(f, env)
print(f(), getfenv(f) == env)
print(x)
local function g() y = "set in g" return y end
local genv = setmetatable({}, { __index = _G })
setfenv(g, genv)
print(g(), rawget(genv, "y"), y)
local function level()
  setfenv(1, { print = print, marker = "level env" })
  print(marker)
end
level()
print(marker)
print(getfenv(print) == _G)
print(pcall(function() return setfenv(print, {}) end))
local function caller() return getfenv(2) end
local function wrapper() local e = caller() return e end
setfenv(wrapper, { caller = caller, tag = "wrapper env" })
print(wrapper().tag)
print(pcall(function() return getfenv(-1) end))
local function tailcaller() return caller() end
print(pcall(tailcaller))
print(pcall(function() return getfenv(100) end))
print(pcall(function() return setfenv(f, nil) end))
local h = loadstring("return who")
setfenv(h, { who = "loaded chunk env" })
print(h())
print(setfenv(f, env) == f)
local function newenv()
  local e = { tostring = tostring }
  setfenv(1, e)
  z = 5
  return e
end
local e = newenv()
print(e.z, z)
local fenvco = coroutine.create(function() return getfenv(0) == _G end)
print(coroutine.resume(fenvco))
