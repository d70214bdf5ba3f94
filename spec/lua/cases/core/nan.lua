-- NaN compares unequal to everything, itself included; glibc prints the
-- sign bit, and x86's default NaN (0/0) has it set
local nan = 0 / 0
print(nan ~= nan, nan == nan, nan < nan, nan > 0, nan <= nan)
print(nan)
print(-nan)
print(tostring(nan), nan .. "")
local t = {}
print(pcall(function() t[nan] = 1 end))
print(t[nan])
print(math.huge - math.huge)
print(math.huge * 0)
print(3 % math.huge, -3 % math.huge)
print(math.sqrt(-1))
print(tonumber("nan"), tonumber("-nan"))
print(string.format("%f %g %.3f", nan, nan, -nan))
print(math.max(nan, 1), math.min(1, nan))
print(nan ~= nan and "nan is not itself" or "?")
