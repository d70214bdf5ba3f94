local function reader(pieces)
  local i = 0
  return function() i = i + 1 return pieces[i] end
end
local f = load(reader({ "return ", "1 ", "+ ", "41" }))
print(f())
print(type(load(function() return nil end)))
local empty = load(function() return nil end)
print(select('#', empty()))
local g = load(reader({ "x = ", "'assembled'" }), "=pieces")
g()
print(x)
print(load(reader({ "syntax error" }), "=reader"))
print(load(reader({ "return 'one piece'", "" }))())
print(load(reader({ "return ", "'after empty'", "" }))())
print(pcall(load, function() error("reader failed") end))
local n = 0
print(load(function() n = n + 1 if n == 1 then return 1 end end))
print(pcall(load, function() return {} end))
print(pcall(function() return load() end))
print(pcall(function() return load("return 1") end))
local chars = "return 2 * 21"
local p = 0
print(load(function() p = p + 1 return p <= #chars and chars:sub(p, p) or nil end)())
print(type(load(reader({ "error('in loaded', 1)" }), "=loaded")))
print(pcall(load(reader({ "error('in loaded', 1)" }), "=loaded")))
print(pcall(load(reader({ "error('default name')" }))))
print(load(reader({ "return ", "(", "1" })))
