for i = "x", 10 do end
