-- chunk ids: runtime errors show LUA_IDSIZE (60) bytes of a loadstring source, syntax errors
-- llex.c's MAXSRC (80); "=" and "@" names too
local function t(src, name)
  local f, err = loadstring(src, name)
  if not f then print("compile", err) return end
  print(select(2, pcall(f)))
end
t("error('x')", "=" .. string.rep("a", 100))
t("error('x')", "@" .. string.rep("b", 100))
t("error('x') --" .. string.rep("c", 100))
t("error('x') --" .. string.rep("c", 40))
t("error('x') --" .. string.rep("c", 20))
t("error('x') --" .. string.rep("c", 30) .. "\nfoo")
t("local x = = 1 --" .. string.rep("d", 100))
