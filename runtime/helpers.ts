// The helpers object handed to every compiled chunk: exactly the names listed in
// compiler/helpers.ts, implemented over runtime/ops.ts and runtime/table.ts. Also owns
// the interrupt hook (its counter is line-hook.ts's), the generic-for iterator, and
// generator-mode calls.
import { HELPERS } from "../compiler/helpers.js";
import { LuaTable } from "./table.js";
import { type StringKeysLayout, layoutBudget, resetLayouts } from "./table-layout.js";
import { keyHash } from "./table-hash.js";
import { LuaError, MAXCCALLS, cCalls } from "./errors.js";
import * as ops from "./ops.js";
import { EMPTY, type LuaFunction, type LuaResult, type LuaValue } from "./value.js";
import { coroutineYield } from "./coroutine.js";
import { luaNext, ipairsAux, pairsNext } from "./lib/iterators.js";
import { NEGATIVE_NAN } from "./number.js";
import { cPow } from "./pow.js";
import { TICKS, lineHook, ticks } from "./line-hook.js";

export interface Interrupts {
  /** the counter emitted code decrements */
  counter: { n: number };
  /** called when the counter runs out; may throw a LuaInterrupt */
  check: () => void;
}

/** An engine's interrupts: the counter is the one all compiled code shares (one runs at a time). */
export function makeInterrupts(): Interrupts {
  const it: Interrupts = {
    counter: ticks,
    check: () => {},
  };
  return it;
}

function first(r: LuaResult): LuaValue {
  return Array.isArray(r) ? r[0] : r;
}

function all(r: LuaResult): LuaValue[] {
  return Array.isArray(r) ? r : [r];
}

/** Something callable for a value that is not a function: __call, or a deferred error. */
function callable(f: LuaValue, desc: string | undefined): LuaFunction {
  const h = ops.metamethod(f, "__call");
  if (typeof h === "function") return (...args: LuaValue[]) => h(f, ...args);
  // the error is raised at call time, after the arguments were evaluated, as in Lua
  return () => {
    throw ops.typeError(f, "call", desc);
  };
}

// Constant string keys come with their hash (table.ts keyHash) computed by the compiler, or -1
// for keys too long for it to know (the Redis profile hashes every byte of long strings).
const H_INDEX = keyHash("__index");
const H_NEWINDEX = keyHash("__newindex");

/**
 * Reads a global: the environment's raw field, or through its metatable. An `__index` table's
 * own field is read here (a function library's environment over the globals, Redis's and
 * setmetatable(_G, {__index = t})'s case); anything else goes through indexMissing.
 */
function gget(env: LuaTable, name: string, h: number): LuaValue {
  const v = h >= 0 ? env.getStrH(name, h) : env.getStr(name);
  const mt = env.metatable;
  if (v !== undefined || mt === undefined) return v;
  const idx = mt.getStrH("__index", H_INDEX);
  if (idx instanceof LuaTable) {
    const w = h >= 0 ? idx.getStrH(name, h) : idx.getStr(name);
    if (w !== undefined) return w;
  }
  return ops.indexMissing(env, name);
}

function gset(env: LuaTable, name: string, h: number, value: LuaValue): void {
  if (env.metatable === undefined) {
    if (h >= 0) env.setStrH(name, h, value);
    else env.setStr(name, value);
  } else if (h < 0 || !env.replaceStrH(name, h, value)) {
    ops.setindex(env, name, value);
  }
}

function index(t: LuaValue, k: LuaValue, desc?: string): LuaValue {
  if (t instanceof LuaTable) {
    const v = typeof k === "number" ? t.getNum(k) : typeof k === "string" ? t.getStr(k) : t.get(k);
    if (v !== undefined || t.metatable === undefined) return v;
    return ops.indexMissing(t, k);
  }
  if (typeof t === "string" && typeof k === "string") return stringIndex(t, k, desc);
  return ops.index(t, k, desc);
}

/** t.name: index with a constant string key and its hash. */
function indexs(t: LuaValue, k: string, h: number, desc?: string): LuaValue {
  if (t instanceof LuaTable) {
    if (h < 0) return index(t, k, desc);
    const v = t.getStrH(k, h);
    if (v !== undefined || t.metatable === undefined) return v;
    return inherited(t, k, h);
  }
  if (typeof t === "string") return stringIndex(t, k, desc);
  return ops.index(t, k, desc);
}

/**
 * t.name found nil in t itself, t having a metatable: follows a few __index tables with the
 * key's hash in hand (methods of classes). Anything else (an __index function, a long chain) is
 * the generic loop's, from t again: the raw lookups made here have no effects to repeat.
 */
function inherited(t: LuaTable, k: string, h: number): LuaValue {
  let u = t;
  for (let hop = 0; hop < 4; hop++) {
    const mt = u.metatable;
    if (mt === undefined) return undefined;
    const ix = mt.getStrH("__index", H_INDEX);
    if (ix === undefined) return undefined;
    if (!(ix instanceof LuaTable)) break;
    const v = ix.getStrH(k, h);
    if (v !== undefined) return v;
    u = ix;
  }
  return ops.indexMissing(t, k);
}

/** s:method(): the string metatable's __index is (normally) the string table itself. */
function stringIndex(s: string, k: string, desc?: string): LuaValue {
  const h = ops.shared.stringMeta?.getStrH("__index", H_INDEX);
  if (h instanceof LuaTable) {
    const v = h.getStr(k);
    if (v !== undefined || h.metatable === undefined) return v;
  }
  return ops.index(s, k, desc);
}

function setindex(t: LuaValue, k: LuaValue, v: LuaValue, desc?: string): void {
  if (t instanceof LuaTable && t.metatable === undefined) {
    if (typeof k === "number") t.setNum(k, v);
    else if (typeof k === "string") t.setStr(k, v);
    else t.set(k, v);
    return;
  }
  ops.setindex(t, k, v, desc);
}

/** t.name = v: setindex with a constant string key and its hash. */
function setindexs(t: LuaValue, k: string, h: number, v: LuaValue, desc?: string): void {
  if (t instanceof LuaTable && h >= 0) {
    if (t.metatable === undefined) return t.setStrH(k, h, v);
    // an existing field is assigned without looking at __newindex; with no __newindex, any
    if (t.replaceStrH(k, h, v)) return;
    if (t.metatable.getStrH("__newindex", H_NEWINDEX) === undefined) return t.setStrH(k, h, v);
  }
  setindex(t, k, v, desc);
}

/** 'for' initial value/limit/step: a number, or a string that converts, else 5.1's error. */
function fornum(v: LuaValue, what: string): number {
  if (typeof v === "number") return v;
  const n = ops.tonumber(v);
  if (n === undefined) throw new LuaError(`'for' ${what} must be a number`, LuaError.VM);
  return n;
}

/**
 * Table constructor: positional values, keyed [k, v, …] pairs, then a trailing multi-value.
 * Sized as OP_NEWTABLE's hints size it; record fields are stored as they come and list
 * items afterwards (OP_SETLIST), so a list item wins over a record field with its index.
 */
function table(positional?: LuaValue[], keyed?: LuaValue[], multi?: LuaResult): LuaTable {
  if (positional === undefined) return LuaTable.empty();
  const t = LuaTable.sized(positional.length, keyed === undefined ? 0 : keyed.length >> 1);
  if (keyed !== undefined) {
    for (let i = 0; i < keyed.length; i += 2) {
      const k = keyed[i];
      if (k === undefined) throw new LuaError("table index is nil", LuaError.VM);
      t.set(k, keyed[i + 1]);
    }
  }
  if (positional.length > 0) t.setList(positional);
  if (multi !== undefined) t.setList(all(multi), positional.length + 1);
  return t;
}

/** A record field `k = v` of a table under construction (no metatable yet), k constant. */
function tsets(t: LuaTable, k: string, h: number, v: LuaValue): void {
  if (h >= 0) t.setStrH(k, h, v);
  else t.setStr(k, v);
}

/** Per constructor signature (its keys as a JSON array): the keys and their recordLayout. */
const recordLayouts = new Map<string, { keys: string[]; layout: StringKeysLayout }>();
/**
 * The most signatures kept: past it (scripts come and go: SCRIPT FLUSH frees theirs, not this)
 * or once the layouts' transitions have used up their budget, all are dropped and made again
 * as needed.
 */
const MAX_RECORD_LAYOUTS = 4096;

/**
 * A table constructor of distinct constant string keys, `sig` being its keys as a JSON array
 * and `values` its fields' values in order: the node part comes from the constructor's layout.
 * A nil value makes the stores one by one (a key stored with nil leaves its node free for the
 * next key, so the layout differs).
 */
function trec(sig: string, ...values: LuaValue[]): LuaTable {
  let rec = recordLayouts.get(sig);
  if (rec === undefined) {
    if (recordLayouts.size >= MAX_RECORD_LAYOUTS || layoutBudget.left <= 0) {
      recordLayouts.clear();
      resetLayouts();
    }
    const keys = JSON.parse(sig) as string[];
    rec = { keys, layout: LuaTable.recordLayout(keys) };
    recordLayouts.set(sig, rec);
  }
  for (let i = 0; i < values.length; i++) {
    if (values[i] === undefined) return LuaTable.storedRecord(rec.keys, values);
  }
  return LuaTable.fromLayout(rec.layout, values);
}

/** The `arg` table a 5.1 vararg function gets when its body never uses `...`. */
function vatable(va: LuaValue[]): LuaTable {
  const t = LuaTable.sized(va.length, 1);
  t.setList(va);
  t.setStr("n", va.length);
  return t;
}

/** The generic-for iterator: calls f(s, c) each step; fast path for next over tables. */
export class ForIter {
  k: LuaValue = undefined;
  v: LuaValue = undefined;
  rest: LuaValue[] = EMPTY;
  /** traversal position of the control key (next() fast path) */
  private pos = -1;
  constructor(
    readonly f: LuaValue,
    readonly s: LuaValue,
    private c: LuaValue,
  ) {}

  step(): boolean {
    const f = this.f;
    let r: LuaResult;
    if ((f === pairsNext || f === luaNext) && this.s instanceof LuaTable) {
      // next() over a table, without allocating: follow the last key's traversal position
      const t = this.s;
      const pos = t.nextPosition(t.positionOf(this.c, this.pos));
      this.pos = pos;
      if (pos < 0) return false;
      this.c = this.k = t.keyAt(pos);
      this.v = t.valueAt(pos);
      return true;
    }
    if (f === ipairsAux && this.s instanceof LuaTable) {
      const n = (this.c as number) + 1;
      const v = this.s.getNum(n);
      if (v === undefined) return false;
      this.c = this.k = n;
      this.v = v;
      return true;
    }
    // OP_TFORLOOP calls the iterator through luaD_call: a C call while it runs
    if (++cCalls.depth >= MAXCCALLS) {
      cCalls.depth--;
      throw new LuaError("C stack overflow", LuaError.VM);
    }
    try {
      if (typeof f === "function") r = f(this.s, this.c);
      else r = ops.callMeta(f, undefined, [this.s, this.c]);
    } finally {
      cCalls.depth--;
    }
    return this.take(r);
  }

  private take(r: LuaResult): boolean {
    if (Array.isArray(r)) {
      const k = r[0];
      if (k === undefined) return false;
      this.c = this.k = k;
      this.v = r[1];
      if (r.length > 2) this.rest = r.slice(2);
      return true;
    }
    if (r === undefined) return false;
    this.c = this.k = r;
    this.v = undefined;
    return true;
  }
}

function iter(f: LuaValue, s: LuaValue, c: LuaValue): ForIter {
  return new ForIter(f, s, c);
}

/** The generator twin of a compiled function, used when it runs inside a coroutine. */
type GenFn = (...args: LuaValue[]) => Generator<LuaValue[], LuaResult, LuaValue[]>;

function gen(normal: LuaFunction, generator: GenFn): LuaFunction {
  (normal as LuaFunction & { $g?: GenFn }).$g = generator;
  return normal;
}

/** A call from generator-mode code: Lua functions run as generators, yield suspends. */
export function* gcall(
  f: LuaValue,
  desc: string | undefined,
  args: LuaValue[],
): Generator<LuaValue[], LuaResult, LuaValue[]> {
  if (typeof f === "function") {
    const g = (f as LuaFunction & { $g?: GenFn }).$g;
    if (g !== undefined) return yield* g(...args);
    if (f === coroutineYield) return yield args;
    return f(...args);
  }
  const h = ops.metamethod(f, "__call");
  if (typeof h !== "function") throw ops.typeError(f, "call", desc);
  return yield* gcall(h, undefined, [f, ...args]);
}

/** Builds the object a compiled chunk destructures its helpers from. */
export function makeHelpers(interrupts: Interrupts): Record<string, unknown> {
  const impl: Record<keyof typeof HELPERS, unknown> = {
    EMPTY,
    NAN: NEGATIVE_NAN,
    counter: interrupts.counter,
    hook: () => {
      interrupts.counter.n = TICKS;
      try {
        interrupts.check();
      } finally {
        // while Lua's line hook is on (after a kill) every check calls the hook
        if (lineHook.on) interrupts.counter.n = 0;
      }
    },
    first,
    all,
    callable,
    index,
    indexs,
    gget,
    gset,
    setindex,
    setindexs,
    add: ops.arith.bind(null, "__add"),
    sub: ops.arith.bind(null, "__sub"),
    mul: ops.arith.bind(null, "__mul"),
    div: ops.arith.bind(null, "__div"),
    mod: ops.arith.bind(null, "__mod"),
    pow: ops.arith.bind(null, "__pow"),
    powr: cPow,
    unm: ops.unm,
    concat: ops.concat,
    len: ops.len,
    eq: ops.eq,
    lt: ops.lt,
    le: ops.le,
    table,
    tnew: LuaTable.sized,
    tsets,
    trec,
    forNum: fornum,
    vatable,
    iter,
    gen,
    gcall,
  };
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(HELPERS) as (keyof typeof HELPERS)[]) out[HELPERS[key]] = impl[key];
  return out;
}
