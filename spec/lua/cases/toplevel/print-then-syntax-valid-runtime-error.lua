for i = 1, 3 do
  if i == 3 then
    local t = nil
    t[i] = i
  end
  print(i)
end
