-- args: one two 3 --flag ""
print(type(arg), #arg)
print(arg[0])
for i = 1, #arg do print(i, arg[i], type(arg[i])) end
print(arg[-1] ~= nil)
print(select('#', ...))
print(...)
local a, b = ...
print(a, b)
