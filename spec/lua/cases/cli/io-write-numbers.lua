io.write(1, 2, 3, "\n")
io.write(0.1, " ", 1 / 3, " ", 100, " ", -0.0 + 0, " ", 1e15, " ", 1e16, "\n")
io.write(2 ^ 63, " ", -2 ^ 63, " ", 1e-7, "\n")
io.write(math.huge, " ", -math.huge, "\n")
