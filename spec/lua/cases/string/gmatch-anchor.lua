-- in 5.1, gmatch does not treat '^' as an anchor: it is a literal
local function all(s, p)
  local out = {}
  for m in string.gmatch(s, p) do out[#out + 1] = m end
  return #out .. ": " .. table.concat(out, ",")
end
print(all("^a^b", "^%a"))
print(all("abc", "^a"))
print(all("abc", "^"))
print(all("^^", "^"))
print(all("abc", "c$"))
print(all("abc$", "c$"))
print(all("a$b$", ".$"))
