local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
local function show(...) return select('#', ...), ... end
print(show(three()))
print(show(three(), 10))
print(show(10, three()))
print(show((three())))
print(show(none()))
print(show(none(), none()))
print(show((none())))
local t = { three() }
print(#t)
t = { three(), three() }
print(#t, t[1], t[2], t[3], t[4])
t = { three(), 5 }
print(#t, t[1], t[2])
t = { (three()) }
print(#t)
t = { x = three() }
print(t.x)
t = { three(), x = 1 }
print(#t)
local function ret() return three() end
print(show(ret()))
local function retp() return (three()) end
print(show(retp()))
local function retmix() return 0, three() end
print(show(retmix()))
local function retmix2() return three(), 0 end
print(show(retmix2()))
print(three() + 10)
print("x" .. three())
local a, b, c, d = three()
print(a, b, c, d)
local e, f = 0, three()
print(e, f)
print(string.rep("ab", three()))
print(show(nil, none()))
print(math.max(three()), math.max(three(), 0))
print(#{ none() }, #{ none(), 1 })
print(show(select(2, three())))
local function nest() return show(three()) end
print(nest())
print(show(pcall(three)))
print(show(pcall(none)))
local s = "" for i, v in ipairs({ three() }) do s = s .. v end print(s)
if three() == 1 then print("cond uses first") end
local r = three() and three()
print(r)
print(show(unpack({ 1, 2, nil, 4 }, 1, 4)))
print(show(three(), three(), three()))
