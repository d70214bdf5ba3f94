local v = tonumber("abc")
assert(v, "expected a number")
