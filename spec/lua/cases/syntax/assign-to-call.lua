print("x") = 1
