-- print and io.write share one stdout stream: output stays in program order
io.write("a")
print("b")
io.write("c", "\n")
print("d", "e")
io.write("f")
io.stdout:write("g")
print()
for i = 1, 3 do io.write(i) print(i) end
