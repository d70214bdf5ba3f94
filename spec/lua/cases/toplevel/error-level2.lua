local function f() error("blame caller", 2) end
local function g()
  f()
end
g()
