// Lua values as JS values: the one place that says how each Lua type is represented.
// nil → undefined, boolean → boolean, number → number (a double, as in Lua 5.1),
// string → JS string of chars 0–255 (one char per byte), table → LuaTable,
// function → JS function (compiled Lua and built-ins share one calling convention),
// thread → Coroutine, userdata → LuaUserdata (only a few built-ins make them).
//
// Calling convention: a function takes its arguments as positional JS arguments and
// returns either a single Lua value (exactly one result) or a JS array holding the
// results (zero, two or more; a one-element array is also allowed). A JS array is
// never a Lua value, so `Array.isArray(r)` tells the two apart.
import type { LuaTable } from "./table.js";

export type LuaFunction = (...args: any[]) => LuaResult;

/** A Lua value. Kept as a union so that runtime code narrows with typeof/instanceof. */
export type LuaValue =
  undefined | boolean | number | string | LuaTable | LuaFunction | LuaThread | LuaUserdata;

/** What a Lua-callable function returns: one value, or an array of values. */
export type LuaResult = LuaValue | LuaValue[];

/** Marker interface for coroutines; the class lives in runtime/coroutine.ts. */
export interface LuaThread {
  readonly luaType: "thread";
}

/** Opaque host objects exposed to Lua (e.g. cjson.null is lightuserdata in Redis). */
export class LuaUserdata {
  readonly luaType = "userdata";
  constructor(
    readonly name: string,
    public metatable: LuaTable | undefined = undefined,
    /** what tostring prints after "userdata: ", when not a made-up address ("(nil)": NULL) */
    readonly address: string | undefined = undefined,
  ) {}
}

/** The shared result for "no values": never mutate it. */
export const EMPTY: LuaValue[] = Object.freeze([]) as unknown as LuaValue[];

/** First value of a call result (Lua's adjustment to one value). */
export function first(r: LuaResult): LuaValue {
  return Array.isArray(r) ? r[0] : r;
}

/** All values of a call result as an array (may return the result itself: don't mutate). */
export function all(r: LuaResult): LuaValue[] {
  return Array.isArray(r) ? r : [r];
}
