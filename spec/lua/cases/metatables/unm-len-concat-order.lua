local log = {}
local function mk(name)
  return setmetatable({ name = name }, {
    __concat = function(a, b)
      local an = type(a) == "table" and a.name or tostring(a)
      local bn = type(b) == "table" and b.name or tostring(b)
      log[#log + 1] = an .. ".." .. bn
      return mk("(" .. an .. bn .. ")")
    end,
    __unm = function(a) log[#log + 1] = "-" .. a.name return mk("-" .. a.name) end,
  })
end
local a, b, c = mk("a"), mk("b"), mk("c")
local r = a .. b .. c
print(r.name, table.concat(log, " "))
log = {}
r = "x" .. "y" .. a .. "z"
print(r.name, table.concat(log, " "))
log = {}
r = -(-a)
print(r.name, table.concat(log, " "))
log = {}
r = 1 .. 2 .. a
print(r.name, table.concat(log, " "))
