print(loadfile("no-such-file-here.lua"))
print(pcall(dofile, "no-such-file-here.lua"))
-- a chunk can load its own file; a global guards against recursion
if not LOADED_SELF then
  LOADED_SELF = true
  local f, err = loadfile("loadfile-dofile.lua")
  print(type(f), err)
  f("arg passed")
  print("back in outer chunk")
  print(dofile("loadfile-dofile.lua"))
else
  print("inner run", ...)
  return "dofile result", 2
end
