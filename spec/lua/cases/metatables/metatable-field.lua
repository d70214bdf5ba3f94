local protected = setmetatable({}, { __metatable = "locked" })
print(getmetatable(protected))
print(pcall(function() return setmetatable(protected, {}) end))
local pt = setmetatable({}, { __metatable = { fake = true } })
print(getmetatable(pt).fake)
local falsemeta = setmetatable({}, { __metatable = false })
print(getmetatable(falsemeta))
print(pcall(function() return setmetatable(falsemeta, nil) end))
local mt = {}
local t = setmetatable({}, mt)
print(getmetatable(t) == mt)
print(setmetatable(t, nil) == t, getmetatable(t))
print(getmetatable("abc").__index == string)
print(getmetatable(1), getmetatable(nil), getmetatable(print), getmetatable(true))
print(pcall(function() return setmetatable(1, {}) end))
print(pcall(function() return setmetatable({}, 1) end))
print(pcall(function() return setmetatable({}) end))
print(pcall(function() return setmetatable({}, "x") end))
local tt = {}
print(setmetatable(tt, mt) == tt)
print(rawequal(getmetatable(tt), mt))
local selfmeta = {}
selfmeta.__index = selfmeta
selfmeta.value = "from self"
setmetatable(selfmeta, selfmeta)
print(selfmeta.value)
print(pcall(function() return selfmeta.missing end))
local loopA, loopB = {}, {}
setmetatable(loopA, { __index = loopB })
setmetatable(loopB, { __index = loopA })
print(pcall(function() return loopA.x end))
local nl = {}
setmetatable(nl, { __newindex = nl })
print(pcall(function() nl.x = 1 end))
