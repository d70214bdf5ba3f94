local function count(...) return select('#', ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass())
print((pass(1, 2, 3)))
local function tbl(...) local t = { ... } return #t, t[1], t[3] end
print(tbl(10, 20, 30))
local function mid(...) local a, b = ... return a, b end
print(mid(1), mid(1, 2, 3))
print(select(2, "a", "b", "c"))
print(select(3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(select('#', pass(1, nil, nil)))
local function withfixed(a, b, ...) return a, b, select('#', ...), ... end
print(withfixed(1))
print(withfixed(1, 2, 3, 4))
local function last(...) local n = select('#', ...) return (select(n, ...)) end
print(last(1, 2, 3), last("x"))
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(), sum(1), sum(1, 2, 3, 4, 5))
local function varargsInTable(...) return { n = select('#', ...), ... } end
local t = varargsInTable(nil, 2, nil)
print(t.n, t[1], t[2], t[3])
local function forward(...) return count(...) end
print(forward(nil, nil, nil))
local function vmiddle(...) return ..., "end" end
print(vmiddle(1, 2, 3))
local function vparen(...) return (...) end
print(vparen(7, 8, 9))
print(pcall(function() return select(0, 1) end))
print(pcall(function() return select(-5, 1) end))
print(select(1.5, "a", "b"))
print(select("2", "a", "b"))
local function hasArg(...) local a = ... return a end
print(hasArg(), hasArg(false))
print(math.max(pass(3, 9, 2)))
print(string.format("%s-%s", pass("x", "y", "z")))
