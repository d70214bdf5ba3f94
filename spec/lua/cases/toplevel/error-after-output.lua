for i = 1, 3 do print(i) end
io.write("no newline")
local x = nil + 1
