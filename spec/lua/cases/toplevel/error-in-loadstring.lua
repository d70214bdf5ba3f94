local f = loadstring("error(\"inside string chunk\")")
f()
