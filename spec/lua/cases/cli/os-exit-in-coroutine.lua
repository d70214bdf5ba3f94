local co = coroutine.wrap(function() print("in coroutine") os.exit(5) end)
co()
print("never")
