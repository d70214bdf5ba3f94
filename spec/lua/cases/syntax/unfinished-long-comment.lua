print(1)
--[==[ not closed
]]
