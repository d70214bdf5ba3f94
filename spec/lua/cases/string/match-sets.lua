-- sets: ranges, classes inside sets, negation, ']' and '-' placement, escapes
local subject = "abcXYZ019 _-]^[%.\0\255"
local sets = {
  "[abc]", "[a-c]", "[^a-c]", "[%a]", "[%d_]", "[%s%p]", "[^%w]", "[]]", "[]a]", "[^]]", "[^]a]",
  "[a-]", "[-a]", "[a%-z]", "[%-]", "[%]]", "[%[]", "[[]", "[%^]", "[a^]", "[^^]", "[%%]", "[.]",
  "[%.]", "[0-9A-F]", "[z-a]", "[a-a]", "[%a-z]", "[a-%z]", "[\0]", "[%z]", "[^%z]", "[\128-\255]",
  "[%w_%-]", "[^%s]", "[%D]", "[^%D]", "[_%u]", "[%x]", "[A-Za-z0-9]",
}
for _, set in ipairs(sets) do
  local found = {}
  local ok, err = pcall(function() for c in subject:gmatch(set) do found[#found + 1] = c:byte() end end)
  print(string.format("%-12q", set), ok and #found or err, table.concat(found, ","))
end
print(("hello world"):gsub("[aeiou]", "*"))
print(("hello world"):gsub("[^aeiou ]", "."))
print(("a-b-c"):gsub("[-]", "+"), ("a]b"):gsub("[]]", "!"), ("a^b"):gsub("[%^]", "!"))
