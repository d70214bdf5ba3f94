-- each iteration of a for loop gets a fresh local; a while loop's body locals are fresh too,
-- but a variable declared outside the loop is shared by every closure
local numeric, generic, whileFresh, shared = {}, {}, {}, {}
for i = 1, 3 do numeric[i] = function() return i end end
for i, v in ipairs({ "a", "b", "c" }) do generic[i] = function() return i .. v end end
local j = 0
local outside = 0
while j < 3 do
  j = j + 1
  local inside = j * 10
  whileFresh[j] = function() return inside end
  outside = j
  shared[j] = function() return outside end
end
print(numeric[1](), numeric[2](), numeric[3]())
print(generic[1](), generic[2](), generic[3]())
print(whileFresh[1](), whileFresh[2](), whileFresh[3]())
print(shared[1](), shared[2](), shared[3]())
-- two closures from the same iteration share that iteration's variable
local getters, setters = {}, {}
for i = 1, 2 do
  getters[i] = function() return i end
  setters[i] = function(v) i = v end
end
setters[1](100)
print(getters[1](), getters[2]())
-- nested loops: inner closures see both loop variables of their own iteration
local grid = {}
for r = 1, 2 do for c = 1, 2 do grid[#grid + 1] = function() return r .. c end end end
print(grid[1](), grid[2](), grid[3](), grid[4]())
-- modifying the loop variable inside the body changes only that iteration's copy
local seen = {}
for i = 1, 3 do
  local f = function() return i end
  i = i * 100
  seen[#seen + 1] = f()
end
print(table.concat(seen, " "))
-- closures created in a repeat body see the body's locals, even from the until condition
local reps = {}
local k = 0
repeat
  k = k + 1
  local kk = k
  reps[k] = function() return kk end
until reps[k]() >= 3
print(reps[1](), reps[2](), reps[3]())
