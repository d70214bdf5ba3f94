-- gmatch: iterate words, numbers, key/value pairs
for w in string.gmatch("one two three", "%a+") do io.write("[", w, "]") end
print()
for n in ("1, 22, 333, -4"):gmatch("%-?%d+") do io.write(n * 2, " ") end
print()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()
local count = 0
for _ in string.gmatch("", ".") do count = count + 1 end
print(count)
for line in ("line1\nline2\n\nline4"):gmatch("[^\n]*") do io.write("<", line, ">") end
print()
for line in ("line1\nline2\n\nline4\n"):gmatch("([^\n]*)\n") do io.write("<", line, ">") end
print()
for a, b in string.gmatch("abcdef", "(.)(.)") do io.write(a, b, "|") end
print()
local it = string.gmatch("x y", "%a")
print(it(), it(), it(), it())
print(type(string.gmatch("", "")), string.gfind == string.gmatch)
for w in string.gfind("gfind is gmatch", "%a+") do io.write(w, ".") end
print()
for n in string.gmatch(123456, "%d%d") do io.write(n, " ") end
print()
