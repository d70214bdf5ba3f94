local function fail() error("in tail-called function") end
local function caller() return fail() end
caller()
