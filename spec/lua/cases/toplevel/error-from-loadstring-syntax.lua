local f, e = loadstring("x = ")
error(e, 0)
