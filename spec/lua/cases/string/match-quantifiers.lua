-- '*' (longest), '+' (one or more), '-' (shortest), '?' (optional), with backtracking
local subjects = { "", "a", "aaa", "aaab", "baaa", "abab", "aXbXc" }
local patterns = { "a*", "a+", "a-", "a?", "a*b", "a+b", "a-b", "a?b", "^a*$", "^a-$", ".*b", ".-b", ".+", ".-",
  "a*a", "a+a", "a-a", "a?a", "(a*)(a*)", "(a-)(a*)", "(a+)(a+)", "(a?)(a?)(a?)", "X.-X", "X.*X", "[ab]*", "b*$" }
for _, p in ipairs(patterns) do
  local row = {}
  for _, s in ipairs(subjects) do
    local r = { string.find(s, p) }
    row[#row + 1] = #r == 0 and "nil" or table.concat(r, ":")
  end
  print(string.format("%-14s", p), table.concat(row, " "))
end
-- quantifiers after classes, sets and escapes
print(string.match("  123abc", "%s*(%d+)"), string.match("key:   value", ":%s-(%a+)"), string.match("xx--yy", "%-+"))
print(string.match("((()))", "%(*"), string.match("aaa", "a-$"), string.match("<a><b>", "<(.-)>"), string.match("<a><b>", "<(.*)>"))
-- a quantifier only follows a single-char class; elsewhere it is a literal
print(string.match("a*", "a**"), string.match("*a", "*a"), string.match("+", "+"), string.match("?x", "?x"), string.match("-", "-"))
print(string.match("ab", "(a)*"), string.match("a*b", "%)*"), string.match("x()", "x()"))
-- backtracking over a long run
print(string.find(string.rep("a", 200) .. "b", "a*ab"), string.find(string.rep("a", 200), "a-b"))
print(string.match(string.rep("ab", 50), "^(.-)b$"):len(), string.match(string.rep("x", 100) .. "y", "(x*)(x)y"):len())
