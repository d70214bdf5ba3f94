// The coroutine library (lbaselib.c's co_funcs): create, resume, yield, status, wrap,
// running, over runtime/coroutine.ts.
import { LuaTable } from "../table.js";
import { LuaError } from "../errors.js";
import { Coroutine, coroutineYield, runningCoroutine } from "../coroutine.js";
import { argError } from "./args.js";
import { isBuiltin } from "./builtins.js";
import type { LuaResult, LuaValue } from "../value.js";
import { where } from "../errors.js";

/** luaL_argcheck(L, co, 1, "coroutine expected") */
function checkCo(v: LuaValue, fname: string): Coroutine {
  if (v instanceof Coroutine) return v;
  throw argError(1, fname, "coroutine expected");
}

export function makeCoroutineLib(): LuaTable {
  const co = new LuaTable();
  co.setStr("create", function create(f: LuaValue): LuaResult {
    if (typeof f !== "function" || isBuiltin(f)) throw argError(1, "create", "Lua function expected");
    return new Coroutine(f);
  });
  co.setStr("resume", function resume(c: LuaValue, ...args: LuaValue[]): LuaResult {
    return checkCo(c, "resume").resume(args);
  });
  co.setStr("yield", coroutineYield);
  co.setStr("status", function status(c: LuaValue): LuaResult {
    return checkCo(c, "status").status;
  });
  co.setStr("running", function running(): LuaResult {
    return runningCoroutine();
  });
  co.setStr("wrap", function wrap(f: LuaValue): LuaResult {
    if (typeof f !== "function" || isBuiltin(f)) throw argError(1, "wrap", "Lua function expected");
    const c = new Coroutine(f);
    return function wrapped(...args: LuaValue[]): LuaResult {
      const r = c.resume(args);
      if (r[0] === true) return r.slice(1);
      const e = r[1];
      // auxwrap: a string error gets the caller's position prepended
      throw new LuaError(typeof e === "string" ? where(1) + e : e, 0);
    };
  });
  return co;
}
