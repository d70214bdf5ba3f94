local function a() local x = nil; return x.field end
local function b() return (a()) end
local function c() return (b()) end
c()
