error("line one\nline two", 0)
