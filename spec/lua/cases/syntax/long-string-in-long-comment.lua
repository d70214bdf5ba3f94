print("a")
--[[ comment [[ nested ]]
print("b")
