print("abc\
