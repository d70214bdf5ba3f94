-- single line comment
print(1) -- trailing comment
--[[ block
comment ]] print(2)
--[==[ level two
]] still comment ]=] still
]==] print(3)
--[[]] print(4)
---[[ this is a line comment, so the next line runs
print(5)
--]]
--[=[ x ]=] print(6)
--[ not a long comment
print(7)
print(8) --[[ inline ]] print(9)
local x = 10 --[[ comment between ]] + 1
print(x)
-- comment with [[ inside
print(--[[ in expression ]] 12)
--[[
print("never")
--]]
print("done")
