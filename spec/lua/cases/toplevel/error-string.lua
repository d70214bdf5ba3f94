print("before")
error("top level failure")
print("after")
