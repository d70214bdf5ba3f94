// LuaTable: Lua 5.1's table as ltable.c builds it, so that `next`/`pairs` order and the `#`
// border match the real interpreter: an array part sized at rehash time (computesizes), a node
// part of 2^k nodes with Lua's main positions, Brent-style collision moves and the `lastfree`
// scan. Uses value.ts for the value types and errors.ts for "table index is nil"-style errors.
//
// Lookups never compute Lua's hashes. Each key in the node part has an "entry" (key, value,
// Lua hash, slot) at a stable entry id; the node slots hold entry ids and C's chain links. A big
// node part has a JS Map from key to entry id, which survives rehashes since ids don't change;
// a small one is scanned. Lua's hash of a key is computed once, when the key is inserted.
// A key set to nil keeps its node (a "dead key") until the next rehash, as in ltable.c, so
// clearing fields during traversal works.
import type { LuaValue } from "./value.js";
import { LuaError } from "./errors.js";

/** ltable.c: max size of the array part is 2^MAXBITS. */
const MAXBITS = 26;
const MAXASIZE = 1 << MAXBITS;
const MAX_INT = 2147483647;

/** Node parts up to this size are searched by a scan instead of a Map. */
const SCAN_LIMIT = 8;

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

function readonlyError(): LuaError {
  return new LuaError("Attempt to modify a readonly table", LuaError.VM);
}

/**
 * The read-only check of a write a library function makes through the C API (rawset,
 * setmetatable, table.insert…): Redis's lua_rawset/lua_setmetatable raise with luaG_runerror
 * while a C function runs, so the message has no position.
 */
export function checkWritable(t: LuaTable): void {
  if (t.readonly) throw new LuaError("Attempt to modify a readonly table", 0);
}

/** rehash's nums[]: scratch, as rehash never runs inside another rehash's counting. */
const nums = new Int32Array(MAXBITS + 1);

/** Copied to make small node parts: copying a packed array beats building one. */
const slotTemplates: number[][] = [];

/** 2^lsize slots all -1, as a packed array of small integers. */
function freeSlots(lsize: number): number[] {
  if (lsize <= 12) {
    let t = slotTemplates[lsize];
    if (t === undefined) t = slotTemplates[lsize] = freeSlotsSlow(1 << lsize);
    return t.slice();
  }
  return freeSlotsSlow(1 << lsize);
}

function freeSlotsSlow(size: number): number[] {
  return new Array<number>(size).fill(-1);
}

export class LuaTable {
  /** The array part: t[i] lives at arr[i - 1]; arr.length is Lua's sizearray (slots may be nil). */
  arr: LuaValue[];
  // Entries, by entry id: one per key that has a node (live or dead); free ids have no key.
  private ekey: LuaValue[] = NO_VALUES;
  private evalue: LuaValue[] = NO_VALUES;
  /** Lua's hash of the key (luaS_hash, hashnum's word sum, …), for mainposition */
  private ehash: number[] = NO_NUMBERS;
  /** the node slot holding the entry */
  private eslot: number[] = NO_NUMBERS;
  private efree: number[] = NO_NUMBERS;
  // The node part: 0 slots (Lua's dummynode) or 2^k, each an entry id or -1 when free,
  // and the chain link to the next slot (gnext), -1 at a chain's end.
  private slots: number[] = NO_NUMBERS;
  private snext: number[] = NO_NUMBERS;
  /** Every slot at or above this index is in use; free slots are searched downwards from here. */
  private lastfree = 0;
  /** The position `next` returned last (a hint for the next call), or -1. */
  private lastNext = -1;
  /** key → entry id when the node part is bigger than SCAN_LIMIT, dead keys included. */
  private index: Map<LuaValue, number> | undefined = undefined;
  metatable: LuaTable | undefined = undefined;
  /** Redis's read-only tables (lua_enablereadonlytable): every write raises an error. */
  readonly = false;

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
    if (nrec > 0) {
      t.setNodeVector(nrec);
      if (t.slots.length > SCAN_LIMIT) t.index = new Map();
    }
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
    if (last > this.arr.length) this.resize(last, this.slots.length);
    const arr = this.arr;
    for (let i = 0; i < values.length; i++) arr[start - 1 + i] = values[i];
  }

  // ---- raw access -------------------------------------------------------------------------

  /** The entry id of key (dead or alive) in the node part, or -1. Never called with nil. */
  private findEntry(key: LuaValue): number {
    const index = this.index;
    if (index !== undefined) {
      const id = index.get(key);
      return id === undefined ? -1 : id;
    }
    const ekey = this.ekey;
    for (let id = 0; id < ekey.length; id++) if (ekey[id] === key) return id;
    return -1;
  }

  get(key: LuaValue): LuaValue {
    if (typeof key === "number") return this.getNum(key);
    if (key === undefined) return undefined;
    const id = this.findEntry(key);
    return id < 0 ? undefined : this.evalue[id];
  }

  getStr(key: string): LuaValue {
    const id = this.findEntry(key);
    return id < 0 ? undefined : this.evalue[id];
  }

  getNum(key: number): LuaValue {
    const arr = this.arr;
    const i = key - 1;
    if (i >= 0 && i < arr.length && (i | 0) === i) return arr[i];
    const id = this.findEntry(key);
    return id < 0 ? undefined : this.evalue[id];
  }

  /** luaH_set + store: creates the key's node even when value is nil, as Lua does. */
  set(key: LuaValue, value: LuaValue): void {
    if (this.readonly) throw readonlyError();
    if (typeof key === "number") return this.setNum(key, value);
    if (typeof key === "string") return this.setStr(key, value);
    if (key === undefined) throw new LuaError("table index is nil", LuaError.VM);
    const id = this.findEntry(key);
    if (id >= 0) this.evalue[id] = value;
    else this.newKey(key, value, keyHash(key));
  }

  setStr(key: string, value: LuaValue): void {
    if (this.readonly) throw readonlyError();
    const id = this.findEntry(key);
    if (id >= 0) this.evalue[id] = value;
    else this.newKey(key, value, luaStringHash(key));
  }

  setNum(key: number, value: LuaValue): void {
    if (this.readonly) throw readonlyError();
    const arr = this.arr;
    const i = key - 1;
    if (i >= 0 && i < arr.length && (i | 0) === i) {
      arr[i] = value;
      return;
    }
    const id = this.findEntry(key);
    if (id >= 0) this.evalue[id] = value;
    else if (key !== key) throw new LuaError("table index is NaN", LuaError.VM);
    else this.newKey(key, value, key === 0 ? 0 : luaNumberHash(key));
  }

  // ---- entries --------------------------------------------------------------------------------

  /** A new entry for key, placed at slot. */
  private addEntry(key: LuaValue, value: LuaValue, h: number, slot: number): void {
    let id: number;
    if (this.efree.length > 0) {
      id = this.efree.pop()!;
      this.ekey[id] = key;
      this.evalue[id] = value;
      this.ehash[id] = h;
      this.eslot[id] = slot;
    } else {
      id = this.ekey.length;
      this.ekey.push(key);
      this.evalue.push(value);
      this.ehash.push(h);
      this.eslot.push(slot);
    }
    this.slots[slot] = id;
    this.index?.set(key, id);
  }

  private freeEntry(id: number): void {
    this.index?.delete(this.ekey[id]);
    this.ekey[id] = undefined;
    this.evalue[id] = undefined;
    if (this.efree === NO_NUMBERS) this.efree = [];
    this.efree.push(id);
  }

  // ---- ltable.c: insertion --------------------------------------------------------------

  /** mainposition: hashpow2 for strings and booleans, hashmod for numbers and objects. */
  private mainPosition(key: LuaValue, h: number): number {
    const size = this.slots.length;
    const t = typeof key;
    if (t === "string" || t === "boolean") return h & (size - 1);
    if (key === 0) return 0; // hashnum: "avoid problems with -0"
    return h % ((size - 1) | 1);
  }

  /** getfreepos: scan down from lastfree for a free slot. */
  private freePosition(): number {
    const slots = this.slots;
    while (this.lastfree > 0) {
      this.lastfree--;
      if (slots[this.lastfree] < 0) return this.lastfree;
    }
    return -1;
  }

  /**
   * newkey: put a key that is in neither part into the node part. If its main position is
   * taken, the newcomer goes to a free slot, unless the node there is out of its own main
   * position, in which case that node moves to the free slot. With no free slot, rehash.
   */
  private newKey(key: LuaValue, value: LuaValue, h: number): void {
    const slots = this.slots;
    if (slots.length === 0) return this.rehashInsert(key, value, h);
    const mp = this.mainPosition(key, h);
    const mid = slots[mp];
    if (mid < 0) return this.addEntry(key, value, h, mp);
    if (this.evalue[mid] === undefined) {
      // a dead key's node is reused in place, chain link and all
      this.index?.delete(this.ekey[mid]);
      this.ekey[mid] = key;
      this.evalue[mid] = value;
      this.ehash[mid] = h;
      this.index?.set(key, mid);
      return;
    }
    const free = this.freePosition();
    if (free < 0) return this.rehashInsert(key, value, h);
    this.collide(mp, mid, free);
    this.addEntry(key, value, h, slots[mp] < 0 ? mp : free);
  }

  /**
   * The collision step of newkey, for a taken main position mp (holding entry mid) and a free
   * slot: if mid is out of its own main position it moves to the free slot, leaving mp free,
   * else the free slot is chained after mp (the caller then fills whichever is free).
   */
  private collide(mp: number, mid: number, free: number): void {
    const { slots, snext } = this;
    let other = this.mainPosition(this.ekey[mid], this.ehash[mid]);
    if (other !== mp) {
      while (snext[other] !== mp) other = snext[other];
      snext[other] = free;
      slots[free] = mid;
      snext[free] = snext[mp];
      this.eslot[mid] = free;
      slots[mp] = -1;
      snext[mp] = -1;
    } else {
      snext[free] = snext[mp];
      snext[mp] = free;
    }
  }

  /** rehash, then luaH_set again: the key may now belong to the array part. */
  private rehashInsert(key: LuaValue, value: LuaValue, h: number): void {
    this.rehash(key);
    if (typeof key === "number") {
      const i = key - 1;
      if (i >= 0 && i < this.arr.length && (i | 0) === i) {
        this.arr[i] = value;
        return;
      }
    }
    this.newKey(key, value, h);
  }

  /** Re-inserts a live entry kept from before a resize (luaH_set into a fresh node part). */
  private reinsert(id: number): void {
    const key = this.ekey[id];
    if (typeof key === "number") {
      const i = key - 1;
      if (i >= 0 && i < this.arr.length && (i | 0) === i) {
        this.arr[i] = this.evalue[id];
        this.freeEntry(id);
        return;
      }
    }
    const slots = this.slots;
    const mp = this.mainPosition(key, this.ehash[id]);
    let slot = mp;
    const mid = slots[mp];
    if (mid >= 0) {
      // a fresh node part has no dead keys, and a free slot for every key it was sized for
      const free = this.freePosition();
      if (free < 0) throw new Error("LuaTable: no free node while resizing");
      this.collide(mp, mid, free);
      if (slots[mp] >= 0) slot = free;
    }
    slots[slot] = id;
    this.eslot[id] = slot;
  }

  // ---- ltable.c: rehash ---------------------------------------------------------------------

  /** rehash: count integer keys by power-of-2 slices, then resize both parts. */
  private rehash(extraKey: LuaValue): void {
    // nums[] is zeroed only once some key will be counted in it (tables of strings never are)
    let zeroed = this.arr.length > 0;
    if (zeroed) nums.fill(0);
    let nasize = zeroed ? this.numUseArray() : 0;
    let totaluse = nasize;
    // numusehash
    const { slots, ekey, evalue } = this;
    for (let i = slots.length - 1; i >= 0; i--) {
      const id = slots[i];
      if (id >= 0 && evalue[id] !== undefined) {
        const k = arrayCandidate(ekey[id]);
        if (k > 0) {
          if (!zeroed) nums.fill(0);
          zeroed = true;
          nums[ceilLog2(k)]++;
          nasize++;
        }
        totaluse++;
      }
    }
    const k = arrayCandidate(extraKey);
    if (k > 0) {
      if (!zeroed) nums.fill(0);
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
  private numUseArray(): number {
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

  /** setnodevector: a node part of 2^ceil(log2(size)) free slots (none for size 0). */
  private setNodeVector(size: number): void {
    if (size === 0) {
      this.slots = NO_NUMBERS;
      this.snext = NO_NUMBERS;
      this.lastfree = 0;
      return;
    }
    const lsize = ceilLog2(size);
    if (lsize > MAXBITS) throw new LuaError("table overflow", LuaError.VM);
    size = 1 << lsize;
    this.slots = freeSlots(lsize);
    this.snext = freeSlots(lsize);
    this.lastfree = size;
    if (this.ekey === NO_VALUES) {
      this.ekey = [];
      this.evalue = [];
      this.ehash = [];
      this.eslot = [];
    }
  }

  /** resize: new sizes for both parts, then re-insert what no longer fits where it was. */
  private resize(nasize: number, nhsize: number): void {
    const old = this.arr;
    const oldasize = old.length;
    const oldslots = this.slots;
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
    // re-insert the old nodes, from the last one down; dead keys are dropped
    for (let i = oldslots.length - 1; i >= 0; i--) {
      const id = oldslots[i];
      if (id < 0) continue;
      if (this.evalue[id] !== undefined) this.reinsert(id);
      else this.freeEntry(id);
    }
    if (this.slots.length > SCAN_LIMIT) {
      if (this.index === undefined) {
        const index = (this.index = new Map());
        const ekey = this.ekey;
        for (let id = 0; id < ekey.length; id++) if (ekey[id] !== undefined) index.set(ekey[id], id);
      }
    } else {
      this.index = undefined;
      if (this.efree.length > 0) this.compact();
    }
  }

  /** Renumbers the entries densely, in slot order (for a small node part, which has no Map). */
  private compact(): void {
    const { slots, ekey, evalue, ehash } = this;
    this.ekey = [];
    this.evalue = [];
    this.ehash = [];
    this.eslot = [];
    this.efree = NO_NUMBERS;
    for (let s = 0; s < slots.length; s++) {
      const id = slots[s];
      if (id < 0) continue;
      slots[s] = this.ekey.length;
      this.ekey.push(ekey[id]);
      this.evalue.push(evalue[id]);
      this.ehash.push(ehash[id]);
      this.eslot.push(s);
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
        const m = (i + j) >>> 1;
        if (arr[m - 1] === undefined) j = m;
        else i = m;
      }
      return i;
    }
    if (this.slots.length === 0) return j;
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

  /**
   * findindex: the traversal position of key (-1 for nil, before the first), or throws
   * "invalid key to 'next'". `hint`, a position the key had, is tried first: an iterator that
   * remembers where it was skips the lookup, and still follows the key if a rehash moved it.
   */
  positionOf(key: LuaValue, hint = -1): number {
    if (key === undefined) return -1;
    const size = this.arr.length;
    if (hint >= 0) {
      if (hint < size) {
        if (hint + 1 === key) return hint;
      } else if (hint - size < this.slots.length) {
        const id = this.slots[hint - size];
        if (id >= 0 && this.ekey[id] === key) return hint;
      }
    }
    if (typeof key === "number" && key >= 1 && key <= size && (key | 0) === key) return key - 1;
    const id = this.findEntry(key);
    if (id < 0) throw new LuaError("invalid key to 'next'", 0);
    return size + this.eslot[id];
  }

  /**
   * Traversal by position, for loops that must not allocate: positions 0..sizearray-1 are
   * the array part, then the node slots. Returns the position of the first non-nil entry after
   * `pos` (-1 to start), or -1 at the end. Read it with keyAt/valueAt. Valid while no new key
   * is inserted (assigning existing fields, nil included, is fine).
   */
  nextPosition(pos: number): number {
    const arr = this.arr;
    const size = arr.length;
    let i = pos + 1;
    for (; i < size; i++) if (arr[i] !== undefined) return i;
    const { slots, evalue } = this;
    for (i -= size; i < slots.length; i++) {
      const id = slots[i];
      if (id >= 0 && evalue[id] !== undefined) return size + i;
    }
    return -1;
  }

  keyAt(pos: number): LuaValue {
    const size = this.arr.length;
    return pos < size ? pos + 1 : this.ekey[this.slots[pos - size]];
  }

  valueAt(pos: number): LuaValue {
    const size = this.arr.length;
    return pos < size ? this.arr[pos] : this.evalue[this.slots[pos - size]];
  }

  /**
   * `next(t, key)` (luaH_next): the key/value after `key` in traversal order (array part,
   * then node slots in order), or undefined at the end. Throws "invalid key to 'next'" for
   * a key that is not in the table (dead keys are still in it).
   */
  next(key: LuaValue): [LuaValue, LuaValue] | undefined {
    // a traversal usually asks for the key it was just given: try where that was first
    const pos = this.nextPosition(this.positionOf(key, this.lastNext));
    this.lastNext = pos;
    return pos < 0 ? undefined : [this.keyAt(pos), this.valueAt(pos)];
  }

  /** Number of non-nil entries in the node part. */
  hashCount(): number {
    let c = 0;
    const evalue = this.evalue;
    for (const id of this.slots) if (id >= 0 && evalue[id] !== undefined) c++;
    return c;
  }

  /** Sizes Lua would report for this table (for tests): [sizearray, number of node slots]. */
  sizes(): [number, number] {
    return [this.arr.length, this.slots.length];
  }
}
