// Argument checks for built-in functions, worded as lauxlib.c words them
// ("bad argument #1 to 'f' (number expected, got nil)"). Built-ins take Lua
// arguments as positional JS parameters; "no value" means the argument was not passed,
// which callers detect with `arguments.length` and pass as `nargs`.
import { LuaError, currentFrames } from "../errors.js";
import { LuaTable } from "../table.js";
import { str2number, numberToString } from "../number.js";
import { type } from "../ops.js";
import type { LuaValue } from "../value.js";

/**
 * luaL_argerror: the function is named as its caller's call instruction names it (a global,
 * local, field or method; '?' when a built-in called it), and a method call doesn't count
 * self ("calling 'f' on bad self" when self is the bad argument).
 */
export function argError(n: number, fname: string, extra: string): LuaError {
  const caller = currentFrames()[1];
  let name = "?";
  if (caller !== undefined && caller.kind === "lua") {
    const m = caller.calling === undefined ? null : /^(\w+) '(.*)'$/s.exec(caller.calling);
    if (m === null) name = caller.calling === undefined ? fname : "?";
    else {
      name = m[2];
      if (m[1] === "method") {
        n--;
        if (n === 0) return new LuaError(`calling '${name}' on bad self (${extra})`, 1);
      }
    }
  }
  return new LuaError(`bad argument #${n} to '${name}' (${extra})`, 1);
}

/** luaL_typerror */
export function typeArgError(
  n: number,
  fname: string,
  expected: string,
  v: LuaValue,
  absent = false,
): LuaError {
  return argError(n, fname, `${expected} expected, got ${absent ? "no value" : type(v)}`);
}

/** luaL_checknumber (accepts numeric strings). */
export function checkNumber(v: LuaValue, n: number, fname: string, nargs = Infinity): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const x = str2number(v);
    if (x !== undefined) return x;
  }
  throw typeArgError(n, fname, "number", v, n > nargs);
}

/** luaL_optnumber */
export function optNumber(v: LuaValue, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkNumber(v, n, fname);
}

/** luaL_checkinteger: a number truncated toward zero, as lua_Integer (ptrdiff_t) cast does. */
export function checkInt(v: LuaValue, n: number, fname: string, nargs = Infinity): number {
  return toInteger(checkNumber(v, n, fname, nargs));
}

export function optInt(v: LuaValue, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkInt(v, n, fname);
}

/** lua_Number → lua_Integer as C's cast does on x86-64 (NaN/overflow → INT64_MIN). */
export function toInteger(x: number): number {
  if (x !== x || x >= 2 ** 63 || x < -(2 ** 63)) return -(2 ** 63);
  return Math.trunc(x) + 0;
}

/** luaL_checklstring (accepts numbers, converting them as tostring does). */
export function checkString(v: LuaValue, n: number, fname: string, nargs = Infinity): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberToString(v);
  throw typeArgError(n, fname, "string", v, n > nargs);
}

export function optString(v: LuaValue, n: number, fname: string, def: string): string {
  return v === undefined ? def : checkString(v, n, fname);
}

/** luaL_checktype(L, n, LUA_TTABLE) */
export function checkTable(v: LuaValue, n: number, fname: string, nargs = Infinity): LuaTable {
  if (v instanceof LuaTable) return v;
  throw typeArgError(n, fname, "table", v, n > nargs);
}

/** luaL_checkany */
export function checkAny(absent: boolean, n: number, fname: string): void {
  if (absent) throw argError(n, fname, "value expected");
}
