local function finish()
  print("finishing")
  os.exit(0)
end
for i = 1, 10 do
  if i == 3 then finish() end
  print(i)
end
