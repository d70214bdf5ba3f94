-- string.find with patterns: start and end positions
local cases = {
  { "hello world", "o" }, { "hello world", "o w" }, { "hello world", "l+" }, { "hello world", "%s" },
  { "hello world", "%a+" }, { "hello world", "^%a+" }, { "hello world", "%a+$" }, { "hello world", "x*" },
  { "hello world", ".-o" }, { "hello world", ".*o" }, { "hello world", "[aeiou]" }, { "hello world", "[^%a]" },
  { "   trim   ", "%S" }, { "   trim   ", "%s*$" }, { "key=value", "=" }, { "key=value", "%p" },
  { "2024-01-15", "%d%d%d%d%-%d%d%-%d%d" }, { "v1.2.3", "%d+%.%d+" }, { "", "" }, { "", "^$" },
  { "", "a?" }, { "aaa", "a-" }, { "aaa", "a-$" }, { "abc", "b?c" }, { "ac", "ab?c" },
  { "x = 10", "%s*=%s*" }, { "CamelCaseName", "%u%l+" }, { "tab\there", "\t" }, { "\0\1\2", "%c+" },
}
for _, c in ipairs(cases) do print(string.format("%q %q", c[1], c[2]), string.find(c[1], c[2])) end
