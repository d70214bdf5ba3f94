local t = {}
t:method
