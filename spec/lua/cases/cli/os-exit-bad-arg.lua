print(pcall(function() os.exit("x") end))
print(pcall(function() os.exit({}) end))
os.exit(2.9)
