while true do
  break
