-- string.dump: C functions cannot be dumped; arguments must be functions
print(pcall(function() return string.dump(print) end))
print(pcall(function() return string.dump(string.len) end))
print(pcall(function() return string.dump() end))
print(pcall(function() return string.dump("x") end))
print(pcall(function() return string.dump(nil) end))
print(pcall(function() return string.dump({}) end))
print(type(string.dump))
