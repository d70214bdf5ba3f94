local function try(f, catch)
  local ok, e = pcall(f)
  if not ok then return catch(e) end
  return e
end
print(try(function() error("first") end, function(e) return "caught " .. e end))
print(pcall(function()
  try(function() error("inner", 0) end, function(e) error("rethrown " .. e, 0) end)
end))
local ok, e = pcall(function()
  local ok2, e2 = pcall(error, { level = 1 })
  e2.level = 2
  error(e2)
end)
print(ok, e.level)
local function finally(f, cleanup)
  local r = { pcall(f) }
  cleanup()
  if not r[1] then error(r[2], 0) end
  return unpack(r, 2)
end
local cleaned = false
print(pcall(finally, function() error("fail", 0) end, function() cleaned = true end))
print(cleaned)
print(finally(function() return 1, 2 end, function() end))
local errs = {}
for i = 1, 3 do
  local ok, e = pcall(function() if i % 2 == 1 then error("odd " .. i, 0) end return i end)
  errs[#errs + 1] = tostring(ok) .. ":" .. tostring(e)
end
print(table.concat(errs, " "))
print(pcall(error, setmetatable({}, { __tostring = function() return "custom" end })))
local ok3, e3 = pcall(error, setmetatable({}, { __tostring = function() return "custom" end }))
print(ok3, tostring(e3))
