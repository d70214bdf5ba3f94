print(_VERSION)
print(type(gcinfo()), gcinfo() > 0)
print(type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage())
print(collectgarbage("collect"))
print(type(collectgarbage("step")))
print(type(collectgarbage("setpause", 200)), type(collectgarbage("setstepmul", 200)))
print(collectgarbage("restart"), collectgarbage("stop"), collectgarbage("restart"))
print(pcall(function() return collectgarbage("bogus") end))
print(type(_G), _G._G == _G, _G._VERSION == _VERSION)
print(type(newproxy))
print(type(require), type(module), type(package), type(package.loaded))
print(package.loaded._G == _G, package.loaded.string == string)
print(type(string), type(table), type(math), type(coroutine), type(io), type(os), type(debug))
local libs = {}
for _, name in ipairs({ "assert", "collectgarbage", "dofile", "error", "getfenv", "getmetatable", "ipairs",
  "load", "loadfile", "loadstring", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawset",
  "select", "setfenv", "setmetatable", "tonumber", "tostring", "type", "unpack", "xpcall", "gcinfo" }) do
  libs[#libs + 1] = name .. ":" .. type(_G[name])
end
print(table.concat(libs, " "))
print(rawget(_G, "bit"), rawget(_G, "cjson"), rawget(_G, "goto"))
