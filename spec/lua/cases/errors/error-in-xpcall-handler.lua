print(xpcall(function() error("a") end, function(m) error("handler fails") end))
print("next")
