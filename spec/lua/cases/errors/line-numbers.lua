local function where(f) local ok, e = pcall(f) return (e:match(":(%d+):")) end
local t = nil
print(where(function()
  return t.x
end))
print(where(function()
  local a = 1 +
    {}
end))
print(where(function()
  local s = "a" ..
    "b" ..
    {}
end))
print(where(function()
  undefinedFn(
    1,
    2
  )
end))
print(where(function()
  local r = { 1, 2,
    nil + 1,
  }
end))
print(where(function()
  error("explicit")
end))
print(where(function()
  local obj = {}
  obj
    :method()
end))
print(where(function()
  local x = (
    nil
  ).field
end))
print(where(function()
  local v = 1 < {}
end))
print(where(function()
  local long = 1 + 2 + 3 + 4 +
    5 + 6 + 7 +
    8 + {}
end))
print(where(function() local a; local b = a.b.c end))
print(where(function()
  for i = 1, "x" do end
end))
print(where(function()
  local f = nil
  f(
  )
end))
