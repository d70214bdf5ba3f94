local function range(n)
  local i = 0
  return function() i = i + 1 if i <= n then return i end end
end
for i in range(3) do io.write(i, " ") end print()
local function iter(state, ctl)
  if ctl < state then return ctl + 1, ctl * ctl end
end
for i, sq in iter, 4, 0 do io.write(i, ":", sq, " ") end print()
local t = { "a", "b", "c", nil, "e" }
for i, v in ipairs(t) do io.write(i, v, " ") end print()
local seen = {}
for k, v in pairs({ x = 1, y = 2, z = 3 }) do seen[#seen + 1] = k .. v end
table.sort(seen) print(table.concat(seen, " "))
for k, v in next, { 10 } do print(k, v) end
local calls = 0
local function multi()
  calls = calls + 1
  if calls <= 2 then return calls, calls * 2, calls * 3, "extra" end
end
for a, b, c, d, e in multi do print(a, b, c, d, e) end
local function stateful()
  local data = { "x", "y" }
  local i = 0
  return function(s, c)
    i = i + 1
    return data[i], s, c
  end, "state", "init"
end
for v, s, c in stateful() do print(v, s, c) end
for k in pairs({}) do print("never") end
local nested = { { 1, 2 }, { 3, 4 } }
for _, row in ipairs(nested) do for _, v in ipairs(row) do io.write(v, " ") end end print()
local fs = {}
for i, v in ipairs({ "p", "q" }) do fs[i] = function() return v .. i end end
print(fs[1](), fs[2]())
for i, v in ipairs({ 1, 2, 3 }) do i = i * 10 io.write(i, " ") end print()
local function rev(t)
  return function(t, i) i = i - 1 if i > 0 then return i, t[i] end end, t, #t + 1
end
for i, v in rev({ "a", "b", "c" }) do io.write(i, v, " ") end print()
print(pcall(function() for x in nil do end end))
print(pcall(function() for x in 5 do end end))
local ok, e = pcall(function() for x in {} do end end)
print(ok, e)
