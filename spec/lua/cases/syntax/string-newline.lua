local s = "line one
line two"
