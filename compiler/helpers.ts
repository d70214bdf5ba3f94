// The names of the runtime helpers that emitted code calls: the whole contract between
// compiler/ and runtime/. The runtime builds an object with exactly these keys
// (runtime/helpers.ts) and the emitted chunk destructures it once.

export const HELPERS = {
  /** shared empty result array */
  EMPTY: "$EMPTY",
  /** NaN with the sign bit set, what x86 computes for 0/0 (JS source can't spell it) */
  NAN: "$NAN",
  /** interrupt counter object { n } and the hook called when it runs out */
  counter: "$C",
  hook: "$hook",
  /** first value of a call result */
  first: "$first",
  /** all values of a call result as an array */
  all: "$all",
  /** f is not a function: returns something callable that applies __call or throws */
  callable: "$callable",
  /** index with metamethods: (t, k, desc) */
  index: "$index",
  /** index by a constant string key with its hash (lower/keys.ts): (t, k, h, desc) */
  indexs: "$indexs",
  /** global read/write on the chunk environment: (env, name, h) and (env, name, h, value) */
  gget: "$gget",
  gset: "$gset",
  /** t[k] = v with metamethods: (t, k, v, desc) */
  setindex: "$setindex",
  /** t[k] = v by a constant string key with its hash: (t, k, h, v, desc) */
  setindexs: "$setindexs",
  /** arithmetic slow paths: (a, b, descA, descB) */
  add: "$add",
  sub: "$sub",
  mul: "$mul",
  div: "$div",
  mod: "$mod",
  pow: "$pow",
  /** C's pow on two numbers (the `^` fast path): glibc's special cases, exact integer powers */
  powr: "$powr",
  unm: "$unm",
  concat: "$concat",
  len: "$len",
  eq: "$eq",
  lt: "$lt",
  le: "$le",
  /** table constructors: (arrayValues, hashKeysAndValues?, lastMulti?) */
  table: "$table",
  /** a constructor's new table sized by its item counts (narr, nhash), and a record field of it
   * with a constant string key: (t, k, h, v) */
  tnew: "$tnew",
  tsets: "$tsets",
  /** a constructor of distinct constant string keys: (keysAsJson, ...values) */
  trec: "$trec",
  /** LUA_COMPAT_VARARG's `arg` table of a vararg function: ($va) → {..., n = #} */
  vatable: "$vatable",
  /** numeric for prelude: converts and checks (value, what) */
  forNum: "$fornum",
  /** generic for: iterator state object */
  iter: "$iter",
  /** attaches a function's generator twin: (normal, generator) → normal */
  gen: "$gen",
  /** generator-mode call (coroutines): (f, desc, args) */
  gcall: "$gcall",
} as const;

export type HelperName = keyof typeof HELPERS;

/** Name of the parameter through which a chunk receives the helpers object. */
export const RT_PARAM = "$rt";
/** Name of the chunk's environment (globals table) variable. */
export const ENV_VAR = "$env";
/** Name of the rest parameter holding a vararg function's `...`. */
export const VARARG_VAR = "$va";
