// LuaTable: Lua 5.1's table as ltable.c builds it, so that `next`/`pairs` order and the `#`
// border match the real interpreter: an array part sized at rehash time (computesizes), a node
// part of 2^k nodes with Lua's main positions, Brent-style collision moves and the `lastfree`
// scan. Uses value.ts for the value types and errors.ts for "table index is nil"-style errors.
//
// Lookups never compute Lua's hashes: a JS Map from key to node index answers `get`; Lua's hash
// of a key (luaS_hash, hashnum, ...) is computed once, when the key is inserted, and kept beside
// the node so that moves and rehashes reuse it. A key whose value is set to nil keeps its node
// (a "dead key") until the next rehash, as in ltable.c, so clearing fields during traversal works.
import type { LuaValue } from "./value.js";
import { LuaError } from "./errors.js";

/** ltable.c: max size of the array part is 2^MAXBITS. */
const MAXBITS = 26;
const MAXASIZE = 1 << MAXBITS;
const MAX_INT = 2147483647;

const NO_VALUES: LuaValue[] = [];
const NO_NUMBERS: number[] = [];

// ---- Lua's hash functions ---------------------------------------------------------------

let hashEveryChar = false;

/**
 * Redis patches Lua's string hash to read every byte (lstring.c's `step = 1`), where Lua 5.1
 * reads at most ~32 of them. The engine that runs Redis scripts turns this on before it builds
 * any table; the standalone Lua profile leaves it off. It changes `pairs` order only.
 */
export function setRedisStringHash(on: boolean): void {
  hashEveryChar = on;
}

/** luaS_hash over the latin1 bytes of a JS string: seed = length, step from the length. */
export function luaStringHash(s: string): number {
  const l = s.length;
  let h = l >>> 0;
  const step = hashEveryChar ? 1 : (l >> 5) + 1;
  for (let l1 = l; l1 >= step; l1 -= step) {
    h = (h ^ (((h << 5) + (h >>> 2) + s.charCodeAt(l1 - 1)) >>> 0)) >>> 0;
  }
  return h;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** hashnum's sum of the two 32-bit words of the double (the caller maps 0 and -0 to node 0). */
export function luaNumberHash(n: number): number {
  f64[0] = n;
  return (u32[0] + u32[1]) >>> 0;
}

// Tables, functions, threads and userdata hash by address in C; any stable number will do.
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

function objectHash(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId = (nextObjectId + 40) >>> 0;
    objectIds.set(o, id);
  }
  return id;
}

function keyHash(key: LuaValue): number {
  switch (typeof key) {
    case "string":
      return luaStringHash(key);
    case "number":
      return luaNumberHash(key);
    case "boolean":
      return key ? 1 : 0;
    default:
      return objectHash(key as object);
  }
}

/** luaO_log2(x - 1) + 1 for x >= 1: the exponent of the smallest power of 2 >= x. */
function ceilLog2(x: number): number {
  return x <= 1 ? 0 : 32 - Math.clz32(x - 1);
}

/** arrayindex + countint's range test: k if key is an integer in 1..MAXASIZE, else 0. */
function arrayCandidate(key: LuaValue): number {
  if (typeof key === "number" && key >= 1 && key <= MAXASIZE && Math.floor(key) === key) return key;
  return 0;
}

/** lobject.c luaO_int2fb: the "floating point byte" OP_NEWTABLE stores a size hint in. */
export function int2fb(x: number): number {
  let e = 0;
  while (x >= 16) {
    x = (x + 1) >>> 1;
    e++;
  }
  return x < 8 ? x : ((e + 1) << 3) | (x - 8);
}

/** lobject.c luaO_fb2int. */
export function fb2int(x: number): number {
  const e = (x >>> 3) & 31;
  return e === 0 ? x : ((x & 7) + 8) * 2 ** (e - 1);
}

// ---- the table ------------------------------------------------------------------------------

export class LuaTable {
  /** The array part: t[i] lives at arr[i - 1]; arr.length is Lua's sizearray (slots may be nil). */
  arr: LuaValue[];
  /** Node part, nsize = 0 (Lua's dummynode) or 2^k nodes: key, value, chain link, Lua hash. */
  private nkey: LuaValue[] = NO_VALUES;
  private nval: LuaValue[] = NO_VALUES;
  private nnext: number[] = NO_NUMBERS;
  private nhash: number[] = NO_NUMBERS;
  private nsize = 0;
  /** Every node below this index may be in use; free nodes are searched downwards from here. */
  private lastfree = 0;
  /** key → node index for every key in the node part, dead keys included. */
  private index: Map<LuaValue, number> | undefined = undefined;
  metatable: LuaTable | undefined = undefined;

  /** A table whose array part is exactly `arr` (t[i] = arr[i-1]; nil slots allowed); no copy. */
  constructor(arr?: LuaValue[]) {
    this.arr = arr ?? [];
  }

  /** Builds a table from the values of a JS array (t[1] = values[0], …), copying them. */
  static fromValues(values: readonly LuaValue[]): LuaTable {
    return new LuaTable(values.slice());
  }

  /** lua_createtable(L, narr, nrec): exact sizes for the array and node parts. */
  static create(narr: number, nrec: number): LuaTable {
    const arr: LuaValue[] = [];
    for (let i = 0; i < narr; i++) arr.push(undefined);
    const t = new LuaTable(arr);
    if (nrec > 0) t.setNodeVector(nrec);
    return t;
  }

  /**
   * The table a constructor `{...}` makes before it stores anything (OP_NEWTABLE): `narr` is the
   * number of list items (a final multi-value call or `...` not counted) and `nhash` the number
   * of record fields; both are rounded up as the byte-sized hints in the bytecode round them.
   */
  static sized(narr: number, nhash: number): LuaTable {
    return LuaTable.create(fb2int(int2fb(narr)), fb2int(int2fb(nhash)));
  }

  /**
   * OP_SETLIST: t[start], t[start+1], … = values, growing the array part to hold them all
   * (luaH_resizearray) when they reach past it, as a constructor's list items do.
   */
  setList(values: readonly LuaValue[], start = 1): void {
    const last = start + values.length - 1;
    if (last > this.arr.length) this.resize(last, this.nsize);
    const arr = this.arr;
    for (let i = 0; i < values.length; i++) arr[start - 1 + i] = values[i];
  }

  // ---- raw access -------------------------------------------------------------------------

  get(key: LuaValue): LuaValue {
    if (typeof key === "number") return this.getNum(key);
    if (this.index === undefined) return undefined;
    const n = this.index.get(key);
    return n === undefined ? undefined : this.nval[n];
  }

  getStr(key: string): LuaValue {
    if (this.index === undefined) return undefined;
    const n = this.index.get(key);
    return n === undefined ? undefined : this.nval[n];
  }

  getNum(key: number): LuaValue {
    const arr = this.arr;
    const i = key - 1;
    if (i >= 0 && i < arr.length && (i | 0) === i) return arr[i];
    if (this.index === undefined) return undefined;
    const n = this.index.get(key);
    return n === undefined ? undefined : this.nval[n];
  }

  /** luaH_set + store: creates the key's node even when value is nil, as Lua does. */
  set(key: LuaValue, value: LuaValue): void {
    if (typeof key === "number") return this.setNum(key, value);
    if (typeof key === "string") return this.setStr(key, value);
    if (key === undefined) throw new LuaError("table index is nil", 1);
    const n = this.index?.get(key);
    if (n !== undefined) this.nval[n] = value;
    else this.newKey(key, value, keyHash(key));
  }

  setStr(key: string, value: LuaValue): void {
    const n = this.index?.get(key);
    if (n !== undefined) this.nval[n] = value;
    else this.newKey(key, value, luaStringHash(key));
  }

  setNum(key: number, value: LuaValue): void {
    const arr = this.arr;
    const i = key - 1;
    if (i >= 0 && i < arr.length && (i | 0) === i) {
      arr[i] = value;
      return;
    }
    const n = this.index?.get(key);
    if (n !== undefined) this.nval[n] = value;
    else if (key !== key) throw new LuaError("table index is NaN", 1);
    else this.newKey(key, value, key === 0 ? 0 : luaNumberHash(key));
  }

  // ---- ltable.c: insertion --------------------------------------------------------------

  /** mainposition: hashpow2 for strings and booleans, hashmod for numbers and objects. */
  private mainPosition(key: LuaValue, h: number): number {
    const t = typeof key;
    if (t === "string" || t === "boolean") return h & (this.nsize - 1);
    if (key === 0) return 0; // hashnum: "avoid problems with -0"
    return h % ((this.nsize - 1) | 1);
  }

  /** getfreepos: scan down from lastfree for a node whose key is nil. */
  private freePosition(): number {
    const nkey = this.nkey;
    while (this.lastfree > 0) {
      this.lastfree--;
      if (nkey[this.lastfree] === undefined) return this.lastfree;
    }
    return -1;
  }

  /**
   * newkey: put a key that is in neither part into the node part. If its main position is
   * taken, the newcomer goes to a free node, unless the node there is out of its own main
   * position, in which case that node moves to the free node. With no free node, rehash.
   */
  private newKey(key: LuaValue, value: LuaValue, h: number): void {
    if (this.nsize === 0) return this.rehashInsert(key, value, h);
    const { nkey, nval, nnext, nhash } = this;
    const index = this.index!;
    let mp = this.mainPosition(key, h);
    if (nval[mp] !== undefined) {
      const free = this.freePosition();
      if (free < 0) return this.rehashInsert(key, value, h);
      let other = this.mainPosition(nkey[mp], nhash[mp]);
      if (other !== mp) {
        // the colliding node is out of its main position: move it to the free node
        while (nnext[other] !== mp) other = nnext[other];
        nnext[other] = free;
        nkey[free] = nkey[mp];
        nval[free] = nval[mp];
        nnext[free] = nnext[mp];
        nhash[free] = nhash[mp];
        index.set(nkey[free], free);
        nnext[mp] = -1;
        nval[mp] = undefined;
        nkey[mp] = undefined;
      } else {
        // the colliding node is in its main position: the new key goes to the free node
        nnext[free] = nnext[mp];
        nnext[mp] = free;
        mp = free;
      }
    }
    const dead = nkey[mp];
    if (dead !== undefined) index.delete(dead); // a dead key's node is reused
    nkey[mp] = key;
    nval[mp] = value;
    nhash[mp] = h;
    index.set(key, mp);
  }

  /** rehash, then luaH_set again: the key may now belong to the array part. */
  private rehashInsert(key: LuaValue, value: LuaValue, h: number): void {
    this.rehash(key);
    this.insertFresh(key, value, h);
  }

  /** luaH_set for a key known to be absent from the node part. */
  private insertFresh(key: LuaValue, value: LuaValue, h: number): void {
    if (typeof key === "number") {
      const i = key - 1;
      if (i >= 0 && i < this.arr.length && (i | 0) === i) {
        this.arr[i] = value;
        return;
      }
    }
    this.newKey(key, value, h);
  }

  // ---- ltable.c: rehash ---------------------------------------------------------------------

  /** rehash: count integer keys by power-of-2 slices, then resize both parts. */
  private rehash(extraKey: LuaValue): void {
    const nums = new Array<number>(MAXBITS + 1).fill(0);
    let nasize = this.numUseArray(nums);
    let totaluse = nasize;
    // numusehash
    const { nkey, nval } = this;
    for (let i = this.nsize - 1; i >= 0; i--) {
      if (nval[i] !== undefined) {
        const k = arrayCandidate(nkey[i]);
        if (k > 0) {
          nums[ceilLog2(k)]++;
          nasize++;
        }
        totaluse++;
      }
    }
    const k = arrayCandidate(extraKey);
    if (k > 0) {
      nums[ceilLog2(k)]++;
      nasize++;
    }
    totaluse++;
    // computesizes: the largest n (a power of 2) with more than n/2 slots 1..n in use
    let a = 0;
    let na = 0;
    let n = 0;
    for (let i = 0, twotoi = 1; twotoi >> 1 < nasize; i++, twotoi *= 2) {
      if (nums[i] > 0) {
        a += nums[i];
        if (a > twotoi >> 1) {
          n = twotoi;
          na = a;
        }
      }
      if (a === nasize) break;
    }
    this.resize(n, totaluse - na);
  }

  /** numusearray: non-nil slots of the array part, per slice (2^(lg-1), 2^lg]. */
  private numUseArray(nums: number[]): number {
    const arr = this.arr;
    const size = arr.length;
    let ause = 0;
    let i = 1;
    for (let lg = 0, ttlg = 1; lg <= MAXBITS; lg++, ttlg *= 2) {
      let lc = 0;
      let lim = ttlg;
      if (lim > size) {
        lim = size;
        if (i > lim) break;
      }
      for (; i <= lim; i++) if (arr[i - 1] !== undefined) lc++;
      nums[lg] += lc;
      ause += lc;
    }
    return ause;
  }

  /** setnodevector: a fresh node part of 2^ceil(log2(size)) free nodes (or none). */
  private setNodeVector(size: number): void {
    if (size === 0) {
      this.nkey = NO_VALUES;
      this.nval = NO_VALUES;
      this.nnext = NO_NUMBERS;
      this.nhash = NO_NUMBERS;
      this.nsize = 0;
      this.lastfree = 0;
      this.index = undefined;
      return;
    }
    const lsize = ceilLog2(size);
    if (lsize > MAXBITS) throw new LuaError("table overflow", 1);
    size = 1 << lsize;
    const nkey: LuaValue[] = [];
    const nval: LuaValue[] = [];
    const nnext: number[] = [];
    const nhash: number[] = [];
    for (let i = 0; i < size; i++) {
      nkey.push(undefined);
      nval.push(undefined);
      nnext.push(-1);
      nhash.push(0);
    }
    this.nkey = nkey;
    this.nval = nval;
    this.nnext = nnext;
    this.nhash = nhash;
    this.nsize = size;
    this.lastfree = size;
    this.index = new Map();
  }

  /** resize: new sizes for both parts, then re-insert what no longer fits where it was. */
  private resize(nasize: number, nhsize: number): void {
    const old = this.arr;
    const oldasize = old.length;
    const { nkey, nval, nhash } = this;
    const oldnsize = this.nsize;
    if (nasize > oldasize) {
      for (let i = oldasize; i < nasize; i++) old.push(undefined);
    }
    this.setNodeVector(nhsize);
    if (nasize < oldasize) {
      this.arr = old.slice(0, nasize);
      // re-insert the vanishing slice, in increasing key order
      for (let i = nasize; i < oldasize; i++) {
        const v = old[i];
        if (v !== undefined) this.newKey(i + 1, v, luaNumberHash(i + 1));
      }
    }
    // re-insert the old nodes, from the last one down
    for (let i = oldnsize - 1; i >= 0; i--) {
      const v = nval[i];
      if (v !== undefined) this.insertFresh(nkey[i], v, nhash[i]);
    }
  }

  // ---- length and traversal ----------------------------------------------------------------

  /** luaH_getn: a border, found by binary search in the array part or unbound_search beyond. */
  length(): number {
    const arr = this.arr;
    let j = arr.length;
    if (j > 0 && arr[j - 1] === undefined) {
      // there is a border in the array part: binary search for it
      let i = 0;
      while (j - i > 1) {
        const m = Math.floor((i + j) / 2);
        if (arr[m - 1] === undefined) j = m;
        else i = m;
      }
      return i;
    }
    if (this.nsize === 0) return j;
    return this.unboundSearch(j);
  }

  /** unbound_search: double j until t[j] is nil, then binary search back (linear if absurd). */
  private unboundSearch(j: number): number {
    let i = j; // zero or a present index
    j++;
    while (this.getNum(j) !== undefined) {
      i = j;
      j *= 2;
      if (j > MAX_INT) {
        // a table built to defeat the search: resort to a linear scan
        i = 1;
        while (this.getNum(i) !== undefined) i++;
        return i - 1;
      }
    }
    while (j - i > 1) {
      const m = Math.floor((i + j) / 2);
      if (this.getNum(m) === undefined) j = m;
      else i = m;
    }
    return i;
  }

  /** findindex: the traversal position of key (-1 before the first), or throws. */
  private findPosition(key: LuaValue): number {
    if (key === undefined) return -1;
    const size = this.arr.length;
    if (typeof key === "number" && key >= 1 && key <= size && (key | 0) === key) return key - 1;
    const n = this.index?.get(key);
    if (n === undefined) throw new LuaError("invalid key to 'next'", 0);
    return size + n;
  }

  /**
   * Traversal by position, for loops that must not allocate: positions 0..sizearray-1 are
   * the array part, then the nodes. Returns the position of the first non-nil entry after
   * `pos` (-1 to start), or -1 at the end. Read it with keyAt/valueAt. Valid while no new key
   * is inserted (assigning existing fields, nil included, is fine).
   */
  nextPosition(pos: number): number {
    const arr = this.arr;
    const size = arr.length;
    let i = pos + 1;
    for (; i < size; i++) if (arr[i] !== undefined) return i;
    const nval = this.nval;
    for (i -= size; i < this.nsize; i++) if (nval[i] !== undefined) return size + i;
    return -1;
  }

  keyAt(pos: number): LuaValue {
    const size = this.arr.length;
    return pos < size ? pos + 1 : this.nkey[pos - size];
  }

  valueAt(pos: number): LuaValue {
    const size = this.arr.length;
    return pos < size ? this.arr[pos] : this.nval[pos - size];
  }

  /**
   * `next(t, key)` (luaH_next): the key/value after `key` in traversal order (array part,
   * then nodes in index order), or undefined at the end. Throws "invalid key to 'next'" for
   * a key that is not in the table (dead keys are still in it).
   */
  next(key: LuaValue): [LuaValue, LuaValue] | undefined {
    const pos = this.nextPosition(this.findPosition(key));
    return pos < 0 ? undefined : [this.keyAt(pos), this.valueAt(pos)];
  }

  /** Number of non-nil entries in the node part. */
  hashCount(): number {
    let c = 0;
    const nval = this.nval;
    for (let i = 0; i < this.nsize; i++) if (nval[i] !== undefined) c++;
    return c;
  }

  /** Sizes Lua would report for this table (for tests): [sizearray, number of nodes]. */
  sizes(): [number, number] {
    return [this.arr.length, this.nsize];
  }
}
