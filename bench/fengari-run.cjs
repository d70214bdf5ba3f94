// Runs a Lua file under fengari (Lua 5.3 VM in JS) with arguments, for benchmark comparison.
// usage: node bench/fengari-run.cjs FILE [args...]
const { lua, lauxlib, lualib, to_luastring } = require("fengari");
const [file, ...args] = process.argv.slice(2);
const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);
lua.lua_createtable(L, args.length, 1);
lua.lua_pushstring(L, to_luastring(file));
lua.lua_rawseti(L, -2, 0);
args.forEach((a, i) => {
  lua.lua_pushstring(L, to_luastring(a));
  lua.lua_rawseti(L, -2, i + 1);
});
lua.lua_setglobal(L, to_luastring("arg"));
// Lua 5.1 names the benchmarks use
lauxlib.luaL_dostring(L, to_luastring("unpack = unpack or table.unpack"));
if (lauxlib.luaL_loadfile(L, to_luastring(file)) !== lua.LUA_OK) {
  process.stderr.write(lua.lua_tojsstring(L, -1) + "\n");
  process.exit(1);
}
for (const a of args) lua.lua_pushstring(L, to_luastring(a));
if (lua.lua_pcall(L, args.length, 0, 0) !== lua.LUA_OK) {
  process.stderr.write(lua.lua_tojsstring(L, -1) + "\n");
  process.exit(1);
}
