local mt = { __concat = function(a, b)
  local function s(x) return type(x) == "table" and ("<" .. x.v .. ">") or tostring(x) end
  return s(a) .. "+" .. s(b)
end }
local A = setmetatable({ v = "A" }, mt)
local B = setmetatable({ v = "B" }, mt)
print(A .. B, A .. "s", "s" .. A, 1 .. A, A .. 2)
print("x" .. "y" .. A)
print(A .. "y" .. "z")
print("a" .. A .. "b")
local log = {}
local L = setmetatable({}, { __concat = function(a, b)
  log[#log + 1] = (type(a) == "table" and "T" or a) .. "|" .. (type(b) == "table" and "T" or b)
  return "r"
end })
local r = "1" .. "2" .. L .. "3" .. "4"
print(r, table.concat(log, " ; "))
print(pcall(function() return {} .. "x" end))
print(pcall(function() return "x" .. {} end))
print(pcall(function() return "x" .. nil end))
print(pcall(function() return 1 .. true end))
print(pcall(function() local t = {} return "a" .. t end))
print(1 .. 2 .. 3)
print(1.5 .. "|" .. -2 .. "|" .. 2^63)
local onlyRight = setmetatable({}, { __concat = function(a, b) return "right" end })
print(nil == pcall(function() return nil .. onlyRight end))
print(pcall(function() return nil .. onlyRight end))
