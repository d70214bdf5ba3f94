// LuaTable: Lua 5.1's table as ltable.c builds it, so that `next`/`pairs` order and the `#`
// border match the real interpreter: an array part sized at rehash time (computesizes), a node
// part of 2^k nodes with Lua's main positions, Brent-style collision moves and the `lastfree`
// scan. Uses value.ts for the value types and errors.ts for "table index is nil"-style errors,
// table-hash.ts for Lua's hash functions and table-layout.ts for the node arrays' templates and
// the string-key layouts cjson's objects are made from.
//
// A small node part is scanned; a bigger one is searched as luaH_get does, along the collision
// chain from the key's main position (JS strings can't carry their Lua hash as TStrings do, so
// such a lookup computes it; compiled code passes constant keys' hashes along). A big node
// part keeps its string keys' hashes for the moves and rehashes that need their main positions
// again. A key set to nil keeps its node (a "dead key") until the
// next rehash, as in ltable.c, so clearing fields during traversal works.
//
// The array part is Lua's `sizearray` slots, of which a JS array stores a prefix (past it all
// are nil): appending is a JS push, and growing the part allocates nothing but for big parts,
// whose JS array is sized at once. The table knows where its last non-nil value is and how
// many nils come before it, so that `#` and rehash's counting skip the scans C does whenever
// that prefix has no holes, with the same results.
import type { LuaValue } from "./value.js";
import { LuaError } from "./errors.js";
import {
  MAXBITS,
  STRING_HASH_MASK,
  ceilLog2,
  fb2int,
  int2fb,
  keyHash,
  luaNumberHash,
  luaStringHash,
} from "./table-hash.js";
import {
  NOTHING,
  NO_LINKS,
  EMPTY_ROOT,
  MAX_ROOT_TRANSITIONS,
  MAX_TRANSITIONS,
  SCAN_LIMIT,
  TRANSITION_NODES,
  type LayoutTransition,
  type StringKeysLayout,
  freeHashes,
  freeLinks,
  integers,
  layoutBudget,
  layoutStringKeys,
  nils,
} from "./table-layout.js";

const MAXASIZE = 1 << MAXBITS;
const MAX_INT = 2147483647;

// Tables, functions, threads and userdata hash by address in C; any stable number will do.
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

// Ids stay below 2^30 so that a node keeps them as small integers.
function objectHash(o: object): number {
  if (o instanceof LuaTable) {
    if (o.hashId === 0) o.hashId = nextObjectId = (nextObjectId + 40) & 0x3fffffff || 40;
    return o.hashId;
  }
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId = (nextObjectId + 40) & 0x3fffffff;
    objectIds.set(o, id);
  }
  return id;
}

/** arrayindex + countint's range test: k if key is an integer in 1..MAXASIZE, else 0. */
function arrayCandidate(key: LuaValue): number {
  if (typeof key === "number" && key >= 1 && key <= MAXASIZE && Math.floor(key) === key) return key;
  return 0;
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

/** Array parts of this many slots and more get their JS array sized when they grow. */
const BIG_ARRAY = 1 << 15;

/**
 * V8's kMaxFastArrayLength: setting a JS array's length past it turns the array into
 * dictionary elements, and a dictionary can't hold that many (a fatal "invalid table size"
 * that ends the process). Past it the JS array grows by pushes only, which stay fast up to
 * Lua's MAXASIZE (2^26).
 */
const MAX_LENGTH_SET = 1 << 25;

/** rehash's nums[]: scratch, as rehash never runs inside another rehash's counting. */
const nums = new Int32Array(MAXBITS + 1);

export class LuaTable {
  /** The stored prefix of the array part: t[i] is arr[i - 1] (holes read as nil). */
  private arr: LuaValue[] = NOTHING;
  /** Lua's sizearray: t[arr.length + 1 .. asize] are nil. */
  private asize = 0;
  /** t[top + 1 .. asize] are nil, t[top] is not (or top is 0); top <= arr.length. */
  private top = 0;
  /** How many of t[1..top] are nil (0: the array part holds a sequence). */
  private holes = 0;
  // The node part, 2^k nodes (none: Lua's dummynode): a node's key (undefined: a free node),
  // its value (undefined with a key: a dead key), the index of the next node of its collision
  // chain (gnext; -1 at a chain's end), and a string key's hash (masked). Nodes are named by
  // their index. A node part of up to SCAN_LIMIT nodes, searched by scanning its keys, has no
  // hashes (NO_LINKS) and no links until its first collision.
  private nkey: LuaValue[] = NOTHING;
  private nval: LuaValue[] = NOTHING;
  private nnext: number[] = NO_LINKS;
  private nhash: number[] = NO_LINKS;
  /** Every node at or above this index is in use; free nodes are searched downwards. */
  private lastfree = 0;
  /** The layout whose key, link and hash arrays the node part shares (fromLayout), if any. */
  private layout: StringKeysLayout | undefined = undefined;
  /**
   * The node where a string key of a node part bigger than SCAN_LIMIT was found last (checked
   * before use: whatever node it names, a node holding the key is the key's node).
   */
  private strHint = 0;
  /** The position `next` returned last (a hint for the next call), or -1. */
  private lastNext = -1;
  /** The hash Lua would take from this table's address, once it is used as a key (0: not yet). */
  hashId = 0;
  metatable: LuaTable | undefined = undefined;
  /** Redis's read-only tables (lua_enablereadonlytable): every write raises an error. */
  readonly = false;

  /** A table whose array part is exactly `arr` (t[i] = arr[i-1]; nil slots allowed); no copy. */
  constructor(arr?: LuaValue[]) {
    if (arr !== undefined && arr.length > 0) {
      this.arr = arr;
      this.asize = arr.length;
      this.recount();
    }
  }

  /** Finds top and holes again by a scan of the array part. */
  private recount(): void {
    const arr = this.arr;
    let top = arr.length;
    while (top > 0 && arr[top - 1] === undefined) top--;
    let holes = 0;
    for (let i = 0; i < top; i++) if (arr[i] === undefined) holes++;
    this.top = top;
    this.holes = holes;
  }

  /** An empty table as `{}` makes it: string keys stored into it follow EMPTY_ROOT's transitions. */
  static empty(): LuaTable {
    const t = new LuaTable();
    t.layout = EMPTY_ROOT;
    return t;
  }

  /** Builds a table from the values of a JS array (t[1] = values[0], …), copying them. */
  static fromValues(values: readonly LuaValue[]): LuaTable {
    return new LuaTable(values.slice());
  }

  /** lua_createtable(L, narr, nrec): exact sizes for the array and node parts. */
  static create(narr: number, nrec: number): LuaTable {
    const t = new LuaTable();
    if (narr > 0) t.growArray(narr);
    if (nrec > 0) t.setNodeVector(nrec);
    return t;
  }

  /**
   * The table made by storing t[keys[i]] = values[i] (all non-nil) for i < n, in order, into a
   * new table, as cjson's decoder does for an object: fromLayout(layoutStringKeys(keys, n), …).
   */
  static fromStringPairs(keys: readonly string[], values: readonly LuaValue[], n: number): LuaTable {
    return n === 0 ? new LuaTable() : LuaTable.fromLayout(layoutStringKeys(keys, n), values);
  }

  /**
   * A table with the node part of `layout`, node nodes[k] holding values[from[k]]. Its keys,
   * links and hashes are the layout's own arrays, shared until a new key needs them changed.
   */
  static fromLayout(layout: StringKeysLayout, values: readonly LuaValue[]): LuaTable {
    const t = new LuaTable();
    const { nodes, from } = layout;
    const nval = nils(layout.lsize);
    for (let k = 0; k < nodes.length; k++) nval[nodes[k]] = values[from[k]];
    t.adopt(layout, nval);
    return t;
  }

  /** The node part becomes `layout`'s (its key, link and hash arrays shared) with `nval`. */
  private adopt(layout: StringKeysLayout, nval: LuaValue[]): void {
    this.layout = layout;
    this.nkey = layout.nkey;
    this.nval = nval;
    this.nnext = layout.nnext;
    this.nhash = layout.nhash;
    this.lastfree = layout.lastfree;
  }

  /**
   * A table constructor of distinct constant string keys (`{x = 1, y = 2}`) as Lua builds it:
   * OP_NEWTABLE sized for them, then one store per field in order.
   */
  static storedRecord(keys: readonly string[], values: readonly LuaValue[]): LuaTable {
    const t = LuaTable.sized(0, keys.length);
    for (let k = 0; k < keys.length; k++) t.setStr(keys[k], values[k]);
    return t;
  }

  /**
   * The node part of such a constructor with non-nil values: made once by doing its stores,
   * for fromLayout with the values in field order.
   */
  static recordLayout(keys: readonly string[]): StringKeysLayout {
    const captured = LuaTable.storedRecord(
      keys,
      keys.map(() => true),
    ).captureLayout(false);
    const from = captured.nodes.map((n) => keys.indexOf(captured.nkey[n] as string));
    return { ...captured, from };
  }

  /**
   * This table's node part (string keys only) as a layout, its values given in node order;
   * `copy`: of arrays the table goes on changing.
   */
  private captureLayout(copy: boolean): StringKeysLayout {
    const nkey = this.nkey;
    const nodes: number[] = [];
    for (let n = 0; n < nkey.length; n++) if (nkey[n] !== undefined) nodes.push(n);
    const own = <T>(a: T[]): T[] => (copy && a !== NO_LINKS ? a.slice() : a);
    return {
      lsize: ceilLog2(nkey.length),
      nkey: copy ? nkey.slice() : nkey,
      nodes,
      from: nodes.map((_, k) => k),
      nnext: own(this.nnext),
      nhash: own(this.nhash),
      lastfree: this.lastfree,
    };
  }

  /**
   * The layout this table's node part was made with and still has (no key added, no rehash;
   * values may have changed, nil included), or undefined. The array part is then empty.
   */
  stringKeysLayout(): StringKeysLayout | undefined {
    // (an empty table is no decoded object: cjson sees it through its usual path)
    return this.layout === EMPTY_ROOT ? undefined : this.layout;
  }

  /**
   * The table storing t[1..n] = values[0..n-1] (all non-nil) one by one into a new table leaves:
   * each store that does not fit rehashes, which leaves an array part of the next power of two
   * and no node part. Takes ownership of `values`, which must hold exactly n values.
   */
  static fromSequence(values: LuaValue[]): LuaTable {
    const t = new LuaTable();
    const n = values.length;
    if (n > 0) {
      t.arr = values;
      t.asize = 1 << ceilLog2(n);
      t.top = n;
    }
    return t;
  }

  /**
   * The table a constructor `{...}` makes before it stores anything (OP_NEWTABLE): `narr` is the
   * number of list items (a final multi-value call or `...` not counted) and `nhash` the number
   * of record fields; both are rounded up as the byte-sized hints in the bytecode round them.
   */
  static sized(narr: number, nhash: number): LuaTable {
    // int2fb/fb2int leave numbers below 8 as they are
    return LuaTable.create(narr < 8 ? narr : fb2int(int2fb(narr)), nhash < 8 ? nhash : fb2int(int2fb(nhash)));
  }

  /**
   * OP_SETLIST: t[start], t[start+1], … = values, growing the array part to hold them all
   * (luaH_resizearray) when they reach past it, as a constructor's list items do.
   */
  setList(values: readonly LuaValue[], start = 1): void {
    const last = start + values.length - 1;
    if (last > this.asize) this.resize(last, this.nkey.length);
    if (start === 1 && this.arr === NOTHING && !values.includes(undefined)) {
      // a fresh array part, all of it present
      if (values.length > 0) {
        this.arr = values.slice();
        this.top = values.length;
      }
      return;
    }
    for (let i = 0; i < values.length; i++) this.setArr(start - 1 + i, values[i]);
  }

  // ---- raw access -------------------------------------------------------------------------

  /** luaH_get's search of the node part: the node of key (dead or alive), or -1. Not for nil. */
  private findNode(key: LuaValue): number {
    const nkey = this.nkey;
    if (nkey.length <= SCAN_LIMIT) {
      for (let n = 0; n < nkey.length; n++) if (nkey[n] === key) return n;
      return -1;
    }
    if (key !== key) return -1; // NaN is never a key
    const nnext = this.nnext;
    let n = this.mainPosition(key);
    do {
      if (nkey[n] === key) return n;
      n = nnext[n];
    } while (n >= 0);
    return -1;
  }

  /** findNode for a string key (luaH_getstr). */
  private findStr(key: string): number {
    const nkey = this.nkey;
    const size = nkey.length;
    if (size <= SCAN_LIMIT) {
      for (let n = 0; n < size; n++) if (nkey[n] === key) return n;
      return -1;
    }
    // the node found last: a read-modify-write (t[k] = t[k] + 1) finds it without hashing
    if (nkey[this.strHint] === key) return this.strHint;
    const { nnext, nhash } = this;
    const h = luaStringHash(key) & STRING_HASH_MASK;
    let n = h & (size - 1);
    // a part this big keeps its string keys' hashes: compared first, they spare most string
    // comparisons (a string compare of two equally long strings reads their chars)
    do {
      if (nhash[n] === h && nkey[n] === key) return (this.strHint = n);
      n = nnext[n];
    } while (n >= 0);
    return -1;
  }

  get(key: LuaValue): LuaValue {
    if (typeof key === "number") return this.getNum(key);
    if (key === undefined) return undefined;
    const n = this.findNode(key);
    return n < 0 ? undefined : this.nval[n];
  }

  getStr(key: string): LuaValue {
    const n = this.findStr(key);
    return n < 0 ? undefined : this.nval[n];
  }

  /** findStr for a key whose hash is known (keyHash(key)): along the chain from its main position. */
  private findStrH(key: string, h: number): number {
    const nkey = this.nkey;
    const size = nkey.length;
    if (size === 0) return -1;
    let n = h & (size - 1);
    const nnext = this.nnext;
    // a small part without links has had no collision: every key is at its main position
    if (nnext === NO_LINKS) return nkey[n] === key ? n : -1;
    // a big part keeps its string keys' hashes: compared first, they spare string comparisons
    const nhash = this.nhash;
    do {
      if ((nhash === NO_LINKS || nhash[n] === h) && nkey[n] === key) return n;
      n = nnext[n];
    } while (n >= 0);
    return -1;
  }

  /** getStr for a key whose hash is known (keyHash(key)), as compiled code has constant keys'. */
  getStrH(key: string, h: number): LuaValue {
    const n = this.findStrH(key, h);
    return n < 0 ? undefined : this.nval[n];
  }

  getNum(key: number): LuaValue {
    const arr = this.arr;
    const i = key - 1;
    if (i >= 0 && i < arr.length && (i | 0) === i) return arr[i];
    if (this.nkey.length === 0) return undefined;
    const n = this.findNode(key);
    return n < 0 ? undefined : this.nval[n];
  }

  /** luaH_set + store: creates the key's node even when value is nil, as Lua does. */
  set(key: LuaValue, value: LuaValue): void {
    if (typeof key === "number") return this.setNum(key, value);
    if (typeof key === "string") return this.setStr(key, value);
    if (this.readonly) throw readonlyError();
    if (key === undefined) throw new LuaError("table index is nil", LuaError.VM);
    const n = this.findNode(key);
    if (n >= 0) this.nval[n] = value;
    else this.newKey(key, value, 0);
  }

  setStr(key: string, value: LuaValue): void {
    if (this.readonly) throw readonlyError();
    const nkey = this.nkey;
    const size = nkey.length;
    let h: number;
    if (size <= SCAN_LIMIT) {
      for (let n = 0; n < size; n++) {
        if (nkey[n] === key) {
          this.nval[n] = value;
          return;
        }
      }
      h = luaStringHash(key) & STRING_HASH_MASK;
    } else {
      if (nkey[this.strHint] === key) {
        this.nval[this.strHint] = value;
        return;
      }
      h = luaStringHash(key) & STRING_HASH_MASK;
      const { nnext, nhash } = this;
      let n = h & (size - 1);
      do {
        if (nhash[n] === h && nkey[n] === key) {
          this.nval[n] = value;
          this.strHint = n;
          return;
        }
        n = nnext[n];
      } while (n >= 0);
    }
    this.newKey(key, value, h);
  }

  /** setStr for a key whose hash is known (keyHash(key)). */
  setStrH(key: string, h: number, value: LuaValue): void {
    if (this.readonly) throw readonlyError();
    const n = this.findStrH(key, h);
    if (n >= 0) this.nval[n] = value;
    else this.newKey(key, value, h);
  }

  /**
   * t[key] = value when t[key] is already non-nil (so no __newindex applies), for a key whose
   * hash is known; returns false, changing nothing, when t[key] is nil.
   */
  replaceStrH(key: string, h: number, value: LuaValue): boolean {
    const n = this.findStrH(key, h);
    if (n < 0 || this.nval[n] === undefined) return false;
    if (this.readonly) throw readonlyError();
    this.nval[n] = value;
    return true;
  }

  setNum(key: number, value: LuaValue): void {
    if (this.readonly) throw readonlyError();
    const arr = this.arr;
    const i = key - 1;
    if (i >= 0 && i < arr.length && (i | 0) === i && value !== undefined) {
      const top = this.top;
      if (i < top) {
        if (this.holes !== 0 && arr[i] === undefined) this.holes--;
      } else {
        this.holes += i - top;
        this.top = i + 1;
      }
      arr[i] = value;
      return;
    }
    if (i === arr.length && i === this.top && i < this.asize && value !== undefined && arr !== NOTHING) {
      // appending past the stored prefix, inside the array part
      arr.push(value);
      this.top = i + 1;
      return;
    }
    this.setNumSlow(key, value);
  }

  private setNumSlow(key: number, value: LuaValue): void {
    const i = key - 1;
    if (i >= 0 && i < this.asize && (i | 0) === i) return this.setArr(i, value);
    if (i === this.asize && this.top === i && this.holes === 0 && this.nkey.length === 0) {
      // appending to a full sequence with no node part: rehash would count t[1..i+1] in use,
      // and computesizes make the array part the smallest power of 2 holding them
      if (value !== undefined && i < MAXASIZE) {
        this.growArray(1 << ceilLog2(i + 1));
        return this.setArr(i, value);
      }
    }
    const n = this.nkey.length === 0 ? -1 : this.findNode(key);
    if (n >= 0) this.nval[n] = value;
    else if (key !== key) throw new LuaError("table index is NaN", LuaError.VM);
    else this.newKey(key, value, 0);
  }

  // ---- the array part -------------------------------------------------------------------------

  /** t[i + 1] = value for i < sizearray, keeping top and holes. */
  private setArr(i: number, value: LuaValue): void {
    let arr = this.arr;
    const top = this.top;
    if (value !== undefined) {
      if (i < top) {
        if (arr[i] === undefined) this.holes--;
        arr[i] = value;
        return;
      }
      this.holes += i - top;
      this.top = i + 1;
      if (i < arr.length) {
        arr[i] = value;
        return;
      }
      // past the stored prefix: the JS array grows
      if (arr === NOTHING) this.arr = arr = [];
      if (i - arr.length > 64 && i <= MAX_LENGTH_SET) arr.length = i;
      else while (arr.length < i) arr.push(undefined);
      arr.push(value);
    } else if (i < top && arr[i] !== undefined) {
      arr[i] = undefined;
      if (i === top - 1) {
        // the last non-nil value: top moves down past the nils before it
        let t = i;
        while (t > 0 && arr[t - 1] === undefined) t--;
        this.holes -= i - t;
        this.top = t;
      } else {
        this.holes++;
      }
    }
  }

  /**
   * Makes the array part n slots long (n > sizearray). Small parts grow their JS array as values
   * come (pushes); a big one is sized at once (its new slots are holes, which read as nil).
   */
  private growArray(n: number): void {
    this.asize = n;
    // a layout describes a table of string keys only (an empty one grows its array part here
    // without a rehash: setNumSlow's append)
    this.layout = undefined;
    if (n >= BIG_ARRAY && n <= MAX_LENGTH_SET) {
      if (this.arr === NOTHING) this.arr = [];
      this.arr.length = n;
    }
  }

  // ---- ltable.c: insertion --------------------------------------------------------------

  /**
   * mainposition: hashpow2 of luaS_hash for strings and of the value for booleans; hashmod of
   * hashnum's word sum for numbers and of the "address" for tables, functions and userdata.
   */
  private mainPosition(key: LuaValue): number {
    const size = this.nkey.length;
    switch (typeof key) {
      case "string":
        return luaStringHash(key) & (size - 1);
      case "boolean":
        return (key ? 1 : 0) & (size - 1);
      case "number":
        if (key === 0) return 0; // hashnum: "avoid problems with -0"
        return luaNumberHash(key) % ((size - 1) | 1);
      default:
        return objectHash(key as object) % ((size - 1) | 1);
    }
  }

  /**
   * newkey: put a key that is in neither part into the node part. If its main position is
   * taken, the newcomer goes to a free node, unless the node there is out of its own main
   * position, in which case that node moves to the free node. With no free node, rehash.
   * `h` is a string key's hash, masked (STRING_HASH_MASK); ignored for other keys.
   */
  private newKey(key: LuaValue, value: LuaValue, h: number): void {
    const layout = this.layout;
    if (layout !== undefined) {
      if (typeof key === "string" && value !== undefined && this.asize === 0 && this.holdsAll(layout)) {
        return this.transition(layout, key, value, h);
      }
      this.unshareLayout();
    }
    this.placeKey(key, value, h);
  }

  /** newKey proper, the node part being the table's own. */
  private placeKey(key: LuaValue, value: LuaValue, h: number): void {
    const { nkey, nval, nhash } = this;
    const mask = nkey.length - 1;
    if (mask < 0) return this.rehashInsert(key, value, h);
    let mp = typeof key === "string" ? h & mask : this.mainPosition(key);
    if (nval[mp] !== undefined) {
      const free = this.freePosition();
      if (free < 0) return this.rehashInsert(key, value, h);
      mp = this.collide(mp, free, mask);
    }
    // a free node, or a dead key's node reused in place (chain link and all)
    nkey[mp] = key;
    nval[mp] = value;
    if (nhash !== NO_LINKS) nhash[mp] = h;
  }

  /** getfreepos: scans down from lastfree for a node without a key; -1 when there is none. */
  private freePosition(): number {
    const nkey = this.nkey;
    let free = this.lastfree;
    while (free > 0) {
      free--;
      if (nkey[free] === undefined) {
        this.lastfree = free;
        return free;
      }
    }
    this.lastfree = 0;
    return -1;
  }

  /**
   * newkey's collision at main position mp (its node holds a live key), `free` being a free
   * node: a colliding node out of its own main position moves to the free node, and mp is the
   * new key's; else the new key goes to the free node, chained after mp. Returns the new key's
   * node, its chain link set.
   */
  private collide(mp: number, free: number, mask: number): number {
    const { nkey, nval, nhash } = this;
    let nnext = this.nnext;
    if (nnext === NO_LINKS) this.nnext = nnext = integers(freeLinks, ceilLog2(nkey.length), -1);
    // the colliding node's main position (a big node part keeps its string keys' hashes)
    const okey = nkey[mp];
    let other = typeof okey === "string" && nhash !== NO_LINKS ? nhash[mp] & mask : this.mainPosition(okey);
    if (other === mp) {
      nnext[free] = nnext[mp];
      nnext[mp] = free;
      return free;
    }
    while (nnext[other] !== mp) other = nnext[other];
    nnext[other] = free;
    nkey[free] = okey;
    nval[free] = nval[mp];
    nnext[free] = nnext[mp];
    if (nhash !== NO_LINKS) nhash[free] = nhash[mp];
    nnext[mp] = -1;
    return mp;
  }

  /** Whether every used node of `layout` (this table's) still holds a value: no dead key. */
  private holdsAll(layout: StringKeysLayout): boolean {
    const { nval } = this;
    const nodes = layout.nodes;
    for (let k = 0; k < nodes.length; k++) if (nval[nodes[k]] === undefined) return false;
    return true;
  }

  /**
   * A new string key (non-nil value) into a table that shares `layout` and has no dead key:
   * where the node part then goes depends on the layout and the key alone, so the first such
   * store is made as any other and its outcome kept as a transition of the layout, and later
   * ones take it (a class's objects getting the same fields one by one, in the same order,
   * make the same node part each time). Tables past TRANSITION_NODES nodes, or layouts with
   * MAX_TRANSITIONS already, store as any other.
   */
  private transition(layout: StringKeysLayout, key: string, value: LuaValue, h: number): void {
    const known = layout.transitions?.get(key);
    if (known !== undefined) return this.take(known, value);
    this.unshareLayout();
    this.placeKey(key, value, h);
    const size = this.nkey.length;
    const most = layout === EMPTY_ROOT ? MAX_ROOT_TRANSITIONS : MAX_TRANSITIONS;
    if (size > TRANSITION_NODES || (layout.transitions?.size ?? 0) >= most) return;
    if (layoutBudget.left <= 0) return;
    // the outcome as a layout of its own (copies: this table's arrays go on changing), each
    // used node's value from the old node holding its key, or the new one's
    const next = this.captureLayout(true);
    const src: number[] = [];
    for (const n of next.nodes) {
      const k = next.nkey[n];
      const o = k === key ? -1 : layout.nkey.indexOf(k);
      if (o < 0 && k !== key) return; // (not a string-keys layout's outcome: nothing kept)
      src.push(o);
    }
    layoutBudget.left--;
    (layout.transitions ??= new Map()).set(key, { layout: next, src });
  }

  /** The node part a known transition leads to, values moved from the old nodes. */
  private take(tr: LayoutTransition, value: LuaValue): void {
    const next = tr.layout;
    const oldVal = this.nval;
    const nval = nils(next.lsize);
    const { nodes } = next;
    const src = tr.src;
    for (let k = 0; k < nodes.length; k++) {
      const s = src[k];
      nval[nodes[k]] = s < 0 ? value : oldVal[s];
    }
    this.adopt(next, nval);
  }

  /** The node part stops sharing its layout's arrays: they are copied before a change. */
  private unshareLayout(): void {
    this.layout = undefined;
    if (this.nkey === NOTHING) return; // the empty root: no node part to copy
    this.nkey = this.nkey.slice();
    if (this.nnext !== NO_LINKS) this.nnext = this.nnext.slice();
    if (this.nhash !== NO_LINKS) this.nhash = this.nhash.slice();
  }

  /** rehash, then luaH_set again: the key may now belong to the array part. */
  private rehashInsert(key: LuaValue, value: LuaValue, h: number): void {
    this.rehash(key);
    if (typeof key === "number") {
      const i = key - 1;
      if (i >= 0 && i < this.asize && (i | 0) === i) return this.setArr(i, value);
    }
    this.newKey(key, value, h);
  }

  // ---- ltable.c: rehash ---------------------------------------------------------------------

  /** rehash: count integer keys by power-of-2 slices, then resize both parts. */
  private rehash(extraKey: LuaValue): void {
    if (this.top === 0 && arrayCandidate(extraKey) === 0 && this.onlyNonIntegerKeys()) {
      // no key can go to an array part (computesizes gives 0): all go to the node part
      let totaluse = 1;
      const nval = this.nval;
      for (let n = 0; n < nval.length; n++) if (nval[n] !== undefined) totaluse++;
      return this.resize(0, totaluse);
    }
    nums.fill(0);
    let nasize = this.numUseArray();
    let totaluse = nasize;
    // numusehash
    const { nkey, nval } = this;
    for (let n = nkey.length - 1; n >= 0; n--) {
      if (nval[n] !== undefined) {
        const key = nkey[n];
        if (typeof key === "number") {
          const k = arrayCandidate(key);
          if (k > 0) {
            nums[ceilLog2(k)]++;
            nasize++;
          }
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

  /** Whether no live key of the node part is an integer in 1..MAXASIZE (an array candidate). */
  private onlyNonIntegerKeys(): boolean {
    const { nkey, nval } = this;
    for (let n = 0; n < nkey.length; n++) {
      const key = nkey[n];
      if (typeof key === "number" && nval[n] !== undefined && arrayCandidate(key) > 0) return false;
    }
    return true;
  }

  /** numusearray: non-nil slots of the array part, per slice (2^(lg-1), 2^lg]. */
  private numUseArray(): number {
    const arr = this.arr;
    const size = this.top; // the slots past top are nil
    if (this.holes === 0) {
      // t[1..size] are all in use: each slice counts its overlap with them
      if (size > 0) nums[0] = 1;
      for (let lg = 1, ttlg = 2; ttlg >> 1 < size; lg++, ttlg *= 2) {
        nums[lg] = (ttlg < size ? ttlg : size) - (ttlg >> 1);
      }
      return size;
    }
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

  /** setnodevector: a node part of 2^ceil(log2(size)) free nodes (the dummynode for size 0). */
  private setNodeVector(size: number): void {
    this.layout = undefined;
    if (size === 0) {
      this.nkey = NOTHING;
      this.nval = NOTHING;
      this.nnext = NO_LINKS;
      this.nhash = NO_LINKS;
      this.lastfree = 0;
      return;
    }
    const lsize = ceilLog2(size);
    if (lsize > MAXBITS) throw new LuaError("table overflow", LuaError.VM);
    this.nkey = nils(lsize);
    this.nval = nils(lsize);
    if (1 << lsize > SCAN_LIMIT) {
      this.nnext = integers(freeLinks, lsize, -1);
      this.nhash = integers(freeHashes, lsize, 0);
    } else {
      // a small node part is scanned: its links wait for a first collision, its keys' hashes
      // are computed again when needed
      this.nnext = NO_LINKS;
      this.nhash = NO_LINKS;
    }
    this.lastfree = 1 << lsize;
  }

  /** resize: new sizes for both parts, then re-insert what no longer fits where it was. */
  private resize(nasize: number, nhsize: number): void {
    const arr = this.arr;
    const oldasize = this.asize;
    const oldkey = this.nkey;
    const oldval = this.nval;
    const oldhash = this.nhash;
    this.setNodeVector(nhsize);
    if (nasize > oldasize) this.growArray(nasize);
    else if (nasize < oldasize) {
      // re-insert the vanishing slice, in increasing key order (the part past top is all nil);
      // the array part shrinks first, so that newKey sees the new sizearray as luaH_setnum does
      const vanishing = arr.slice(nasize, this.top);
      this.asize = nasize;
      if (nasize === 0) this.arr = NOTHING;
      else if (arr.length > nasize) arr.length = nasize;
      if (this.top > nasize) {
        if (this.holes === 0) this.top = nasize;
        else this.recount();
      }
      for (let i = 0; i < vanishing.length; i++) {
        const v = vanishing[i];
        if (v !== undefined) this.newKey(nasize + i + 1, v, 0);
      }
    }
    // re-insert the old nodes, from the last one down; dead keys are dropped
    if (this.nhash !== NO_LINKS) return this.reinsertHashed(oldkey, oldval, oldhash, nasize);
    for (let n = oldkey.length - 1; n >= 0; n--) {
      const v = oldval[n];
      if (v !== undefined) this.reinsert(oldkey[n], v, oldhash !== NO_LINKS ? oldhash[n] : -1, nasize);
    }
  }

  /** resize's re-insertion of one live old node (h: its string key's hash, or -1: not known). */
  private reinsert(key: LuaValue, v: LuaValue, h: number, nasize: number): void {
    if (typeof key === "number") {
      const i = key - 1;
      if (i >= 0 && i < nasize && (i | 0) === i) return this.setArr(i, v);
    }
    this.newKey(key, v, h >= 0 ? h : typeof key === "string" ? keyHash(key) : 0);
  }

  /**
   * resize's re-insertion into a new node part that keeps hashes (more than SCAN_LIMIT nodes):
   * newKey for string keys, written out on the part's arrays. The new part has a free node for
   * every live old one (rehash sized it so) and none of its keys is dead, so a taken main
   * position is one with a key. Other keys go through reinsert.
   */
  private reinsertHashed(oldkey: LuaValue[], oldval: LuaValue[], oldhash: number[], nasize: number): void {
    const { nkey, nval, nhash } = this;
    const mask = nkey.length - 1;
    for (let n = oldkey.length - 1; n >= 0; n--) {
      const v = oldval[n];
      if (v === undefined) continue;
      const key = oldkey[n];
      if (typeof key !== "string") {
        this.reinsert(key, v, -1, nasize);
        continue;
      }
      const h = oldhash !== NO_LINKS ? oldhash[n] : keyHash(key);
      let mp = h & mask;
      if (nkey[mp] !== undefined) {
        const free = this.freePosition();
        if (free < 0) throw new Error("LuaTable.resize: no free node for a re-inserted key");
        mp = this.collide(mp, free, mask);
      }
      nkey[mp] = key;
      nval[mp] = v;
      nhash[mp] = h;
    }
  }

  // ---- length and traversal ----------------------------------------------------------------

  /** luaH_getn: a border, found by binary search in the array part or unbound_search beyond. */
  length(): number {
    const arr = this.arr;
    const j = this.asize;
    if (this.top < j) {
      // t[j] is nil: there is a border in the array part. Without holes it is the only one,
      // top, which is where the binary search would end.
      if (this.holes === 0) return this.top;
      let i = 0;
      let hi = j;
      while (hi - i > 1) {
        const m = (i + hi) >>> 1;
        if (arr[m - 1] === undefined) hi = m;
        else i = m;
      }
      return i;
    }
    if (this.nkey.length === 0) return j;
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
    const asize = this.asize;
    if (hint >= 0) {
      if (hint < asize) {
        if (hint + 1 === key) return hint;
      } else if (this.nkey[hint - asize] === key) {
        return hint;
      }
    }
    if (typeof key === "number" && key >= 1 && key <= asize && (key | 0) === key) return key - 1;
    const n = this.nkey.length === 0 ? -1 : this.findNode(key);
    if (n < 0) throw new LuaError("invalid key to 'next'", 0);
    return asize + n;
  }

  /**
   * Traversal by position, for loops that must not allocate: positions 0..sizearray-1 are
   * the array part, then the nodes. Returns the position of the first non-nil entry after
   * `pos` (-1 to start), or -1 at the end. Read it with keyAt/valueAt. Valid while no new key
   * is inserted (assigning existing fields, nil included, is fine).
   */
  nextPosition(pos: number): number {
    const arr = this.arr;
    const asize = this.asize;
    let i = pos + 1;
    if (i < asize) {
      const n = this.top;
      for (; i < n; i++) if (arr[i] !== undefined) return i;
      i = asize;
    }
    const nval = this.nval;
    for (let n = i - asize; n < nval.length; n++) if (nval[n] !== undefined) return asize + n;
    return -1;
  }

  keyAt(pos: number): LuaValue {
    const asize = this.asize;
    return pos < asize ? pos + 1 : this.nkey[pos - asize];
  }

  valueAt(pos: number): LuaValue {
    const asize = this.asize;
    if (pos < asize) return pos < this.arr.length ? this.arr[pos] : undefined;
    return this.nval[pos - asize];
  }

  /**
   * `next(t, key)` (luaH_next): the key/value after `key` in traversal order (array part,
   * then nodes in order), or undefined at the end. Throws "invalid key to 'next'" for a key
   * that is not in the table (dead keys are still in it).
   */
  next(key: LuaValue): [LuaValue, LuaValue] | undefined {
    // a traversal usually asks for the key it was just given: try where that was first
    const pos = this.nextPosition(this.positionOf(key, this.lastNext));
    this.lastNext = pos;
    return pos < 0 ? undefined : [this.keyAt(pos), this.valueAt(pos)];
  }

  /**
   * n when the keys are exactly 1..n (t[1..n] in the array part without holes, no live node):
   * a sequence. -1 when that is not so (the keys may still be 1..n, stored otherwise).
   */
  sequenceLength(): number {
    if (this.holes !== 0) return -1;
    const nval = this.nval;
    for (let n = 0; n < nval.length; n++) if (nval[n] !== undefined) return -1;
    return this.top;
  }

  /** Number of non-nil entries in the node part. */
  hashCount(): number {
    let c = 0;
    const nval = this.nval;
    for (let n = 0; n < nval.length; n++) if (nval[n] !== undefined) c++;
    return c;
  }

  /** Sizes Lua would report for this table (for tests): [sizearray, number of nodes]. */
  sizes(): [number, number] {
    return [this.asize, this.nkey.length];
  }
}
