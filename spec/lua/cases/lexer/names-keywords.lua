local _ = 1
local _x, x_, __, A1, a1 = 2, 3, 4, 5, 6
print(_, _x, x_, __, A1, a1)
local And, END, Nil, True = 1, 2, 3, 4
print(And, END, Nil, True)
local t = {}
t["end"] = 1
t["while"] = 2
t["nil"] = 3
print(t["end"], t["while"], t["nil"])
local goto = "goto is a name in 5.1"
print(goto)
local continue = 7
print(continue)
local very_long_identifier_name_that_goes_on_and_on_and_on = 42
print(very_long_identifier_name_that_goes_on_and_on_and_on)
print(type(nil), type(true), type(false))
local self = "self is an ordinary name"
print(self)
local arg2 = select('#')
print(arg2)
