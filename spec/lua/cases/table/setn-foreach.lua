-- table.foreach / table.foreachi (5.1's deprecated iterators) and their early returns
local t = { 10, 20, 30, x = "a", y = "b" }
table.foreachi(t, print)
print(table.foreachi(t, function(i, v) if v == 20 then return "found " .. i end end))
print(select("#", table.foreachi(t, function() end)))
local keys = {}
table.foreach(t, function(k, v) keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end)
print(table.concat(keys, " "))
print(table.foreach(t, function(k, v) if v == "b" then return k, "second" end end))
print(table.foreach({}, print))
print(table.foreach({ false }, function(k, v) return v end))
print(table.foreachi({ false, true }, function(i, v) return v end))
local holes = { 1, 2, nil, 4 }
table.foreachi(holes, function(i, v) io.write(i, ":", tostring(v), " ") end)
print()
-- foreachi reads #t once, before the loop
local grow = { 1, 2, 3 }
table.foreachi(grow, function(i, v) grow[#grow + 1] = v * 10 io.write(i, " ") end)
print(#grow)
-- removing fields during foreach is allowed
local del = { a = 1, b = 2, c = 3, d = 4 }
local n = 0
table.foreach(del, function(k) del[k] = nil n = n + 1 end)
print(n, next(del))
local function try(f)
  print(pcall(f))
end
try(function() table.foreach() end)
try(function() table.foreach({}) end)
try(function() table.foreach({}, 1) end)
try(function() table.foreachi(nil, print) end)
try(function() table.foreachi({}, {}) end)
try(function() table.foreachi({ 1 }, function() error("inside") end) end)
print(select(2, pcall(function() table.foreach({ 1 }, function() error({ code = 7 }) end) end)).code)
