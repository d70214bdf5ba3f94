error(setmetatable({}, { __tostring = function() return "meta message" end }))
