// The arrays a LuaTable's node part is made of (runtime/table.ts), and the replay of a run of
// string-key stores on scratch arrays that gives cjson's decoded objects their node part
// without storing the keys one by one (layoutStringKeys); the layouts' transitions' limits,
// their budget and the empty table's layout (LuaTable.newKey, helpers.ts's trec).
import type { LuaValue } from "./value.js";
import { STRING_HASH_MASK, ceilLog2, luaStringHash } from "./table-hash.js";

/** Node parts up to this many nodes are searched by a scan instead of along chains. */
export const SCAN_LIMIT = 8;

/** The empty array part and Lua's dummynode (an empty node part); never written to. */
export const NOTHING: LuaValue[] = [];
export const NO_LINKS: number[] = [];

// A node part is up to four arrays of 2^k entries, one word per node each (so that only node
// parts of 16K nodes and more reach V8's large-object space): keys, values, chain links and
// hashes. They are made by copying packed templates, which beats building them.
const TEMPLATE_BITS = 14;
const freeKeys: LuaValue[][] = [];
export const freeLinks: number[][] = [];

/** 2^lsize nils (the keys or values of free nodes). */
export function nils(lsize: number): LuaValue[] {
  // small parts as literals, which V8 allocates inline (a copy of a template calls a builtin)
  switch (lsize) {
    case 0:
      return [undefined];
    case 1:
      return [undefined, undefined];
    case 2:
      return [undefined, undefined, undefined, undefined];
    case 3:
      return [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  }
  return copies(freeKeys, lsize, undefined);
}

/** 2^lsize copies of a small integer (chain ends, or hashes not yet known). */
export function integers(templates: number[][], lsize: number, x: number): number[] {
  return copies(templates, lsize, x);
}

/** 2^lsize copies of x, copied from (or doubled from) the template of templates[] for x. */
function copies<T>(templates: T[][], lsize: number, x: T): T[] {
  const bits = Math.min(lsize, TEMPLATE_BITS);
  let t = templates[bits];
  if (t === undefined) {
    t = [];
    for (let i = 0; i < 1 << bits; i++) t.push(x);
    templates[bits] = t;
  }
  if (lsize <= TEMPLATE_BITS) return t.slice();
  for (let i = TEMPLATE_BITS; i < lsize; i++) t = t.concat(t);
  return t;
}
export const freeHashes: number[][] = [];

// Scratch for fromStringPairs: per node, the pair whose key it holds (-1: free) and whose
// value; its chain link; per pair, its key's hash.
let simSlot = new Int32Array(64);
let simVal = new Int32Array(64);
let simNext = new Int32Array(64);
let simHash = new Int32Array(64);
let simOldSlot = new Int32Array(64);
let simOldVal = new Int32Array(64);
let simLastfree = 0;
/** whether the node part got links (a small one gets them at its first collision) */
let simLinked = false;

/** newkey for pair j (its key absent) with value v into a node part of `size`; false: rehash. */
function simPlace(j: number, v: number, size: number): boolean {
  let mp = simHash[j] & (size - 1);
  if (simSlot[mp] >= 0) {
    let free = -1;
    while (simLastfree > 0) {
      simLastfree--;
      if (simSlot[simLastfree] < 0) {
        free = simLastfree;
        break;
      }
    }
    if (free < 0) return false;
    simLinked = true;
    let other = simHash[simSlot[mp]] & (size - 1);
    if (other !== mp) {
      while (simNext[other] !== mp) other = simNext[other];
      simNext[other] = free;
      simSlot[free] = simSlot[mp];
      simVal[free] = simVal[mp];
      simNext[free] = simNext[mp];
      simNext[mp] = -1;
    } else {
      simNext[free] = simNext[mp];
      simNext[mp] = free;
      mp = free;
    }
  }
  simSlot[mp] = j;
  simVal[mp] = v;
  return true;
}

/**
 * The node part a sequence of string keys leaves (LuaTable.layoutStringKeys): per node its key
 * (a template: each table copies it), which value each used node holds, the chain links and
 * hashes (templates, or NO_LINKS), and lastfree.
 */
export interface StringKeysLayout {
  readonly lsize: number;
  /** (never written: tables share it until they copy it, see unshareLayout) */
  readonly nkey: LuaValue[];
  /** the used nodes, in node order */
  readonly nodes: readonly number[];
  /** per used node, the index of its value among the stores (the last store of its key) */
  readonly from: readonly number[];
  readonly nnext: number[];
  readonly nhash: number[];
  readonly lastfree: number;
  /**
   * Where a table of this layout goes when a new string key is stored into it (every used
   * node still holding a value): LuaTable.newKey's cache, made on the first such store.
   */
  transitions?: Map<string, LayoutTransition>;
}

/**
 * A new string key stored into a table of some layout: the layout the node part then has, and
 * per used node of it (in `layout.nodes` order) the old node whose value it takes, or -1 for
 * the new key's.
 */
export interface LayoutTransition {
  readonly layout: StringKeysLayout;
  readonly src: readonly number[];
}

/**
 * The node part that storing t[keys[0]], …, t[keys[n-1]] (n > 0, non-nil values) into a new
 * table leaves: newkey and rehash are replayed on scratch arrays, with each key hashed once.
 * It depends on the keys alone, so objects with the same keys in the same order share it
 * (fromLayout). Same layout, links and lastfree as the stores one by one
 * (spec/unit/table/pairs.test.ts).
 */
export function layoutStringKeys(keys: readonly string[], n: number): StringKeysLayout {
  if (simHash.length < n) simHash = new Int32Array(2 * n);
  for (let j = 0; j < n; j++) simHash[j] = luaStringHash(keys[j]) & STRING_HASH_MASK;
  let size = 0; // the dummynode: the first key rehashes
  let count = 0;
  simLastfree = 0;
  simLinked = false;
  for (let j = 0; j < n; j++) {
    // an existing key takes the new value
    let found = -1;
    if (size > 0) {
      const key = keys[j];
      for (let s = simHash[j] & (size - 1); s >= 0; s = simNext[s]) {
        const p = simSlot[s];
        if (p >= 0 && keys[p] === key) {
          found = s;
          break;
        }
      }
    }
    if (found >= 0) {
      simVal[found] = j;
      continue;
    }
    if (size > 0 && simPlace(j, j, size)) {
      count++;
      continue;
    }
    // rehash: string keys only, so no array part and a node part for all of them plus this one
    const oldSize = size;
    if (simOldSlot.length < oldSize) {
      simOldSlot = new Int32Array(2 * oldSize);
      simOldVal = new Int32Array(2 * oldSize);
    }
    for (let s = 0; s < oldSize; s++) {
      simOldSlot[s] = simSlot[s];
      simOldVal[s] = simVal[s];
    }
    size = 1 << ceilLog2(count + 1);
    if (simSlot.length < size) {
      simSlot = new Int32Array(2 * size);
      simVal = new Int32Array(2 * size);
      simNext = new Int32Array(2 * size);
    }
    for (let s = 0; s < size; s++) {
      simSlot[s] = -1;
      simNext[s] = -1;
    }
    simLastfree = size;
    simLinked = size > SCAN_LIMIT;
    for (let s = oldSize - 1; s >= 0; s--) simPlace(simOldSlot[s], simOldVal[s], size);
    simPlace(j, j, size);
    count++;
  }
  const lsize = ceilLog2(size);
  const nkey = nils(lsize);
  // plain arrays: a typed array costs more to make than these few numbers
  const nodes: number[] = [];
  const from: number[] = [];
  for (let s = 0; s < size; s++) {
    const p = simSlot[s];
    if (p >= 0) {
      nkey[s] = keys[p];
      nodes.push(s);
      from.push(simVal[s]);
    }
  }
  let nnext = NO_LINKS;
  if (simLinked) {
    nnext = integers(freeLinks, lsize, -1);
    for (let s = 0; s < size; s++) nnext[s] = simNext[s];
  }
  let nhash = NO_LINKS;
  if (size > SCAN_LIMIT) {
    nhash = integers(freeHashes, lsize, 0);
    for (let s = 0; s < size; s++) if (simSlot[s] >= 0) nhash[s] = simHash[simSlot[s]];
  }
  return { lsize, nkey, nodes, from, nnext, nhash, lastfree: simLastfree };
}

// ---- transitions (LuaTable.newKey) ------------------------------------------------------

/** Node parts of up to this many nodes keep the transitions of their layouts (newKey). */
export const TRANSITION_NODES = 16;
/** The most new keys a layout keeps transitions for. */
export const MAX_TRANSITIONS = 8;
/**
 * How many more transitions may be kept (a few hundred bytes each). Layouts that live on (a
 * script's constructors', helpers.ts's trec) keep theirs for as long as they live; their owner
 * starts afresh, dropping its layouts and resetting this, once it runs out.
 */
export const LAYOUT_BUDGET = 4096;
export const layoutBudget = { left: LAYOUT_BUDGET };
/**
 * The layout of a table with no node part, that tables made by an empty constructor (`{}`,
 * LuaTable.empty) start from: the root of the transitions of objects filled field by field
 * (`local o = setmetatable({}, C); o.a = a; o.b = b`). It keeps more transitions than other
 * layouts (every `{}` of the process shares it) and lives as long as the process, so
 * resetLayouts drops them with the budget.
 */
export const EMPTY_ROOT: StringKeysLayout = {
  lsize: 0,
  nkey: NOTHING,
  nodes: [],
  from: [],
  nnext: NO_LINKS,
  nhash: NO_LINKS,
  lastfree: 0,
};
export const MAX_ROOT_TRANSITIONS = 64;

/** Drops the empty table's transitions and refills the budget (helpers.ts's trec, when it starts afresh). */
export function resetLayouts(): void {
  EMPTY_ROOT.transitions = undefined;
  layoutBudget.left = LAYOUT_BUDGET;
}
