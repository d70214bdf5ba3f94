// The `cmsgpack` library Redis ships (lua-cmsgpack 0.4.0, deps/lua/src/lua_cmsgpack.c): pack of any
// number of values into one MessagePack stream, unpack / unpack_one / unpack_limit, with its integer
// and float encodings, array-vs-map rule, 16-level nesting cut-off and Lua stack limits. Binary
// strings are latin1 JS strings. Uses LuaTable's public API and args.ts for lauxlib errors.
import { LuaTable } from "../table.js";
import { LuaError } from "../errors.js";
import { EMPTY, type LuaValue } from "../value.js";
import { argError, checkNumber, checkString, toInteger } from "./args.js";
import { sequenceTable } from "./cjson.js";

const MAX_NESTING = 16;
/** LUAI_MAXCSTACK: lua_checkstack fails once a C function would hold more slots than this. */
const MAXCSTACK = 8000;

function stackOverflow(msg: string): LuaError {
  return new LuaError(`stack overflow (${msg})`, 1);
}

const chr = String.fromCharCode;
/** One-byte strings, by byte. */
const BYTE: string[] = [];
for (let i = 0; i < 256; i++) BYTE.push(chr(i));
const fbuf = new DataView(new ArrayBuffer(8));

// ---- encoding ---------------------------------------------------------------

function encodeBytes(s: string): string {
  const len = s.length;
  if (len < 32) return BYTE[0xa0 | len] + s;
  if (len <= 0xff) return chr(0xd9, len) + s;
  if (len <= 0xffff) return chr(0xda, len >>> 8, len & 0xff) + s;
  return chr(0xdb, len >>> 24, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff) + s;
}

function be32(n: number): string {
  return chr(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

/** mp_encode_int for an integral double in [-2^63, 2^63). */
function encodeInt(n: number): string {
  if (n >= 0) {
    if (n <= 127) return BYTE[n];
    if (n <= 0xff) return chr(0xcc, n);
    if (n <= 0xffff) return chr(0xcd, n >>> 8, n & 0xff);
    if (n <= 0xffffffff) return chr(0xce) + be32(n);
    const hi = Math.floor(n / 4294967296);
    return chr(0xcf) + be32(hi) + be32(n - hi * 4294967296);
  }
  if (n >= -32) return BYTE[n & 0xff];
  if (n >= -128) return chr(0xd0, n & 0xff);
  if (n >= -32768) return chr(0xd1, (n >> 8) & 0xff, n & 0xff);
  if (n >= -2147483648) return chr(0xd2) + be32(n >>> 0);
  const hi = Math.floor(n / 4294967296);
  return chr(0xd3) + be32(hi >>> 0) + be32(n - hi * 4294967296);
}

/** mp_encode_double: a float when the value survives the round trip through float, else a double. */
function encodeDouble(d: number): string {
  if (Math.fround(d) === d) {
    fbuf.setFloat32(0, d);
    return "\xca" + be32(fbuf.getUint32(0));
  }
  fbuf.setFloat64(0, d);
  return "\xcb" + be32(fbuf.getUint32(0)) + be32(fbuf.getUint32(4));
}

function encodeNumber(n: number): string {
  // IS_INT64_EQUIVALENT: not infinite and (int64_t)n == n
  if (Number.isInteger(n) && n >= -9223372036854775808 && n < 9223372036854775808) return encodeInt(n + 0);
  return encodeDouble(n);
}

function encodeArrayHeader(n: number): string {
  if (n <= 15) return BYTE[0x90 | n];
  if (n <= 65535) return chr(0xdc, n >>> 8, n & 0xff);
  return chr(0xdd) + be32(n);
}

function encodeMapHeader(n: number): string {
  if (n <= 15) return BYTE[0x80 | n];
  if (n <= 65535) return chr(0xde, n >>> 8, n & 0xff);
  return chr(0xdf) + be32(n);
}

/**
 * table_is_an_array: every key a number that is a positive C int, and the largest equal to the
 * count (so the keys are exactly 1..count). An empty table is an array.
 */
function isArray(t: LuaTable): boolean {
  let count = 0;
  let max = 0;
  for (let pos = t.nextPosition(-1); pos >= 0; pos = t.nextPosition(pos)) {
    const k = t.keyAt(pos);
    if (typeof k !== "number" || !(k > 0) || k > 2147483647 || !Number.isInteger(k)) return false;
    if (k > max) max = k;
    count++;
  }
  return max === count;
}

/** mp_encode_lua_type; `top` is the number of Lua stack slots in use, for luaL_checkstack. */
function encodeValue(v: LuaValue, level: number, top: number): string {
  switch (typeof v) {
    case "string":
      return encodeBytes(v);
    case "number":
      return encodeNumber(v);
    case "boolean":
      return v ? "\xc3" : "\xc2";
  }
  if (v instanceof LuaTable && level !== MAX_NESTING) return encodeTable(v, level, top);
  return "\xc0";
}

function encodeTable(t: LuaTable, level: number, top: number): string {
  if (top + 2 > MAXCSTACK) throw stackOverflow("in function table_is_an_array");
  if (isArray(t)) {
    const len = t.length();
    if (top + 1 > MAXCSTACK) throw stackOverflow("in function mp_encode_lua_table_as_array");
    let s = encodeArrayHeader(len);
    for (let j = 1; j <= len; j++) s += encodeValue(t.getNum(j), level + 1, top + 1);
    return s;
  }
  if (top + 3 > MAXCSTACK) throw stackOverflow("in function mp_encode_lua_table_as_map");
  let len = 0;
  for (let pos = t.nextPosition(-1); pos >= 0; pos = t.nextPosition(pos)) len++;
  let s = encodeMapHeader(len);
  for (let pos = t.nextPosition(-1); pos >= 0; pos = t.nextPosition(pos)) {
    s += encodeValue(t.keyAt(pos), level + 1, top + 3);
    s += encodeValue(t.valueAt(pos), level + 1, top + 2);
  }
  return s;
}

function pack(...args: LuaValue[]): string {
  const nargs = args.length;
  if (nargs === 0) throw argError(0, "pack", "MessagePack pack needs input.");
  if (nargs + nargs > MAXCSTACK) throw argError(0, "pack", "Too many arguments for MessagePack pack.");
  if (nargs === 1) return encodeValue(args[0], 0, 2);
  let s = "";
  for (let i = 0; i < nargs; i++) s += encodeValue(args[i], 0, nargs + i + 1);
  return s;
}

// ---- decoding ---------------------------------------------------------------

const ERR_EOF = 1;
const ERR_BADFMT = 2;

const OPEN_NONE = 0;
const OPEN_ARRAY = 1;
const OPEN_MAP = 2;

/** mp_cur: the input, the read position and the first error met; plus the container just opened. */
class Cursor {
  err = 0;
  open = OPEN_NONE;
  openLen = 0;
  constructor(
    readonly s: string,
    public p: number,
  ) {}
}

function rd32(s: string, p: number): number {
  return (
    ((s.charCodeAt(p) << 24) |
      (s.charCodeAt(p + 1) << 16) |
      (s.charCodeAt(p + 2) << 8) |
      s.charCodeAt(p + 3)) >>>
    0
  );
}

/** A 64-bit big-endian integer as a double, signed (int64_t and the uint64 → lua_Integer cast alike). */
function rd64(s: string, p: number): number {
  const hi = rd32(s, p) | 0;
  return hi * 4294967296 + rd32(s, p + 4);
}

function readFloat(s: string, p: number, size: 4 | 8): number {
  for (let i = 0; i < size; i++) fbuf.setUint8(i, s.charCodeAt(p + i));
  return size === 4 ? fbuf.getFloat32(0) : fbuf.getFloat64(0);
}

/**
 * The head of mp_decode_to_lua_type: a scalar at c.p, or for an array or map header the container
 * kind and length in c.open / c.openLen; undefined with c.err set on bad input. `top` is the number
 * of Lua stack slots in use before the value is pushed.
 */
function readItem(c: Cursor, top: number): LuaValue {
  const s = c.s;
  const p = c.p;
  const left = s.length - p;
  if (left < 1) {
    c.err = ERR_EOF;
    return undefined;
  }
  if (top + 1 > MAXCSTACK) {
    throw stackOverflow("too many return values at once; use unpack_one or unpack_limit instead.");
  }
  const b = s.charCodeAt(p);
  if (b < 0x80) {
    c.p = p + 1;
    return b;
  }
  if (b >= 0xe0) {
    c.p = p + 1;
    return b - 256;
  }
  if (b >= 0xa0 && b <= 0xbf) return readStr(c, p + 1, b & 0x1f);
  if (b >= 0x90 && b <= 0x9f) {
    c.p = p + 1;
    return openContainer(c, OPEN_ARRAY, b & 0xf);
  }
  if (b >= 0x80 && b <= 0x8f) {
    c.p = p + 1;
    return openContainer(c, OPEN_MAP, b & 0xf);
  }
  let need = 1;
  switch (b) {
    case 0xc0:
      c.p = p + 1;
      return undefined;
    case 0xc2:
      c.p = p + 1;
      return false;
    case 0xc3:
      c.p = p + 1;
      return true;
    case 0xcc:
    case 0xd0:
    case 0xd9:
      need = 2;
      break;
    case 0xcd:
    case 0xd1:
    case 0xda:
    case 0xdc:
    case 0xde:
      need = 3;
      break;
    case 0xce:
    case 0xd2:
    case 0xca:
    case 0xdb:
    case 0xdd:
    case 0xdf:
      need = 5;
      break;
    case 0xcf:
    case 0xd3:
    case 0xcb:
      need = 9;
      break;
    default:
      c.err = ERR_BADFMT;
      return undefined;
  }
  if (left < need) {
    c.err = ERR_EOF;
    return undefined;
  }
  c.p = p + need;
  switch (b) {
    case 0xcc:
      return s.charCodeAt(p + 1);
    case 0xd0:
      return (s.charCodeAt(p + 1) << 24) >> 24;
    case 0xcd:
      return (s.charCodeAt(p + 1) << 8) | s.charCodeAt(p + 2);
    case 0xd1:
      return (((s.charCodeAt(p + 1) << 8) | s.charCodeAt(p + 2)) << 16) >> 16;
    case 0xce:
      return rd32(s, p + 1);
    case 0xd2:
      return rd32(s, p + 1) | 0;
    case 0xcf:
    case 0xd3:
      return rd64(s, p + 1);
    case 0xca:
      return readFloat(s, p + 1, 4);
    case 0xcb:
      return readFloat(s, p + 1, 8);
    case 0xd9:
      return readStr(c, p + 2, s.charCodeAt(p + 1));
    case 0xda:
      return readStr(c, p + 3, (s.charCodeAt(p + 1) << 8) | s.charCodeAt(p + 2));
    case 0xdb:
      return readStr(c, p + 5, rd32(s, p + 1));
    case 0xdc:
      return openContainer(c, OPEN_ARRAY, (s.charCodeAt(p + 1) << 8) | s.charCodeAt(p + 2));
    case 0xdd:
      return openContainer(c, OPEN_ARRAY, rd32(s, p + 1));
    case 0xde:
      return openContainer(c, OPEN_MAP, (s.charCodeAt(p + 1) << 8) | s.charCodeAt(p + 2));
    default: // 0xdf
      return openContainer(c, OPEN_MAP, rd32(s, p + 1));
  }
}

/** A raw string of `len` bytes at `start`; the cursor already points past the header. */
function readStr(c: Cursor, start: number, len: number): LuaValue {
  if (c.s.length - start < len) {
    c.err = ERR_EOF;
    return undefined;
  }
  c.p = start + len;
  return c.s.slice(start, start + len);
}

function openContainer(c: Cursor, kind: number, len: number): undefined {
  c.open = kind;
  c.openLen = len;
  return undefined;
}

/**
 * mp_decode_to_lua_type with mp_decode_to_lua_array / _hash: one whole value, with the open arrays
 * and maps on an explicit stack (the C code recurses; deep input must reach its Lua stack limit,
 * not overflow the JS stack). Array elements go at slot top+2 (table, index), map keys at top+1
 * and values at top+2.
 */
function decodeValue(c: Cursor, top0: number): LuaValue {
  const base = kinds.length;
  try {
    return decodeFrom(c, top0, base);
  } finally {
    // an error leaves containers open: they go with it
    if (kinds.length !== base) {
      kinds.length = base;
      left.length = base;
      arrays.length = base;
      maps.length = base;
      keys.length = base;
      tops.length = base;
    }
  }
}

// The containers decodeValue has open, innermost last, one entry each in these parallel stacks,
// kept from call to call (a BullMQ job's options decoded with six fresh arrays a call were a
// fifth of what adding a job allocated).
/** OPEN_ARRAY, or OPEN_MAP while a key is awaited, -OPEN_MAP for a value */
const kinds: number[] = [];
const left: number[] = [];
const arrays: LuaValue[][] = [];
const maps: LuaTable[] = [];
const keys: LuaValue[] = [];
const tops: number[] = [];

function decodeFrom(c: Cursor, top0: number, base: number): LuaValue {
  let top = top0;
  for (;;) {
    let v = readItem(c, top);
    if (c.err !== 0) return undefined;
    if (c.open !== OPEN_NONE) {
      const kind = c.open;
      const len = c.openLen;
      c.open = OPEN_NONE;
      if (kind === OPEN_ARRAY) {
        // lua_newtable, then luaL_checkstack(L, 1, ...) with the table on the stack
        if (top + 2 > MAXCSTACK) throw stackOverflow("in function mp_decode_to_lua_array");
        if (len === 0) {
          v = new LuaTable();
        } else {
          kinds.push(OPEN_ARRAY);
          arrays.push([]);
          maps.push(undefined as unknown as LuaTable);
          keys.push(undefined);
          left.push(len);
          tops.push(top);
          top += 2;
          continue;
        }
      } else if (len === 0) {
        v = new LuaTable();
      } else {
        kinds.push(OPEN_MAP);
        arrays.push(undefined as unknown as LuaValue[]);
        maps.push(new LuaTable());
        keys.push(undefined);
        left.push(len);
        tops.push(top);
        top += 1;
        continue;
      }
    }
    // v is complete: hand it to the innermost open container, closing those it completes
    for (;;) {
      const n = kinds.length - 1;
      if (n < base) return v;
      const kind = kinds[n];
      if (kind === OPEN_ARRAY) {
        arrays[n].push(v);
        if (--left[n] > 0) {
          top = tops[n] + 2;
          break;
        }
        v = arrayTable(arrays[n]);
      } else if (kind === OPEN_MAP) {
        keys[n] = v;
        kinds[n] = -OPEN_MAP;
        top = tops[n] + 2;
        break;
      } else {
        const k = keys[n];
        // lua_settable from a C function: luaG_runerror adds no position
        if (k === undefined) throw new LuaError("table index is nil", 0);
        if (k !== k) throw new LuaError("table index is NaN", 0);
        maps[n].set(k, v);
        keys[n] = undefined;
        if (--left[n] > 0) {
          kinds[n] = OPEN_MAP;
          top = tops[n] + 1;
          break;
        }
        v = maps[n];
      }
      kinds.pop();
      arrays.pop();
      maps.pop();
      keys.pop();
      left.pop();
      tops.pop();
    }
  }
}

/** The table mp_decode_to_lua_array builds with lua_settable(t, i, v) for i = 1, 2, ... */
function arrayTable(arr: LuaValue[]): LuaTable {
  let holes = false;
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] === undefined) {
      holes = true;
      break;
    }
  }
  if (!holes) return sequenceTable(arr);
  const t = new LuaTable();
  for (let i = 0; i < arr.length; i++) t.setNum(i + 1, arr[i]);
  return t;
}

/** (int) of a lua_Integer, as printed by the %d in mp_unpack_full's messages. */
function cInt(n: number): number {
  return Number(BigInt.asIntN(32, BigInt(n)));
}

/** mp_unpack_full: limit and offset 0 mean "decode everything and return no offset". */
function unpackFull(s: string, limit: number, offset: number, nargs: number): LuaValue[] {
  const len = s.length;
  if (offset < 0 || limit < 0) {
    throw new LuaError(
      `Invalid request to unpack with offset of ${cInt(offset)} and limit of ${cInt(len)}.`,
      1,
    );
  }
  if (offset > len)
    throw new LuaError(`Start offset ${cInt(offset)} greater than input length ${cInt(len)}.`, 1);
  const decodeAll = limit === 0 && offset === 0;
  if (decodeAll) limit = 2147483647;
  const c = new Cursor(s, offset);
  const out: LuaValue[] = [];
  for (let cnt = 0; c.p < len && cnt < limit; cnt++) {
    const v = decodeValue(c, nargs + cnt);
    if (c.err === ERR_EOF) throw new LuaError("Missing bytes in input.", 1);
    if (c.err === ERR_BADFMT) throw new LuaError("Bad data format in input.", 1);
    out.push(v);
  }
  if (!decodeAll) {
    if (1 + out.length + 1 > MAXCSTACK) throw stackOverflow("in function mp_unpack_full");
    out.unshift(c.p >= len ? -1 : c.p);
  }
  return out.length === 0 ? EMPTY : out;
}

function unpack(s: LuaValue): LuaValue[] {
  const nargs = arguments.length;
  return unpackFull(checkString(s, 1, "unpack", nargs), 0, 0, nargs);
}

function unpackOne(s: LuaValue, offset: LuaValue): LuaValue[] {
  const nargs = arguments.length;
  const off = offset === undefined ? 0 : toInteger(checkNumber(offset, 2, "unpack_one", nargs));
  return unpackFull(checkString(s, 1, "unpack_one", Math.min(nargs, 1)), 1, off, 1);
}

function unpackLimit(s: LuaValue, limit: LuaValue, offset: LuaValue): LuaValue[] {
  const nargs = arguments.length;
  const lim = toInteger(checkNumber(limit, 2, "unpack_limit", nargs));
  const off = offset === undefined ? 0 : toInteger(checkNumber(offset, 3, "unpack_limit", nargs));
  return unpackFull(checkString(s, 1, "unpack_limit", Math.min(nargs, 1)), lim, off, 1);
}

/** The `cmsgpack` table as Redis registers it. */
export function makeCmsgpackLib(): LuaTable {
  const t = new LuaTable();
  t.setStr("pack", pack);
  t.setStr("unpack", unpack);
  t.setStr("unpack_one", unpackOne);
  t.setStr("unpack_limit", unpackLimit);
  t.setStr("_NAME", "cmsgpack");
  t.setStr("_VERSION", "lua-cmsgpack 0.4.0");
  t.setStr("_COPYRIGHT", "Copyright (C) 2012, Salvatore Sanfilippo");
  t.setStr("_DESCRIPTION", "MessagePack C implementation for Lua");
  return t;
}
