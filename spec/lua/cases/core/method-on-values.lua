print(("abc"):len(), ("%d-%d"):format(1, 2), ("x"):rep(2, nil))
print(pcall(function() return (5):foo() end))
print(pcall(function() local b = true return b:foo() end))
print(pcall(function() return ({}):foo() end))
print(pcall(function() local n = nil return n:foo() end))
local t = { v = 1, get = function(self) return self.v end }
print(t:get(), t.get(t), t.get({ v = 2 }))
print(pcall(function() return t.get() end))
local s = "chain"
print(s:upper():lower():rep(2):len())
print(#s:rep(3), -s:len())
print(("A"):byte() + ("B"):byte())
