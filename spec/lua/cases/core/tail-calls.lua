-- Lua 5.1 has proper tail calls: `return f(x)` reuses the frame, so tail
-- recursion of any depth does not overflow
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(100000, 0))
local isEven, isOdd
function isEven(n) if n == 0 then return true end return isOdd(n - 1) end
function isOdd(n) if n == 0 then return false end return isEven(n - 1) end
print(isEven(100001), isOdd(77777))
local function count(n) if n > 0 then return count(n - 1) end return "bottom" end
print(count(300000))
local obj = { n = 0 }
function obj:tick(k) if k == 0 then return self.n end self.n = self.n + 1 return self:tick(k - 1) end
print(obj:tick(200000))
local function va(n, ...) if n == 0 then return select('#', ...) end return va(n - 1, ...) end
print(va(100000, 1, 2, 3))
-- not a tail call: the result is adjusted or used
local function notTail(n) if n == 0 then return 0 end return (notTail(n - 1)) end
print(pcall(notTail, 100))
