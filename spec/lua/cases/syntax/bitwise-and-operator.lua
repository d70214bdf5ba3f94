print(5 & 3)
