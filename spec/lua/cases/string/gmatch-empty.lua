-- gmatch with patterns that can match the empty string advances one position
local function all(s, p)
  local out = {}
  for a, b in string.gmatch(s, p) do out[#out + 1] = tostring(a) .. (b ~= nil and ("/" .. tostring(b)) or "") end
  return #out .. ": " .. table.concat(out, ",")
end
print(all("abc", ""))
print(all("abc", "x*"))
print(all("abc", "a*"))
print(all("aab", "a-"))
print(all("abc", "()"))
print(all("abc", ".-"))
print(all("a,b,,c", "([^,]*)"))
print(all("hello world", "%a*"))
print(all("", ""))
print(all("", "x*"))
print(all("abc", "()(.?)"))
print(all(" a  b ", "%s*"))
print(all("a1b2", "%d?"))
