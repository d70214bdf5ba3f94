// Lua 5.1's operators with their metamethods and error messages (lvm.c, ltm.c, ldebug.c):
// index/newindex, call, arithmetic, comparison, equality, concatenation, length, and
// tostring/tonumber coercions. Emitted code inlines the fast paths and calls these for
// everything else; built-in libraries call them to reach Lua functions and metamethods.
import { LuaTable } from "./table.js";
import { keyHash } from "./table-hash.js";
import { LuaError, MAXCCALLS, cCalls } from "./errors.js";
import { numberToString, str2number } from "./number.js";
import { cPow } from "./pow.js";
import { LuaUserdata, type LuaFunction, type LuaResult, type LuaValue } from "./value.js";

/** Per-state data the operators need: the metatable shared by all strings. */
export const shared: { stringMeta: LuaTable | undefined } = { stringMeta: undefined };

// ---- types ------------------------------------------------------------------

export function type(v: LuaValue): string {
  switch (typeof v) {
    case "undefined":
      return "nil";
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "function":
      return "function";
    default:
      if (v instanceof LuaTable) return "table";
      if (v instanceof LuaUserdata) return "userdata";
      return "thread";
  }
}

export function getmetatable(v: LuaValue): LuaTable | undefined {
  if (v instanceof LuaTable) return v.metatable;
  if (typeof v === "string") return shared.stringMeta;
  if (v instanceof LuaUserdata) return v.metatable;
  return undefined;
}

/** luaT_gettmbyobj: a metamethod of a value, or undefined. */
export function metamethod(v: LuaValue, event: string): LuaValue {
  const mt = getmetatable(v);
  return mt === undefined ? undefined : mt.getStr(event);
}

// ---- errors (ldebug.c) ----------------------------------------------------------

/** luaG_typeerror: "attempt to OP DESC (a TYPE value)"; desc is like "local 'x'". */
export function typeError(v: LuaValue, op: string, desc?: string | null): LuaError {
  const t = type(v);
  return new LuaError(
    desc ? `attempt to ${op} ${desc} (a ${t} value)` : `attempt to ${op} a ${t} value`,
    LuaError.VM,
  );
}

function orderError(a: LuaValue, b: LuaValue): LuaError {
  const t1 = type(a);
  const t2 = type(b);
  return new LuaError(
    t1 === t2 ? `attempt to compare two ${t1} values` : `attempt to compare ${t1} with ${t2}`,
    LuaError.VM,
  );
}

// ---- calls --------------------------------------------------------------------

/** Calls any Lua value (functions, or values with __call). */
export function call(f: LuaValue, ...args: LuaValue[]): LuaResult {
  if (typeof f === "function") return f(...args);
  return callMeta(f, undefined, args);
}

/** Slow path of a call: __call, or "attempt to call ..." naming the callee. */
export function callMeta(f: LuaValue, desc: string | null | undefined, args: LuaValue[]): LuaResult {
  // tryfuncTM: only a function __call works; otherwise the error names the called value
  const h = metamethod(f, "__call");
  if (typeof h === "function") return h(f, ...args);
  throw typeError(f, "call", desc);
}

/** Calls and keeps only the first result. */
export function call1(f: LuaValue, ...args: LuaValue[]): LuaValue {
  const r = typeof f === "function" ? f(...args) : callMeta(f, undefined, args);
  return Array.isArray(r) ? r[0] : r;
}

/** call1 with exactly two arguments, without an arguments array (comparators, __index…). */
export function call2(f: LuaValue, a: LuaValue, b: LuaValue): LuaValue {
  const r = typeof f === "function" ? f(a, b) : callMeta(f, undefined, [a, b]);
  return Array.isArray(r) ? r[0] : r;
}

/**
 * A metamethod call (ltm.c callTM/callTMres): luaD_call counts it as a C call, so metamethods
 * that recurse through one another stop at LUAI_MAXCCALLS with "C stack overflow", raised at
 * the running function's position, as lua5.1 does. First result only.
 */
export function callTM(h: LuaValue, a: LuaValue, b: LuaValue): LuaValue {
  if (++cCalls.depth >= MAXCCALLS) {
    cCalls.depth--;
    throw new LuaError("C stack overflow", LuaError.VM);
  }
  try {
    const r = typeof h === "function" ? h(a, b) : callMeta(h, undefined, [a, b]);
    return Array.isArray(r) ? r[0] : r;
  } finally {
    cCalls.depth--;
  }
}

/**
 * lua_call from a library function with one argument (luaL_callmeta's __tostring call): a C
 * call, whose overflow is raised inside the library function (no position). First result.
 */
export function cCall1(h: LuaValue, a: LuaValue): LuaValue {
  if (++cCalls.depth >= MAXCCALLS) {
    cCalls.depth--;
    throw new LuaError("C stack overflow", 0);
  }
  try {
    return call1(h, a);
  } finally {
    cCalls.depth--;
  }
}

/** callTM for __newindex: three arguments, no result. */
function callTM3(h: LuaFunction, a: LuaValue, b: LuaValue, c: LuaValue): void {
  if (++cCalls.depth >= MAXCCALLS) {
    cCalls.depth--;
    throw new LuaError("C stack overflow", LuaError.VM);
  }
  try {
    h(a, b, c);
  } finally {
    cCalls.depth--;
  }
}

// ---- indexing ----------------------------------------------------------------

const MAXTAGLOOP = 100;
const H_INDEX = keyHash("__index");
const H_NEWINDEX = keyHash("__newindex");

/** luaV_gettable: t[k] with __index. */
export function index(t: LuaValue, k: LuaValue, desc?: string | null): LuaValue {
  return gettable(t, k, desc, false);
}

/** index() for a table whose own (raw) t[k] was just found nil: goes on at its metatable. */
export function indexMissing(t: LuaTable, k: LuaValue): LuaValue {
  return gettable(t, k, undefined, true);
}

function gettable(t: LuaValue, k: LuaValue, desc: string | null | undefined, missing: boolean): LuaValue {
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let h: LuaValue;
    if (t instanceof LuaTable) {
      if (missing) {
        missing = false;
      } else {
        const v = t.get(k);
        if (v !== undefined) return v;
      }
      const mt = t.metatable;
      if (mt === undefined) return undefined;
      h = mt.getStrH("__index", H_INDEX);
      if (h === undefined) return undefined;
    } else {
      h = metamethod(t, "__index");
      if (h === undefined) throw typeError(t, "index", desc);
    }
    if (typeof h === "function") return callTM(h, t, k);
    t = h;
    desc = undefined;
  }
  throw new LuaError("loop in gettable", LuaError.VM);
}

/** luaV_settable: t[k] = v with __newindex. */
export function setindex(t: LuaValue, k: LuaValue, v: LuaValue, desc?: string | null): void {
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let h: LuaValue;
    if (t instanceof LuaTable) {
      const mt = t.metatable;
      if (mt === undefined || t.get(k) !== undefined) {
        t.set(k, v);
        return;
      }
      h = mt.getStrH("__newindex", H_NEWINDEX);
      if (h === undefined) {
        t.set(k, v);
        return;
      }
      // luaH_set runs before __newindex is looked at: nil/NaN keys fail here, in the caller
      if (k === undefined) throw new LuaError("table index is nil", LuaError.VM);
      if (k !== k) throw new LuaError("table index is NaN", LuaError.VM);
    } else {
      h = metamethod(t, "__newindex");
      if (h === undefined) throw typeError(t, "index", desc);
    }
    if (typeof h === "function") {
      callTM3(h, t, k, v);
      return;
    }
    t = h;
    desc = undefined;
  }
  throw new LuaError("loop in settable", LuaError.VM);
}

// ---- conversions -------------------------------------------------------------------

/** luaV_tonumber: numbers, and strings that read as numbers; else undefined. */
export function tonumber(v: LuaValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") return str2number(v);
  return undefined;
}

const ids = new WeakMap<object, number>();
let nextId = 0x5a5a0000;

/** A stable fake address for tables, functions and threads ("table: 0x..."). */
export function addressOf(v: object): string {
  let id = ids.get(v);
  if (id === undefined) {
    id = nextId += 0x40;
    ids.set(v, id);
  }
  return "0x" + id.toString(16).padStart(8, "0");
}

/** tostring() including __tostring. */
export function tostring(v: LuaValue): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return numberToString(v);
    case "undefined":
      return "nil";
    case "boolean":
      return v ? "true" : "false";
  }
  const h = metamethod(v, "__tostring");
  if (h !== undefined) {
    const r = cCall1(h, v);
    if (typeof r !== "string") {
      if (typeof r === "number") return numberToString(r);
      throw new LuaError("'__tostring' must return a string", 1);
    }
    return r;
  }
  return rawtostring(v);
}

export function rawtostring(v: LuaValue): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return numberToString(v);
    case "undefined":
      return "nil";
    case "boolean":
      return v ? "true" : "false";
    case "function":
      return "function: " + addressOf(v);
  }
  if (v instanceof LuaUserdata) return "userdata: " + (v.address ?? addressOf(v));
  return `${type(v)}: ${addressOf(v as object)}`;
}

// ---- arithmetic ---------------------------------------------------------------

export type ArithEvent = "__add" | "__sub" | "__mul" | "__div" | "__mod" | "__pow" | "__unm";

function rawArith(event: ArithEvent, a: number, b: number): number {
  switch (event) {
    case "__add":
      return a + b;
    case "__sub":
      return a - b;
    case "__mul":
      return a * b;
    case "__div":
      return a / b;
    case "__mod":
      return a - Math.floor(a / b) * b;
    case "__pow":
      return cPow(a, b);
    case "__unm":
      return -a;
  }
}

/** luaV_arith's slow path: string coercion, then metamethods, then the error. */
export function arith(
  event: ArithEvent,
  a: LuaValue,
  b: LuaValue,
  descA?: string | null,
  descB?: string | null,
): LuaValue {
  const na = tonumber(a);
  const nb = tonumber(b);
  if (na !== undefined && nb !== undefined) return rawArith(event, na, nb);
  let h = metamethod(a, event);
  if (h === undefined) h = metamethod(b, event);
  if (h !== undefined) return callTM(h, a, b);
  // luaG_aritherror: blame the second operand only if the first converts
  if (na === undefined) throw typeError(a, "perform arithmetic on", descA);
  throw typeError(b, "perform arithmetic on", descB);
}

export function add(a: LuaValue, b: LuaValue, da?: string | null, db?: string | null): LuaValue {
  return typeof a === "number" && typeof b === "number" ? a + b : arith("__add", a, b, da, db);
}
export function sub(a: LuaValue, b: LuaValue, da?: string | null, db?: string | null): LuaValue {
  return typeof a === "number" && typeof b === "number" ? a - b : arith("__sub", a, b, da, db);
}
export function mul(a: LuaValue, b: LuaValue, da?: string | null, db?: string | null): LuaValue {
  return typeof a === "number" && typeof b === "number" ? a * b : arith("__mul", a, b, da, db);
}
export function div(a: LuaValue, b: LuaValue, da?: string | null, db?: string | null): LuaValue {
  return typeof a === "number" && typeof b === "number" ? a / b : arith("__div", a, b, da, db);
}
export function mod(a: LuaValue, b: LuaValue, da?: string | null, db?: string | null): LuaValue {
  return typeof a === "number" && typeof b === "number"
    ? a - Math.floor(a / b) * b
    : arith("__mod", a, b, da, db);
}
export function pow(a: LuaValue, b: LuaValue, da?: string | null, db?: string | null): LuaValue {
  return typeof a === "number" && typeof b === "number" ? cPow(a, b) : arith("__pow", a, b, da, db);
}
export function unm(a: LuaValue, da?: string | null): LuaValue {
  if (typeof a === "number") return -a;
  const n = tonumber(a);
  if (n !== undefined) return -n;
  const h = metamethod(a, "__unm");
  if (h !== undefined) return callTM(h, a, a);
  throw typeError(a, "perform arithmetic on", da);
}

// ---- length and concatenation -----------------------------------------------------

/** The # operator (5.1: no __len for tables or strings). */
export function len(v: LuaValue, desc?: string | null): number | LuaValue {
  if (typeof v === "string") return v.length;
  if (v instanceof LuaTable) return v.length();
  const h = metamethod(v, "__len");
  if (h !== undefined) return callTM(h, v, undefined);
  throw typeError(v, "get length of", desc);
}

/** a .. b */
export function concat(a: LuaValue, b: LuaValue, da?: string | null, db?: string | null): LuaValue {
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === "string" || ta === "number") && (tb === "string" || tb === "number")) {
    return (
      (ta === "string" ? (a as string) : numberToString(a as number)) +
      (tb === "string" ? (b as string) : numberToString(b as number))
    );
  }
  let h = metamethod(a, "__concat");
  if (h === undefined) h = metamethod(b, "__concat");
  if (h !== undefined) return callTM(h, a, b);
  // luaG_concaterror: blame the first operand unless it is a string or number
  if (ta === "string" || ta === "number") throw typeError(b, "concatenate", db);
  throw typeError(a, "concatenate", da);
}

// ---- comparison -----------------------------------------------------------------

/** get_compTM: the __eq/__lt/__le handler both operands agree on. */
function compTM(mt1: LuaTable | undefined, mt2: LuaTable | undefined, event: string): LuaValue {
  if (mt1 === undefined) return undefined;
  const tm1 = mt1.getStr(event);
  if (tm1 === undefined) return undefined;
  if (mt1 === mt2) return tm1;
  if (mt2 === undefined) return undefined;
  const tm2 = mt2.getStr(event);
  return tm1 === tm2 ? tm1 : undefined;
}

/** a == b */
export function eq(a: LuaValue, b: LuaValue): boolean {
  if (a === b) return true;
  if (a instanceof LuaTable && b instanceof LuaTable) {
    const tm = compTM(a.metatable, b.metatable, "__eq");
    return tm !== undefined && truthy(callTM(tm, a, b));
  }
  if (a instanceof LuaUserdata && b instanceof LuaUserdata) {
    const tm = compTM(a.metatable, b.metatable, "__eq");
    return tm !== undefined && truthy(callTM(tm, a, b));
  }
  return false;
}

function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}

/** call_orderTM: the same handler for both operands, or undefined. */
function orderTM(a: LuaValue, b: LuaValue, event: string): LuaValue {
  const tm1 = metamethod(a, event);
  if (tm1 === undefined) return undefined;
  const tm2 = metamethod(b, event);
  return tm1 === tm2 ? tm1 : undefined;
}

/** a < b */
export function lt(a: LuaValue, b: LuaValue): boolean {
  const ta = typeof a;
  if (ta === typeof b) {
    if (ta === "number") return (a as number) < (b as number);
    if (ta === "string") return (a as string) < (b as string);
    const tm = orderTM(a, b, "__lt");
    if (tm !== undefined) return truthy(callTM(tm, a, b));
  }
  throw orderError(a, b);
}

/** a <= b, falling back to not (b < a) as 5.1 does */
export function le(a: LuaValue, b: LuaValue): boolean {
  const ta = typeof a;
  if (ta === typeof b) {
    if (ta === "number") return (a as number) <= (b as number);
    if (ta === "string") return (a as string) <= (b as string);
    let tm = orderTM(a, b, "__le");
    if (tm !== undefined) return truthy(callTM(tm, a, b));
    tm = orderTM(b, a, "__lt");
    if (tm !== undefined) return !truthy(callTM(tm, b, a));
  }
  throw orderError(a, b);
}

export type { LuaFunction };
