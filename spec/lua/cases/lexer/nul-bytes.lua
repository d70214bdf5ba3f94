-- NUL bytes in source: token 0 (errors without "near"), and numerals that swallow a NUL as
-- their exponent mark or sign (llex's check_next finds strchr's terminator) and are then read
-- as C strings
local function try(src)
  local f, err = loadstring(src)
  if f then
    print("ok", pcall(f))
  else
    print("error", err)
  end
end
try("return 1\0garbage")
try("\0")
try("x = 1\0 y")
try("return 1 \0")
try("return 1e\0+5")
try("return 0x1\0")
try("return 1.5\0x")
try("return 1.5\0")
try("return 2\0\0")
try("return 'a\0b' .. 1")
try("return 1e\0")
try("return 1e+\0")
try("local t = {1 \0}")
try("return #{1, 2\0}")
try("local a = 3\0e2 return a")
try("return 7\0-- comment\n + 1")
try("return 1\0\n+ 2")
try("-- \0 comment\nreturn 5")
try("return [[\0]]")
try("if true then\0 end")
