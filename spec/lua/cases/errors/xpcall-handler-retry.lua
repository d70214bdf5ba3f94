-- luaG_errormsg calls an xpcall handler again with the handler's own error, one C call deeper
-- each time: a handler that fails only for some values succeeds on the retry; one that always
-- fails ends in "error in error handling"; at LUAI_MAXCCALLS the retry gets "C stack overflow".
print(xpcall(function() error({}) end, function(m) return 'h ' .. m end))
print(xpcall(function() error('a') end, function(m) return 'h ' .. {} end))
print(xpcall(function() error('a') end, function(m)
  if type(m) == 'string' and m:find('overflow') then return 'got: ' .. m end
  error('e', 0)
end))
local n = 0
print(xpcall(function() error('a') end, function(m) n = n + 1 if n < 5 then error('again' .. n, 0) end return m end))
n = 0
print(xpcall(function() error('a') end, function(m) n = n + 1 if n < 150 then error('again' .. n, 0) end return m end))
n = 0
print(select(2, xpcall(function() error('a') end, function(m) n = n + 1 if n < 220 then error('again' .. n, 0) end return m end)), n)
print(pcall(xpcall, function() error('a') end, function(m) return 'h ' .. {} end))
