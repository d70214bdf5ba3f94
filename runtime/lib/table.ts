// Lua 5.1's table library (ltablib.c): concat, foreach, foreachi, getn, maxn, insert, remove,
// setn (obsolete: it raises), sort (ltablib's quicksort, step for step, so inconsistent
// comparators and ties give 5.1's results and errors). Raw access throughout, as lua_rawgeti /
// lua_rawseti are; comparators are called through ops.call1. Uses args.ts for lauxlib errors.
import { LuaTable, checkWritable } from "../table.js";
import { LuaError, MAXCCALLS, cCalls } from "../errors.js";
import { CHARGE_MIN, chargeAllocation } from "../memory.js";
import * as ops from "../ops.js";
import { numberToString } from "../number.js";
import { checkInt, checkTable, optString, typeArgError } from "./args.js";
import { EMPTY, type LuaFunction, type LuaResult, type LuaValue } from "../value.js";

/** luaL_checkint: lua_Integer truncated to a C int. */
function checkCInt(v: LuaValue, n: number, fname: string, nargs?: number): number {
  return checkInt(v, n, fname, nargs) | 0;
}

/** luaL_checktype(L, n, LUA_TFUNCTION) */
function checkFunction(v: LuaValue, n: number, fname: string, nargs: number): LuaFunction {
  if (typeof v === "function") return v;
  throw typeArgError(n, fname, "function", v, n > nargs);
}

function concat(list: LuaValue, sep: LuaValue, i: LuaValue, j: LuaValue): LuaResult {
  const nargs = arguments.length;
  const s = optString(sep, 2, "concat", "");
  const t = checkTable(list, 1, "concat", nargs);
  let k = i === undefined ? 1 : checkCInt(i, 3, "concat");
  const last = j === undefined ? t.length() : checkCInt(j, 4, "concat");
  const parts: string[] = [];
  const field = (idx: number): string => {
    const v = t.getNum(idx);
    if (typeof v === "string") return v;
    if (typeof v === "number") return numberToString(v);
    throw new LuaError(`invalid value (${ops.type(v)}) at index ${idx} in table for 'concat'`, 1);
  };
  let size = 0;
  for (; k < last; k++) {
    const f = field(k);
    size += f.length + s.length;
    parts.push(f);
    parts.push(s);
  }
  if (k === last) {
    const f = field(k); // the last value, if the interval was not empty
    size += f.length;
    parts.push(f);
  }
  if (size >= CHARGE_MIN) chargeAllocation(size);
  return parts.join("");
}

function foreach(list: LuaValue, f: LuaValue): LuaResult {
  const nargs = arguments.length;
  const t = checkTable(list, 1, "foreach", nargs);
  const fn = checkFunction(f, 2, "foreach", nargs);
  for (let kv = t.next(undefined); kv !== undefined; kv = t.next(kv[0])) {
    const r = ops.call1(fn, kv[0], kv[1]);
    if (r !== undefined) return r;
  }
  return EMPTY;
}

function foreachi(list: LuaValue, f: LuaValue): LuaResult {
  const nargs = arguments.length;
  const t = checkTable(list, 1, "foreachi", nargs);
  const n = t.length();
  const fn = checkFunction(f, 2, "foreachi", nargs);
  for (let i = 1; i <= n; i++) {
    const r = ops.call1(fn, i, t.getNum(i));
    if (r !== undefined) return r;
  }
  return EMPTY;
}

function getn(list: LuaValue): LuaResult {
  return checkTable(list, 1, "getn", arguments.length).length();
}

function maxn(list: LuaValue): LuaResult {
  const t = checkTable(list, 1, "maxn", arguments.length);
  let max = 0;
  for (let kv = t.next(undefined); kv !== undefined; kv = t.next(kv[0])) {
    const k = kv[0];
    if (typeof k === "number" && k > max) max = k;
  }
  return max;
}

function insert(list: LuaValue, a: LuaValue, b: LuaValue): LuaResult {
  const nargs = arguments.length;
  const t = checkTable(list, 1, "insert", nargs);
  let e = (t.length() + 1) | 0; // first empty element
  let pos: number;
  let value: LuaValue;
  switch (nargs) {
    case 2:
      pos = e;
      value = a;
      break;
    case 3: {
      pos = checkCInt(a, 2, "insert");
      if (pos > e) e = pos; // `grow' array if necessary
      if (e > pos) checkWritable(t);
      for (let i = e; i > pos; i--) t.setNum(i, t.getNum(i - 1)); // move up elements
      value = b;
      break;
    }
    default:
      throw new LuaError("wrong number of arguments to 'insert'", 1);
  }
  checkWritable(t);
  t.setNum(pos, value);
  return EMPTY;
}

function remove(list: LuaValue, p: LuaValue): LuaResult {
  const t = checkTable(list, 1, "remove", arguments.length);
  const e = t.length() | 0;
  let pos = p === undefined ? e : checkCInt(p, 2, "remove");
  if (!(1 <= pos && pos <= e)) return EMPTY; // nothing to remove
  checkWritable(t);
  const result = t.getNum(pos);
  for (; pos < e; pos++) t.setNum(pos, t.getNum(pos + 1));
  t.setNum(e, undefined);
  return result;
}

function setn(list: LuaValue): LuaResult {
  checkTable(list, 1, "setn", arguments.length);
  throw new LuaError("'setn' is obsolete", 1);
}

// ---- sort: ltablib.c's auxsort ------------------------------------------------------------

/**
 * lua_lessthan as sort calls it: from C, so an order error carries no position (luaG_ordererror
 * finds no Lua function running), and values of different types never reach a metamethod.
 */
function lessThan(a: LuaValue, b: LuaValue): boolean {
  const ta = typeof a;
  if (ta === "number" && typeof b === "number") return (a as number) < b;
  if (ta === "string" && typeof b === "string") return (a as string) < b;
  const t1 = ops.type(a);
  const t2 = ops.type(b);
  if (t1 === t2) {
    const tm = ops.metamethod(a, "__lt");
    if (tm !== undefined && tm === ops.metamethod(b, "__lt")) {
      const r = ops.call1(tm, a, b);
      return r !== undefined && r !== false;
    }
  }
  throw new LuaError(
    t1 === t2 ? `attempt to compare two ${t1} values` : `attempt to compare ${t1} with ${t2}`,
    0,
  );
}

class Sorter {
  constructor(
    readonly t: LuaTable,
    readonly comp: LuaValue,
  ) {}

  /** sort_comp: a < b by the comparator, or by lua_lessthan without one. */
  less(a: LuaValue, b: LuaValue): boolean {
    if (this.comp === undefined) return lessThan(a, b);
    const r = ops.call2(this.comp, a, b);
    return r !== undefined && r !== false;
  }

  /** auxsort(l, u): quicksort with median of three, recursing into the smaller half. */
  sort(l: number, u: number): void {
    const t = this.t;
    while (l < u) {
      // sort elements a[l], a[(l+u)/2] and a[u]
      let al = t.getNum(l);
      const au = t.getNum(u);
      if (this.less(au, al)) {
        t.setNum(l, au);
        t.setNum(u, al);
      }
      if (u - l === 1) break; // only 2 elements
      let i = Math.floor((l + u) / 2);
      const ai = t.getNum(i);
      al = t.getNum(l);
      if (this.less(ai, al)) {
        t.setNum(i, al);
        t.setNum(l, ai);
      } else {
        const au2 = t.getNum(u);
        if (this.less(au2, ai)) {
          t.setNum(i, au2);
          t.setNum(u, ai);
        }
      }
      if (u - l === 2) break; // only 3 elements
      const p = t.getNum(i); // the pivot
      const au1 = t.getNum(u - 1);
      t.setNum(i, au1);
      t.setNum(u - 1, p);
      // a[l] <= P == a[u-1] <= a[u], only need to sort from l+1 to u-2
      i = l;
      let j = u - 1;
      for (;;) {
        // repeat ++i until a[i] >= P
        let ai2 = t.getNum(++i);
        while (this.less(ai2, p)) {
          if (i > u) throw new LuaError("invalid order function for sorting", 1);
          ai2 = t.getNum(++i);
        }
        // repeat --j until a[j] <= P
        let aj = t.getNum(--j);
        while (this.less(p, aj)) {
          if (j < l) throw new LuaError("invalid order function for sorting", 1);
          aj = t.getNum(--j);
        }
        if (j < i) break;
        t.setNum(i, aj);
        t.setNum(j, ai2);
      }
      // swap pivot (a[u-1]) with a[i]
      const x = t.getNum(u - 1);
      const y = t.getNum(i);
      t.setNum(u - 1, y);
      t.setNum(i, x);
      // a[l..i-1] <= a[i] == P <= a[i+1..u]: recurse into the smaller half, loop on the larger
      if (i - l < u - i) {
        j = l;
        i = i - 1;
        l = i + 2;
      } else {
        j = i + 1;
        i = u;
        u = j - 2;
      }
      this.sort(j, i);
    }
  }
}

function sort(list: LuaValue, comp: LuaValue): LuaResult {
  const nargs = arguments.length;
  const t = checkTable(list, 1, "sort", nargs);
  const n = t.length() | 0;
  if (comp !== undefined) checkFunction(comp, 2, "sort", nargs);
  if (comp === undefined || n < 2) {
    new Sorter(t, comp).sort(1, n);
    return EMPTY;
  }
  // each comparator call is a lua_call (a C call); they never nest within one sort, so the
  // count goes up once for all of them, failing as the first one would
  if (cCalls.depth + 1 >= MAXCCALLS) throw new LuaError("C stack overflow", 0);
  cCalls.depth++;
  try {
    new Sorter(t, comp).sort(1, n);
  } finally {
    cCalls.depth--;
  }
  return EMPTY;
}

/** makeTableLib(): the `table` table, with ltablib.c's functions in its registration order. */
export function makeTableLib(): LuaTable {
  const funcs: [string, LuaFunction][] = [
    ["concat", concat],
    ["foreach", foreach],
    ["foreachi", foreachi],
    ["getn", getn],
    ["maxn", maxn],
    ["insert", insert],
    ["remove", remove],
    ["setn", setn],
    ["sort", sort],
  ];
  // luaL_register makes the table with room for them all (lua_createtable(L, 0, n))
  const T = LuaTable.create(0, funcs.length);
  for (const [name, fn] of funcs) T.setStr(name, fn);
  return T;
}
