local Account = {}
Account.__index = Account
function Account.new(balance)
  return setmetatable({ balance = balance }, Account)
end
function Account:deposit(v) self.balance = self.balance + v return self end
function Account:get() return self.balance end
function Account.static(x) return "static " .. tostring(x) end
local acc = Account.new(100)
acc:deposit(50):deposit(25)
print(acc:get(), acc.get(acc), Account.get(acc))
print(Account.static(1), acc.static(2))
local obj = { name = "obj" }
function obj.greet(self, greeting) return greeting .. ", " .. self.name end
print(obj:greet("hi"))
local t = { f = function(...) return select('#', ...) end }
print(t:f(), t.f(), t:f(1, 2))
local str = "method"
print(str:upper(), str:len(), ("x"):rep(3), str:sub(2, 4))
local nested = { inner = { v = 7 } }
function nested.inner:get() return self.v end
print(nested.inner:get())
function nested.inner.plain(x) return x end
print(nested.inner.plain(9))
local calls = 0
local proxy = setmetatable({}, { __index = function(t, k)
  calls = calls + 1
  return function(self, x) return k .. ":" .. tostring(x) end
end })
print(proxy:anything(1), calls)
local chain = {}
function chain:a() self.s = (self.s or "") .. "a" return self end
function chain:b() self.s = (self.s or "") .. "b" return self end
print(chain:a():b():a().s)
local idx = 0
local function getobj() idx = idx + 1 return acc end
getobj():deposit(1)
print(idx, acc:get())
local Base = {} Base.__index = Base
function Base:name() return "base" end
function Base:hello() return "hello from " .. self:name() end
local Derived = setmetatable({}, { __index = Base }) Derived.__index = Derived
function Derived:name() return "derived" end
local d = setmetatable({}, Derived)
print(d:hello(), setmetatable({}, Base):hello())
