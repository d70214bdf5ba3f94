local s = "café"
print(s, #s, s:byte(-2, -1))
local t = { ["€"] = "euro" }
print(t["€"], #"€")
print(("��"):byte(1, 2))
print("é" < "è", "z" < "é")
