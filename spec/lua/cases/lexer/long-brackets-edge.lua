print([==[a]=]b]==])
print([=[
]=] == "")
print(#[[
x]])
local s = [[
  indented
    more]]
print(s)
print([[\n is not an escape]])
print([==[[[nested brackets look fine at level 2]]]==])
print([=[ends with bracket]]=])
--[==[
  a long comment containing ]] and ]=] and --[[ without closing it at level 2
]==]
print("after comment")
--[[]]print("code right after empty long comment")
print(#[[]], #[=[]=], #[==[
]==])
local t = { [ [[key]] ] = 1 }
print(t.key)
print(type([[1]]), [[1]] + 1)
