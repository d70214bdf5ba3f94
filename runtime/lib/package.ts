// The standalone interpreter's `package` library (loadlib.c, as far as a transpiler can
// go: no C modules): package.loaded/preload/path/cpath/loaders, require searching
// preload then package.path, and module() with package.seeall. CLI profile only.
import { readFileSync } from "node:fs";
import { LuaTable } from "../table.js";
import { LuaError } from "../errors.js";
import * as ops from "../ops.js";
import { checkString } from "./args.js";
import type { LuaFunction, LuaResult, LuaValue } from "../value.js";

const LUA_PATH =
  "./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;/usr/local/lib/lua/5.1/?.lua;/usr/local/lib/lua/5.1/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua";
const LUA_CPATH =
  "./?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;/usr/lib/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so";

/** The sentinel require stores while a module loads (loop detection). */
const LOADING = new LuaTable();

export function installPackage(G: LuaTable, load: (src: string, name: string) => LuaFunction): void {
  const pkg = new LuaTable();
  const loaded = new LuaTable();
  const preload = new LuaTable();
  pkg.setStr("loaded", loaded);
  pkg.setStr("preload", preload);
  pkg.setStr("path", process.env.LUA_PATH ?? LUA_PATH);
  pkg.setStr("cpath", process.env.LUA_CPATH ?? LUA_CPATH);
  pkg.setStr("config", "/\n;\n?\n!\n-");

  const preloadLoader = function loaderPreload(name: LuaValue): LuaResult {
    const n = checkString(name, 1, "loader");
    const f = preload.getStr(n);
    return f === undefined ? `\n\tno field package.preload['${n}']` : f;
  };
  const luaLoader = function loaderLua(name: LuaValue): LuaResult {
    const n = checkString(name, 1, "loader");
    const path = ops.tostring(pkg.getStr("path"));
    let tried = "";
    for (const template of path.split(";")) {
      const file = template.replace(/\?/g, n.replace(/\./g, "/"));
      let src: string;
      try {
        src = readFileSync(file, "latin1");
      } catch {
        tried += `\n\tno file '${file}'`;
        continue;
      }
      try {
        return load(src, file);
      } catch (e) {
        if (e instanceof LuaError) {
          throw new LuaError(
            `error loading module '${n}' from file '${file}':\n\t${ops.tostring(e.value)}`,
            1,
          );
        }
        throw e;
      }
    }
    return tried;
  };
  const cLoader = function loaderC(name: LuaValue): LuaResult {
    const n = checkString(name, 1, "loader");
    const cpath = ops.tostring(pkg.getStr("cpath"));
    return cpath
      .split(";")
      .map((t) => `\n\tno file '${t.replace(/\?/g, n.replace(/\./g, "/"))}'`)
      .join("");
  };
  const croot = function loaderCroot(): LuaResult {
    return undefined;
  };
  pkg.setStr("loaders", LuaTable.fromValues([preloadLoader, luaLoader, cLoader, croot]));
  pkg.setStr("loadlib", function loadlib(): LuaResult {
    return [undefined, "dynamic libraries not enabled; check your Lua installation", "absent"];
  });
  pkg.setStr("seeall", function seeall(m: LuaValue): LuaResult {
    if (!(m instanceof LuaTable)) throw new LuaError("bad argument #1 to 'seeall' (table expected)", 1);
    const mt = m.metatable ?? new LuaTable();
    mt.setStr("__index", G);
    m.metatable = mt;
    return undefined;
  });

  G.setStr("require", function require(name: LuaValue): LuaResult {
    const n = checkString(name, 1, "require");
    const have = loaded.getStr(n);
    if (have !== undefined && have !== false) {
      if (have === LOADING) throw new LuaError(`loop or previous error loading module '${n}'`, 1);
      return have;
    }
    const loaders = pkg.getStr("loaders");
    if (!(loaders instanceof LuaTable)) throw new LuaError("'package.loaders' must be a table", 1);
    let msg = "";
    for (let i = 1; ; i++) {
      const loader = loaders.getNum(i);
      if (loader === undefined) throw new LuaError(`module '${n}' not found:${msg}`, 1);
      const r = ops.call1(loader, n);
      if (typeof r === "function") {
        loaded.setStr(n, LOADING);
        const v = ops.call1(r, n);
        if (v !== undefined) loaded.setStr(n, v);
        if (loaded.getStr(n) === LOADING) loaded.setStr(n, true);
        return loaded.getStr(n);
      }
      if (typeof r === "string") msg += r;
    }
  });

  G.setStr("module", function module(name: LuaValue, ...opts: LuaValue[]): LuaResult {
    const n = checkString(name, 1, "module");
    let m = loaded.getStr(n);
    if (!(m instanceof LuaTable)) {
      m = new LuaTable();
      loaded.setStr(n, m);
      G.setStr(n, m);
      m.setStr("_NAME", n);
      m.setStr("_M", m);
      m.setStr("_PACKAGE", n.includes(".") ? n.slice(0, n.lastIndexOf(".") + 1) : "");
    }
    for (const o of opts) ops.call(o, m);
    return undefined;
  });

  G.setStr("package", pkg);
  for (const lib of ["_G", "string", "table", "math", "coroutine", "io", "os", "debug", "package"]) {
    const v = lib === "package" ? pkg : G.getStr(lib);
    if (v !== undefined) loaded.setStr(lib, v);
  }
}
