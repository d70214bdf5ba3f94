-- gsub with a '^' pattern replaces at most once, at the start
print(string.gsub("aaa", "^a", "b"), string.gsub("aaa", "^a*", "b"), string.gsub("baa", "^a", "x"))
print(string.gsub("hello", "^", ">"), string.gsub("", "^", ">"), string.gsub("hello", "^$", "x"), string.gsub("", "^$", "x"))
print(string.gsub("  x  ", "^%s+", ""), string.gsub("abc", "^(a)(b)", "%2%1"), string.gsub("abc", "^.-", "-"))
print(string.gsub("abc", "^x*", "-"), string.gsub("abc", "^abc$", "ok"), string.gsub("abcd", "^abc$", "ok"))
print(string.gsub("^a^a", "%^a", "b"), string.gsub("a^a", "a^", "b"))
print(string.gsub("aaa", "^a", function(m) return m:upper() end), string.gsub("aaa", "^a", { a = "T" }))
