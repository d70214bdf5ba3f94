-- the ^ operator is C's pow too (luai_numpow): the same results as math.pow, bit for bit
local zero = 0
local nan = zero / zero
for e = -25, 25, 5 do io.write(string.format("%.17g ", 10 ^ e)) end
print()
local b = 1.1
for e = 1, 12 do io.write(string.format("%.17g ", b ^ e)) end
print()
print(10 ^ -20 == 1e-20, 10 ^ 15 == 1e15, 2 ^ 0.5 == math.sqrt(2), 2 ^ 10 == math.pow(2, 10))
local one = 1
print(one ^ nan, one ^ (1 / 0), (-one) ^ (1 / 0), nan ^ 0, (-8) ^ (1 / 3))
print(2 ^ "3", "2" ^ 3, "2" ^ "0.5" == math.sqrt(2))
