-- string.len and # on byte strings: embedded zeros, high bytes, numbers coerced
local samples = { "", "a", "hello", "a\0b", "\0\0\0", "\255\254", string.rep("x", 1000), "caf\195\169" }
for i, s in ipairs(samples) do
  print(i, string.len(s), #s, s:len())
end
print(string.len(12345), string.len(1.5), string.len(-0.25), string.len(1e100), string.len(2^53))
print(string.len(1/3), string.len(100), string.len(-100))
print(pcall(function() return string.len() end))
print(pcall(function() return string.len(nil) end))
print(pcall(function() return string.len(true) end))
print(pcall(function() return string.len({}) end))
print(select('#', string.len("abc")))
