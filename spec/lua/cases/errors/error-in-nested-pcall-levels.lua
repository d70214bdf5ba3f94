local function check(n) if n > 2 then error("too big: " .. n, 2) end return n end
local function use(n) return check(n) + 0 end
print(pcall(use, 1))
print(pcall(use, 5))
local function validate(t)
  if type(t) ~= "table" then error("table expected", 3) end
end
local function api(t) validate(t) return "ok" end
print(pcall(function()
  return api(5)
end))
print(pcall(function()
  local r = api(5)
  return r
end))
local function lvl(n) error("level " .. n, n) end
for n = 0, 3 do
  print(pcall(function() lvl(n) end))
end
