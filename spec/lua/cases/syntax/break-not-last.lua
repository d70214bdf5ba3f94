for i = 1, 2 do
  break
  print(i)
end
