# any first line starting with # is skipped
print("ok")
local x = nil + 1
