-- NaN results print as glibc spells them: "-nan" when the sign bit is set, "nan" otherwise
local zero = 0
local nan = zero / zero
local pnan = -nan
print(nan, pnan)
print(math.sqrt(-1), math.log(-1), math.log10(-1), math.acos(2), math.asin(-2))
print(math.fmod(1, 0), math.fmod(1 / 0, 1), math.pow(-8, 1 / 3), math.pow(-2, 2.5))
print(math.sin(1 / 0), math.cos(1 / 0), math.tan(-1 / 0))
print(math.abs(nan), math.abs(pnan), math.floor(nan), math.ceil(pnan))
print(math.sin(nan), math.sin(pnan), math.exp(nan), math.exp(pnan), math.sqrt(pnan))
print(math.atan2(nan, 1), math.atan2(1, pnan), math.atan2(pnan, nan), math.atan2(nan, pnan))
print(math.pow(nan, 1), math.pow(nan, 2), math.pow(pnan, 3), math.pow(2, nan), math.pow(nan, 0), math.pow(1, pnan))
print(math.modf(nan))
print(math.modf(pnan))
print(math.frexp(pnan))
print(math.ldexp(nan, 3), math.ldexp(pnan, 3))
print(math.min(nan), math.max(pnan), math.deg(nan), math.rad(pnan))
print(math.sinh(nan), math.cosh(pnan), math.tanh(nan), math.log(pnan), math.log10(nan))
print(nan ~= nan, math.max(nan, 1) ~= math.max(nan, 1))
