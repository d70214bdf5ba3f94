-- os.exit is not an error: pcall cannot catch it
print(pcall(function() os.exit(7) end))
print("never")
