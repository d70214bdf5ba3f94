-- table.sort on strings: byte order (the C locale), prefixes, embedded zeros, high bytes
local function show(t)
  local p = {}
  for i = 1, #t do p[i] = string.format("%q", t[i]) end
  print(table.concat(p, " "))
end
local t = { "banana", "apple", "Cherry", "cherry", "apple pie", "", "a", "A", "_", "1", "10", "9" }
table.sort(t)
show(t)
local z = { "a\0b", "a", "a\0a", "a\0", "\0", "" }
table.sort(z)
for i = 1, #z do io.write(#z[i], ":", (z[i]:gsub("%z", "0")), " ") end
print()
local hi = { "\255", "\128", "z", "\127", "é", "e" }
table.sort(hi)
for i = 1, #hi do io.write(hi[i]:byte(1, -1), " ") end
print()
local words = {}
for w in ("the quick brown fox jumps over the lazy dog again and again"):gmatch("%a+") do words[#words + 1] = w end
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return #a < #b end)
print(table.concat(words, " "))
table.sort(words, function(a, b) if #a ~= #b then return #a > #b end return a < b end)
print(table.concat(words, " "))
