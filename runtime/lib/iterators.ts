// The iterator built-ins shared by the base library and the generic-for fast path:
// `next` (raw traversal) and the function `ipairs` returns (raw integer walk).
import { LuaTable } from "../table.js";
import { checkTable } from "./args.js";
import { EMPTY, type LuaResult, type LuaValue } from "../value.js";

/** next(t [, k]) */
export function luaNext(t: LuaValue, k?: LuaValue): LuaResult {
  const table = checkTable(t, 1, "next", arguments.length);
  const kv = table.next(k);
  return kv === undefined ? undefined : kv;
}

/**
 * The `next` that pairs returns: lbaselib.c gives pairs its own closure of luaB_next, so
 * `pairs(t) == next` is false in 5.1 although both behave alike.
 */
export function pairsNext(t: LuaValue, k?: LuaValue): LuaResult {
  const table = checkTable(t, 1, "next", arguments.length);
  const kv = table.next(k);
  return kv === undefined ? undefined : kv;
}

/** The iterator function ipairs returns: (t, i) → i+1, t[i+1] until a nil. */
export function ipairsAux(t: LuaValue, i: LuaValue): LuaResult {
  const n = (i as number) + 1;
  const v = (t as LuaTable).getNum(n);
  return v === undefined ? EMPTY : [n, v];
}
