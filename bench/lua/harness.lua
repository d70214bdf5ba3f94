-- In-process timing harness, the same for every engine: loads a benchmark file, runs it
-- WARMUP times untimed, then RUNS times timed with os.clock, and prints the median.
-- usage: <engine> harness.lua FILE [RUNS] [WARMUP] [ARG]
local file, runs, warmup, barg = arg[1], tonumber(arg[2]) or 5, tonumber(arg[3]) or 2, arg[4]
local chunk = assert(loadfile(file))
local realprint = print
print = function() end
local saved = arg
arg = { [0] = file, barg }
for _ = 1, warmup do chunk(barg) end
local times = {}
for i = 1, runs do
  local t0 = os.clock()
  chunk(barg)
  times[i] = os.clock() - t0
end
arg = saved
print = realprint
table.sort(times)
print(string.format("%.6f", times[math.floor((runs + 1) / 2)]))
