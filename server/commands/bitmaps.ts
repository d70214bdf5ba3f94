// Bitmap commands (bitops.c): SETBIT GETBIT BITCOUNT BITPOS BITOP BITFIELD BITFIELD_RO. They work
// on string values (latin1 byte strings, bit 0 = the most significant bit of byte 0); a write
// rebuilds the string, as SETRANGE does. Uses helpers.ts for lookups and strings.ts's size limit.

import type { ClientState } from "../client.js";
import { ENC_RAW, type Entry } from "../keyspace/db.js";
import { err, ErrorReply, type Reply } from "../reply.js";
import { parseLL } from "../util/numbers.js";
import { cstr, ERR_SYNTAX, intArg, readString, WRONGTYPE } from "./helpers.js";
import { ERR_MAXSIZE, maxStringLen } from "./strings.js";
import { bitfieldKeyFlags } from "./getkeys.js";
import type { CommandDef, KeySpec } from "./table.js";

const ERR_BIT_OFFSET = err("ERR bit offset is not an integer or out of range");
const ERR_BIT_VALUE = err("ERR bit is not an integer or out of range");
const ERR_BIT_ARG = err("ERR The bit argument must be 1 or 0.");
const ERR_BITFIELD_TYPE = err(
  "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.",
);

/** strcasecmp against a lowercase keyword: C compares up to the argument's first NUL. */
function keyword(arg: string, lower: string): boolean {
  return cstr(arg).toLowerCase() === lower;
}

/** Set bits of each byte value. */
const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1];

/**
 * getBitOffsetFromArgument: a bit offset below proto-max-bulk-len bytes. With `bits` (BITFIELD)
 * "#N" means N*bits; the product wraps as C's int64 multiplication does.
 */
function bitOffsetArg(c: ClientState, s: string, bits = 0): number | ErrorReply {
  const hash = bits > 0 && s.charCodeAt(0) === 35; /* # */
  const v = parseLL(hash ? s.slice(1) : s);
  if (v === undefined) return ERR_BIT_OFFSET;
  let off = BigInt(v);
  if (hash) off = BigInt.asIntN(64, off * BigInt(bits));
  if (off < 0n || off >> 3n >= BigInt(c.db.host.protoMaxBulkLen)) return ERR_BIT_OFFSET;
  return Number(off);
}

/**
 * lookupStringForBitCommand: the string entry at argv[1] for a write, created or zero-padded so
 * that bit `maxbit` exists, and marked raw (dbUnshareStringValue). `grew` tells whether it was
 * created or lengthened.
 */
function stringForBits(
  c: ClientState,
  key: string,
  maxbit: number,
): { e: Entry; grew: boolean } | ErrorReply {
  const bytes = Math.floor(maxbit / 8) + 1;
  const db = c.db;
  const e = db.lookupWrite(key);
  if (e !== undefined && typeof e.v !== "string") return WRONGTYPE;
  if (bytes > maxStringLen(c)) return ERR_MAXSIZE;
  if (e === undefined) {
    const ne = db.add(key, "\0".repeat(bytes));
    ne.enc = ENC_RAW;
    return { e: ne, grew: true };
  }
  const v = e.v as string;
  e.enc = ENC_RAW;
  if (v.length >= bytes) return { e, grew: false };
  e.v = v + "\0".repeat(bytes - v.length);
  return { e, grew: true };
}

/** The string with byte `i` replaced. */
function withByte(s: string, i: number, b: number): string {
  return s.slice(0, i) + String.fromCharCode(b) + s.slice(i + 1);
}

function setbit(c: ClientState, argv: string[]): Reply {
  const offset = bitOffsetArg(c, argv[2]);
  if (offset instanceof ErrorReply) return offset;
  const on = intArg(argv[3], ERR_BIT_VALUE);
  if (on instanceof ErrorReply) return on;
  if (on !== 0 && on !== 1) return ERR_BIT_VALUE;
  const r = stringForBits(c, argv[1], offset);
  if (r instanceof ErrorReply) return r;
  const e = r.e;
  const byte = offset >>> 3;
  const mask = 1 << (7 - (offset & 7));
  const v = e.v as string;
  const old = v.charCodeAt(byte);
  const was = (old & mask) !== 0 ? 1 : 0;
  // a new or lengthened string, or a bit that changes, is a modification (WATCH, dirty)
  if (r.grew || was !== on) {
    e.v = withByte(v, byte, on ? old | mask : old & ~mask);
    c.db.modified(argv[1]);
  }
  return was;
}

function getbit(c: ClientState, argv: string[]): Reply {
  const offset = bitOffsetArg(c, argv[2]);
  if (offset instanceof ErrorReply) return offset;
  const v = readString(c, argv[1]);
  if (v === undefined) return 0;
  if (v instanceof ErrorReply) return v;
  const byte = offset >>> 3;
  if (byte >= v.length) return 0;
  return (v.charCodeAt(byte) >> (7 - (offset & 7))) & 1;
}

/** Set bits in bytes [from, to] of s. */
function popcount(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) n += POPCOUNT[s.charCodeAt(i)];
  return n;
}

/**
 * The bit range [start, end] of BITCOUNT/BITPOS after Redis's index conversion: negative
 * indexes count from the end, then clamped to the string (in bytes, or bits with BIT).
 */
function clampRange(start: number, end: number, total: number): [number, number] {
  if (start < 0) start = total + start;
  if (end < 0) end = total + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= total) end = total - 1;
  return [start, end];
}

function bitcount(c: ClientState, argv: string[]): Reply {
  const v = readString(c, argv[1]);
  if (v === undefined) return 0;
  if (v instanceof ErrorReply) return v;
  if (argv.length === 2) return popcount(v, 0, v.length - 1);
  if (argv.length !== 4 && argv.length !== 5) return ERR_SYNTAX;
  const s = intArg(argv[2]);
  if (s instanceof ErrorReply) return s;
  const en = intArg(argv[3]);
  if (en instanceof ErrorReply) return en;
  if (s < 0 && en < 0 && s > en) return 0;
  let isbit = false;
  if (argv.length === 5) {
    if (keyword(argv[4], "bit")) isbit = true;
    else if (!keyword(argv[4], "byte")) return ERR_SYNTAX;
  }
  const total = isbit ? v.length * 8 : v.length;
  const [start, end] = clampRange(s, en, total);
  if (start > end) return 0;
  if (!isbit) return popcount(v, start, end);
  const first = Math.floor(start / 8);
  const last = Math.floor(end / 8);
  let n = popcount(v, first, last);
  // the bits of the edge bytes outside the range
  n -= POPCOUNT[v.charCodeAt(first) & ~((1 << (8 - (start & 7))) - 1) & 0xff];
  n -= POPCOUNT[v.charCodeAt(last) & ((1 << (7 - (end & 7))) - 1)];
  return n;
}

/** The first bit equal to `bit` in bits [from, to] of s, or -1. */
function findBit(s: string, bit: number, from: number, to: number): number {
  const skip = bit ? 0 : 0xff;
  let i = from;
  while (i <= to) {
    const byte = i >>> 3;
    // whole bytes that can't hold the bit
    if ((i & 7) === 0 && i + 7 <= to && s.charCodeAt(byte) === skip) {
      i += 8;
      continue;
    }
    if (((s.charCodeAt(byte) >> (7 - (i & 7))) & 1) === bit) return i;
    i++;
  }
  return -1;
}

function bitpos(c: ClientState, argv: string[]): Reply {
  const bit = intArg(argv[2]);
  if (bit instanceof ErrorReply) return bit;
  if (bit !== 0 && bit !== 1) return ERR_BIT_ARG;
  // a missing key is an infinite run of zeros
  const e = c.db.lookupRead(argv[1], c.noTouch);
  if (e === undefined) return bit ? -1 : 0;
  if (typeof e.v !== "string") return WRONGTYPE;
  const v = e.v;
  if (argv.length > 6) return ERR_SYNTAX;
  let from = 0;
  let to = v.length * 8 - 1;
  let endGiven = false;
  if (argv.length === 3) {
    // the whole string; an empty one is an empty range
    if (v.length === 0) return -1;
  } else {
    const s = intArg(argv[3]);
    if (s instanceof ErrorReply) return s;
    let isbit = false;
    if (argv.length === 6) {
      if (keyword(argv[5], "bit")) isbit = true;
      else if (!keyword(argv[5], "byte")) return ERR_SYNTAX;
    }
    const total = isbit ? v.length * 8 : v.length;
    let en = total - 1;
    if (argv.length >= 5) {
      const x = intArg(argv[4]);
      if (x instanceof ErrorReply) return x;
      en = x;
      endGiven = true;
    }
    const [start, end] = clampRange(s, en, total);
    // an empty range holds neither a 0 nor a 1
    if (start > end) return -1;
    from = isbit ? start : start * 8;
    to = isbit ? end : end * 8 + 7;
  }
  const pos = findBit(v, bit, from, to);
  if (pos >= 0 || bit === 1) return pos;
  // no clear bit: without an explicit end the string counts as zero-padded on the right
  return endGiven ? -1 : to + 1;
}

function bitop(c: ClientState, argv: string[]): Reply {
  const op = cstr(argv[1]).toLowerCase();
  if (op !== "and" && op !== "or" && op !== "xor" && op !== "not") return ERR_SYNTAX;
  if (op === "not" && argv.length !== 4) return err("ERR BITOP NOT must be called with a single source key.");
  const srcs: string[] = [];
  let maxlen = 0;
  for (let i = 3; i < argv.length; i++) {
    const v = readString(c, argv[i]);
    if (v instanceof ErrorReply) return v;
    const s = v ?? "";
    srcs.push(s);
    if (s.length > maxlen) maxlen = s.length;
  }
  const dest = argv[2];
  const db = c.db;
  if (maxlen === 0) {
    if (db.delete(dest)) db.modified(dest);
    return 0;
  }
  const res = Buffer.alloc(maxlen);
  const first = srcs[0];
  if (op === "not") {
    for (let j = 0; j < maxlen; j++) res[j] = ~first.charCodeAt(j) & 0xff;
  } else {
    for (let j = 0; j < first.length; j++) res[j] = first.charCodeAt(j);
    for (let k = 1; k < srcs.length; k++) {
      const s = srcs[k];
      const n = s.length;
      // bytes past a source's end are zeros
      if (op === "and") {
        for (let j = 0; j < n; j++) res[j] &= s.charCodeAt(j);
        res.fill(0, n);
      } else if (op === "or") for (let j = 0; j < n; j++) res[j] |= s.charCodeAt(j);
      else for (let j = 0; j < n; j++) res[j] ^= s.charCodeAt(j);
    }
  }
  const e = db.set(dest, res.toString("latin1"));
  e.enc = ENC_RAW;
  db.modified(dest);
  return maxlen;
}

// ---- BITFIELD ---------------------------------------------------------------------------------

const WRAP = 0;
const SAT = 1;
const FAIL = 2;

interface BitfieldOp {
  op: "get" | "set" | "incrby";
  signed: boolean;
  bits: number;
  offset: number;
  value: bigint;
  overflow: number;
}

/** getBitfieldTypeFromArgument: i1..i64 or u1..u63 (case-sensitive, as in C). */
function bitfieldType(s: string): { signed: boolean; bits: number } | ErrorReply {
  const t = s.charCodeAt(0);
  if (t !== 105 /* i */ && t !== 117 /* u */) return ERR_BITFIELD_TYPE;
  const signed = t === 105;
  const n = parseLL(cstr(s.slice(1)));
  if (n === undefined || n < 1 || (signed && n > 64) || (!signed && n > 63)) return ERR_BITFIELD_TYPE;
  return { signed, bits: Number(n) };
}

/** getUnsignedBitfield over a byte string (bytes past its end read as zeros). */
function getBits(s: string, offset: number, bits: number): bigint {
  let v = 0n;
  for (let j = 0; j < bits; j++, offset++) {
    const byte = offset >>> 3;
    const b = byte < s.length ? (s.charCodeAt(byte) >> (7 - (offset & 7))) & 1 : 0;
    v = (v << 1n) | BigInt(b);
  }
  return v;
}

/** setUnsignedBitfield: the string with `bits` bits at `offset` replaced by v's low bits. */
function setBits(s: string, offset: number, bits: number, v: bigint): string {
  const first = offset >>> 3;
  const last = (offset + bits - 1) >>> 3;
  const buf = Buffer.from(s.slice(first, last + 1), "latin1");
  for (let j = 0; j < bits; j++) {
    const o = offset + j - first * 8;
    const bit = Number((v >> BigInt(bits - 1 - j)) & 1n);
    const m = 1 << (7 - (o & 7));
    buf[o >>> 3] = bit ? buf[o >>> 3] | m : buf[o >>> 3] & ~m;
  }
  return s.slice(0, first) + buf.toString("latin1") + s.slice(last + 1);
}

const i64 = (x: bigint) => BigInt.asIntN(64, x);
const u64 = (x: bigint) => BigInt.asUintN(64, x);

/**
 * checkUnsignedBitfieldOverflow / checkSignedBitfieldOverflow with C's 64-bit wrap-around: 0 when
 * value + incr fits, else +1/-1 and the value WRAP or SAT gives.
 */
function checkOverflow(
  signed: boolean,
  value: bigint,
  incr: bigint,
  bits: number,
  overflow: number,
): { dir: number; limit: bigint } {
  const B = BigInt(bits);
  if (!signed) {
    const max = (1n << B) - 1n;
    const maxincr = i64(max - value);
    const minincr = i64(-value);
    const wrap = () => u64(value + incr) & max;
    if (value > max || (incr > 0n && incr > maxincr)) {
      return { dir: 1, limit: overflow === WRAP ? wrap() : max };
    }
    if (incr < 0n && incr < minincr) return { dir: -1, limit: overflow === WRAP ? wrap() : 0n };
    return { dir: 0, limit: 0n };
  }
  const max = bits === 64 ? 0x7fffffffffffffffn : (1n << (B - 1n)) - 1n;
  const min = -max - 1n;
  const maxincr = i64(max - value);
  const minincr = i64(min - value);
  const wrap = () => {
    let r = u64(value + incr);
    if (bits < 64) {
      const mask = u64(-1n << B);
      r = r & (1n << (B - 1n)) ? r | mask : r & ~mask;
    }
    return i64(r);
  };
  if (value > max || (bits !== 64 && incr > maxincr) || (value >= 0n && incr > 0n && incr > maxincr)) {
    return { dir: 1, limit: overflow === WRAP ? wrap() : max };
  }
  if (value < min || (bits !== 64 && incr < minincr) || (value < 0n && incr < 0n && incr < minincr)) {
    return { dir: -1, limit: overflow === WRAP ? wrap() : min };
  }
  return { dir: 0, limit: 0n };
}

/** A bigint reply as a number when it is exact. */
function intOut(v: bigint): number | bigint {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

/** bitfieldGeneric: parses every operation first, then runs them in order. */
function bitfieldGeneric(c: ClientState, argv: string[], readonlyCmd: boolean): Reply {
  const ops: BitfieldOp[] = [];
  let overflow = WRAP;
  let readonly = true;
  let highest = 0;
  for (let j = 2; j < argv.length; j++) {
    const rem = argv.length - j - 1;
    const sub = cstr(argv[j]).toLowerCase();
    let op: BitfieldOp["op"];
    if (sub === "get" && rem >= 2) op = "get";
    else if (sub === "set" && rem >= 3) op = "set";
    else if (sub === "incrby" && rem >= 3) op = "incrby";
    else if (sub === "overflow" && rem >= 1) {
      const t = cstr(argv[++j]).toLowerCase();
      if (t === "wrap") overflow = WRAP;
      else if (t === "sat") overflow = SAT;
      else if (t === "fail") overflow = FAIL;
      else return err("ERR Invalid OVERFLOW type specified");
      continue;
    } else return ERR_SYNTAX;
    const type = bitfieldType(argv[j + 1]);
    if (type instanceof ErrorReply) return type;
    const offset = bitOffsetArg(c, argv[j + 2], type.bits);
    if (offset instanceof ErrorReply) return offset;
    let value = 0n;
    if (op !== "get") {
      readonly = false;
      if (highest < offset + type.bits - 1) highest = offset + type.bits - 1;
      const v = parseLL(argv[j + 3]);
      if (v === undefined) return err("ERR value is not an integer or out of range");
      value = BigInt(v);
    }
    ops.push({ op, signed: type.signed, bits: type.bits, offset, value, overflow });
    j += op === "get" ? 2 : 3;
  }
  const key = argv[1];
  if (readonly) {
    const v = readString(c, key);
    if (v instanceof ErrorReply) return v;
    return ops.map((o) => {
      const u = getBits(v ?? "", o.offset, o.bits);
      return intOut(o.signed ? BigInt.asIntN(o.bits, u) : u);
    });
  }
  if (readonlyCmd) return err("ERR BITFIELD_RO only supports the GET subcommand");
  const r = stringForBits(c, key, highest);
  if (r instanceof ErrorReply) return r;
  const e = r.e;
  const out: Reply[] = [];
  let changes = 0;
  for (const o of ops) {
    const s = e.v as string;
    if (o.op === "get") {
      const u = getBits(s, o.offset, o.bits);
      out.push(intOut(o.signed ? BigInt.asIntN(o.bits, u) : u));
      continue;
    }
    const raw = getBits(s, o.offset, o.bits);
    const old = o.signed ? BigInt.asIntN(o.bits, raw) : raw;
    let next: bigint;
    let ret: bigint;
    let ov: { dir: number; limit: bigint };
    if (o.op === "incrby") {
      ov = checkOverflow(o.signed, old, o.value, o.bits, o.overflow);
      next = ov.dir !== 0 ? ov.limit : old + o.value;
      ret = next;
    } else {
      // SET stores the value as the field's type: a negative value in an unsigned field is
      // 2^64 + value, an overflow
      const value = o.signed ? o.value : u64(o.value);
      ov = checkOverflow(o.signed, value, 0n, o.bits, o.overflow);
      next = ov.dir !== 0 ? ov.limit : value;
      ret = old;
    }
    if (ov.dir !== 0 && o.overflow === FAIL) {
      out.push(null);
      continue;
    }
    out.push(intOut(ret));
    const bitsNext = BigInt.asUintN(o.bits, next);
    // a change when the string was created or lengthened, or the field's bits differ
    if (r.grew || bitsNext !== raw) {
      changes++;
      e.v = setBits(s, o.offset, o.bits, bitsNext);
    }
  }
  if (changes !== 0) c.db.modified(key, changes);
  return out;
}

const keySpec = (flags: string, begin = 1, lastkey = 0): KeySpec => ({
  flags,
  begin,
  find: { lastkey, step: 1, limit: 0 },
});

export const bitmapCommands: CommandDef[] = [
  {
    name: "setbit",
    arity: 4,
    flags: ["write", "denyoom"],
    keys: [1, 1, 1],
    acl: ["bitmap"],
    keySpecs: [keySpec("RW access update")],
    handler: setbit,
  },
  {
    name: "getbit",
    arity: 3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["bitmap"],
    keySpecs: [keySpec("RO access")],
    handler: getbit,
  },
  {
    name: "bitcount",
    arity: -2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["bitmap"],
    keySpecs: [keySpec("RO access")],
    handler: bitcount,
  },
  {
    name: "bitpos",
    arity: -3,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["bitmap"],
    keySpecs: [keySpec("RO access")],
    handler: bitpos,
  },
  {
    name: "bitop",
    arity: -4,
    flags: ["write", "denyoom"],
    keys: [2, -1, 1],
    acl: ["bitmap"],
    keySpecs: [keySpec("OW update", 2), keySpec("RO access", 3, -1)],
    handler: bitop,
  },
  {
    name: "bitfield",
    arity: -2,
    flags: ["write", "denyoom"],
    keys: [1, 1, 1],
    acl: ["bitmap"],
    keySpecs: [
      {
        notes: "This command allows both access and modification of the key",
        flags: "RW access update variable_flags",
        begin: 1,
        find: { lastkey: 0, step: 1, limit: 0 },
      },
    ],
    handler: (c, a) => bitfieldGeneric(c, a, false),
    keyFlags: bitfieldKeyFlags,
  },
  {
    name: "bitfield_ro",
    arity: -2,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["bitmap"],
    keySpecs: [keySpec("RO access")],
    handler: (c, a) => bitfieldGeneric(c, a, true),
  },
];
