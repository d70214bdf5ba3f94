if true then
  print(1)
else
  print(2)

