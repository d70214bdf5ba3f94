-- string.find with plain=true and patterns without special characters
local s = "a.b*c+d?e[f]g(h)i%j^k$l-m"
for _, p in ipairs({ ".", "*", "+", "?", "[", "]", "(", ")", "%", "^", "$", "-", "a.b", "g(h)", "%j", "" }) do
  print(p, s:find(p, 1, true))
end
print(string.find("hello", "l", 1, true), string.find("hello", "xyz", 1, true))
print(string.find("hello", "", 1, true), string.find("hello", "", 10, true), string.find("hello", "", 6, true))
print(string.find("hello", "lo", -2, true), string.find("hello", "lo", -1, true))
for _, plain in ipairs({ 1, 0, "", "no", false }) do print(plain, string.find("a+b", "+", 1, plain)) end
print(string.find("a+b", "+", 1, nil))
-- no specials: a plain search even without the flag; ')' and ']' are not special
print(string.find("f(x)", ")"), string.find("a]b", "]"), string.find("x=y", "=y"))
print(string.find("a\0b", "\0"), string.find("a\0b", "\0b"), string.find("a\0b", "b\0"))
-- the special-character scan stops at a NUL byte, so this is a plain search
print(string.find("xa\0.b", "a\0."), string.find("xa\0b", "a\0."))
print(string.find(12345, 34), string.find(12345, 34, 1, true), string.find(1e100, "e"))
