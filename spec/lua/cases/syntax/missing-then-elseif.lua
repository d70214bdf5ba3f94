if false then
elseif true
  print(1)
end
