-- position captures '()' give numbers
print(string.match("hello", "()"), string.match("hello", "()$"), string.match("hello", "l()"))
print(string.find("hello", "()(l+)()"))
print(string.match("abc", "()a()b()c()"))
print(type(string.match("abc", "()")), type(string.match("abc", "(a)")))
for pos, word in string.gmatch("one two  three", "()(%a+)") do io.write(pos, ":", word, " ") end
print()
print(string.gsub("abc", "()", "%1"))
print(string.gsub("abc", "()", "[%1]"))
print(string.gsub("hello world", "()o", "%1"))
print(string.gsub("abc", "()(.)", function(p, c) return p .. c end))
print(string.gsub("abc", "().", { [1] = "one", [3] = "three" }))
-- a back-reference to a position capture never matches
print(string.match("aa", "()a%1"), string.find("1a1", "()a%1"))
