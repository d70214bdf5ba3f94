print(type(arg), #arg, arg[0], arg[1])
print(select('#', ...))
local n = 0
for k, v in pairs(arg) do if type(k) == "number" and k >= 1 then n = n + 1 end end
print(n)
