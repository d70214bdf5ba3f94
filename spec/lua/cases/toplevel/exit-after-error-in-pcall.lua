print(pcall(error, "caught"))
print("continues")
error("then uncaught")
