print(1e100, -1e-100, 2 ^ 63, -2 ^ 63)
print("embedded\0nul", #"embedded\0nul")
print(string.rep("x", 3, nil))
print(("%5s|%-5s|"):format("ab", "cd"))
