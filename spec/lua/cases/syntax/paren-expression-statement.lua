(print)("x")
(1)
