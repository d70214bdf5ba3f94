print("line 1")
print("line 2")
local f = nil
f()
print("never")
