local function f()
  print("x")

