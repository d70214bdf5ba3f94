for i = 1, 2 do
  print(i)
  for j = 1, 2 do
  end
