-- long strings of every level, first newline skipped, no escapes inside
local a = [[hello]]
print(a, #a)
local b = [[
first line skipped]]
print(b, #b)
local c = [==[
contains ]] and ]=] inside]==]
print(c, #c)
local d = [=[a\nb\tc]=]
print(d, #d)
local e = [[

two newlines, one kept]]
print(e, #e)
print([[]] == "", #[[]])
print([=[]=] == "", [====[x]====])
local f = [[line1
line2
line3]]
print(f)
local n = 0
for _ in f:gmatch("\n") do n = n + 1 end
print("newlines", n)
print([===[]]]===], #[===[]]]===])
print([[a]] .. [=[b]=] .. [==[c]==])
print(type([[x]]))
local s = [[
]]
print(#s, s == "")
print([[tab	inside]])
print([==[]=]==])
print(#[[
]])
