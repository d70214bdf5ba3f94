-- Lua 5.1's call-stack limit is about 20000 nested Lua calls (LUAI_MAXCALLS)
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(pcall(depth, 15000))
local ok, e = pcall(depth, 25000)
print(ok, e:sub(-14))
local function viaPcall(n) if n == 0 then return "bottom" end return select(2, pcall(viaPcall, n - 1)) end
print(viaPcall(150))
