// Which functions are built-ins (Lua's C functions): the engine marks every function in its
// libraries after installing them. coroutine.create/wrap refuse them ("Lua function expected").
import { LuaTable } from "../table.js";
import type { LuaValue } from "../value.js";

const builtins = new WeakSet<object>();

export function isBuiltin(f: LuaValue): boolean {
  return typeof f === "function" && builtins.has(f);
}

/** Marks every function reachable from a table (libraries nest one level: string.format…). */
export function markBuiltins(t: LuaTable, seen = new Set<LuaTable>()): void {
  if (seen.has(t)) return;
  seen.add(t);
  let k: LuaValue = undefined;
  for (;;) {
    const kv = t.next(k);
    if (kv === undefined) return;
    k = kv[0];
    const v = kv[1];
    if (typeof v === "function") builtins.add(v);
    else if (v instanceof LuaTable) markBuiltins(v, seen);
  }
}
