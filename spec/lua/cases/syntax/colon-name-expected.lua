local t = {}
t:(1)
