else
print(1)
