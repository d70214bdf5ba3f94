print("before exit")
io.write("pending output ")
os.exit(3)
print("never printed")
