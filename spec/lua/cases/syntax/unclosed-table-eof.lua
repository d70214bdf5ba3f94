local t = {
