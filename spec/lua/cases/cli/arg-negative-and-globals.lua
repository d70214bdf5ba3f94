-- args: x
print(arg[0], arg[1], arg[2])
print(type(arg[-1]))
print(arg.n)
local n = 0
for k in pairs(arg) do n = n + 1 end
print(n >= 2)
arg[1] = "changed"
print(arg[1], (...))
