local	x	=	1	print(x)
local y=2;print(y);
local z = 3 ; print ( z )
print(
"newlines inside the argument list are fine"
)
print
"a string argument may follow on the next line"
local t = { 1 , 2 ,
 3 ,
}
print(#t)
local s = "a"    ..    "b"
print(s)
do local w = 4 print(w) end
if x then print("if") end   while false do end   repeat until true
print(1+2*3-4/2)
print(- - 2, not not nil, - -2)
print(2^-1, -2^2, (-2)^2)
local f = function(...) return ... end print(f(1,2,3))
