for x, y = 1, 2 do end
