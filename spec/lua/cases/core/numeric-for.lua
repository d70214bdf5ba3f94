local function run(a, b, c)
  local out = {}
  if c then
    for i = a, b, c do out[#out + 1] = i if #out > 20 then break end end
  else
    for i = a, b do out[#out + 1] = i if #out > 20 then break end end
  end
  return table.concat(out, ",")
end
print(run(1, 5))
print(run(5, 1))
print(run(5, 1, -1))
print(run(1, 2, 0.5))
print(run(0, 1, 0.1))
print(run(1, 0))
print(run(1, 1))
print(run(10, 1, -3))
print(run(1, 10, 4))
print(run(-1, -5, -2))
print(run(1.5, 4))
print(run(0.1, 0.35, 0.05))
print(run("1", "3"))
print(run(1, "2", "1"))
print(run(3, 3, -1))
local n = 0
for i = 1, 3 do i = i * 10 n = n + i end
print(n)
local evals = 0
local function lim() evals = evals + 1 return 3 end
for i = 1, lim() do end
print("limit evaluated", evals)
local limit = 3
local iters = 0
for i = 1, limit do limit = 10 iters = iters + 1 end
print(iters)
local step = 1
iters = 0
for i = 1, 5, step do step = 100 iters = iters + 1 end
print(iters)
local last
for i = 1, 3 do last = i end
print(last, i)
for i = 1, 0 do print("never") end
for i = 2 ^ 53 - 4, 2 ^ 53 - 1, 2 do io.write(string.format("%.0f ", i)) end print()
for i = 1, math.huge do if i > 3 then break end io.write(i, " ") end print()
for i = -1, -math.huge, -1 do if i < -3 then break end io.write(i, " ") end print()
print(pcall(function() for i = "a", 2 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, nil do end end))
print(pcall(function() for i = nil, 2 do end end))
print(pcall(function() for i = 1, 2, "x" do end end))
