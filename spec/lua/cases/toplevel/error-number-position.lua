local t = {}
t.x = t.y.z
