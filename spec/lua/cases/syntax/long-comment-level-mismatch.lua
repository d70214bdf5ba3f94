print(1)
--[==[ comment
]=]
print(2)
