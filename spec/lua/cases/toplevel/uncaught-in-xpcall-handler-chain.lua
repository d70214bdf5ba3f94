xpcall(function() error("first") end, function(m) return m end)
error(select(2, pcall(error, "second")), 0)
