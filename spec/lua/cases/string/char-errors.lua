-- string.char argument errors
print(pcall(function() return string.char(256) end))
print(pcall(function() return string.char(-1) end))
print(pcall(function() return string.char(65, 1000) end))
print(pcall(function() return string.char(65, 66, -0.5 - 1) end))
print(pcall(function() return string.char("x") end))
print(pcall(function() return string.char(nil) end))
print(pcall(function() return string.char(65, nil) end))
print(pcall(function() return string.char({}) end))
print(pcall(function() return string.char(1, 2, true) end))
print(pcall(function() return string.char(2^31) end))
print(#string.char(1/0), string.char(1/0):byte())  -- (int) of these is 0: a NUL byte
print(#string.char(0/0), string.char(0/0):byte())  -- (int) of these is 0: a NUL byte
print(#string.char(-0.9), string.char(-0.9):byte())  -- (int) of these is 0: a NUL byte
