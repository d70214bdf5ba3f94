// The `struct` library Redis ships (Roberto Ierusalimschy's struct.c, deps/lua/src/lua_struct.c, with
// Redis's overflow and offset fixes): pack, unpack, size on an x86-64 host (little-endian, long and
// size_t of 8 bytes, int of 4, max alignment 8). Binary strings are latin1 JS strings.
import { LuaTable } from "../table.js";
import { LuaError } from "../errors.js";
import { str2number } from "../number.js";
import { argError, checkNumber, checkString, toInteger } from "./args.js";
import type { LuaValue } from "../value.js";
import { CHARGE_MIN, chargeAllocation } from "../memory.js";
import { BLOCK, Pieces } from "./pieces.js";

const MAXINTSIZE = 32;
const MAXALIGN = 8;
/** LUAI_MAXCSTACK: lua_checkstack fails past this many slots. */
const MAXCSTACK = 8000;

interface Header {
  little: boolean;
  align: number;
}

/** A cursor over the format string; C stops at the first NUL. */
class Fmt {
  i = 0;
  readonly end: number;
  constructor(readonly s: string) {
    const z = s.indexOf("\0");
    this.end = z < 0 ? s.length : z;
  }
  isDigit(): boolean {
    const c = this.s.charCodeAt(this.i);
    return this.i < this.end && c >= 48 && c <= 57;
  }
}

function getnum(f: Fmt, df: number): number {
  if (!f.isDigit()) return df;
  let a = 0;
  do {
    const d = f.s.charCodeAt(f.i) - 48;
    if (a > Math.trunc(2147483647 / 10) || a * 10 > 2147483647 - d)
      throw new LuaError("integral size overflow", 1);
    a = a * 10 + d;
    f.i++;
  } while (f.isDigit());
  return a;
}

function optsize(opt: string, f: Fmt): number {
  switch (opt) {
    case "B":
    case "b":
    case "x":
      return 1;
    case "H":
    case "h":
      return 2;
    case "L":
    case "l":
    case "T":
    case "d":
      return 8;
    case "f":
      return 4;
    case "c":
      return getnum(f, 1);
    case "i":
    case "I": {
      const sz = getnum(f, 4);
      if (sz > MAXINTSIZE) throw new LuaError(`integral size ${sz} is larger than limit of ${MAXINTSIZE}`, 1);
      return sz;
    }
    default:
      return 0;
  }
}

/** Bytes needed to align an element of `size` at position `len`. */
function gettoalign(len: number, h: Header, opt: string, size: number): number {
  if (size === 0 || opt === "c") return 0;
  if (size > h.align) size = h.align;
  return (size - (len & (size - 1))) & (size - 1);
}

function controloptions(opt: string, f: Fmt, h: Header, fname: string): void {
  switch (opt) {
    case " ":
      return;
    case ">":
      h.little = false;
      return;
    case "<":
      h.little = true;
      return;
    case "!": {
      const a = getnum(f, MAXALIGN);
      if (!(a > 0 && (a & (a - 1)) === 0)) throw new LuaError(`alignment ${a} is not a power of 2`, 1);
      h.align = a;
      return;
    }
    default:
      throw argError(1, fname, `invalid format option '${opt}'`);
  }
}

const TWO63 = 9223372036854775808;
const TWO64 = 18446744073709551616;

/** putinteger's conversion: negative via (unsigned long)(long)n, else (unsigned long)n, as gcc on x86-64. */
function toUint64(n: number): bigint {
  if (n < 0) {
    if (n < -TWO63) return 1n << 63n; // out of range: cvttsd2si gives INT64_MIN
    return BigInt.asUintN(64, BigInt(Math.trunc(n)));
  }
  if (n !== n) return 1n << 63n;
  if (n >= TWO64) return 0n;
  return BigInt(Math.trunc(n));
}

/** putinteger's bytes: the low `size` bytes of the 64-bit value, then zeros (no sign extension). */
function intBytes(n: number, size: number, little: boolean): string {
  let lo: number;
  let hi: number;
  if (n > -2147483649 && n < 4294967296) {
    const t = Math.trunc(n);
    lo = t >>> 0;
    hi = t < 0 ? 0xffffffff : 0;
  } else {
    const v = toUint64(n);
    lo = Number(v & 0xffffffffn);
    hi = Number(v >> 32n);
  }
  let s = "";
  for (let k = 0; k < size; k++) {
    const i = little ? k : size - 1 - k; // byte significance of the k-th byte written
    const byte = i < 4 ? (lo >>> (8 * i)) & 0xff : i < 8 ? (hi >>> (8 * (i - 4))) & 0xff : 0;
    s += String.fromCharCode(byte);
  }
  return s;
}

const fbuf = new DataView(new ArrayBuffer(8));

function floatBytes(n: number, size: 4 | 8, little: boolean): string {
  if (size === 4) fbuf.setFloat32(0, n, little);
  else fbuf.setFloat64(0, n, little);
  let s = "";
  for (let i = 0; i < size; i++) s += String.fromCharCode(fbuf.getUint8(i));
  return s;
}

function pack(fmtArg: LuaValue, ...args: LuaValue[]): string {
  // b_pack pushes a nil after its arguments: a missing one right after the last reads as nil
  const nargs = arguments.length;
  const f = new Fmt(checkString(fmtArg, 1, "pack", nargs));
  const h: Header = { little: true, align: 1 };
  let arg = 2;
  let total = 0;
  let out = "";
  // out's earlier blocks, for a format of very many options (see pieces.ts)
  let done: Pieces | undefined;
  let options = 0;
  while (f.i < f.end) {
    if ((++options & (BLOCK - 1)) === 0) {
      (done ??= new Pieces()).add(out);
      out = "";
    }
    const opt = f.s[f.i++];
    let size = optsize(opt, f);
    const toalign = gettoalign(total, h, opt, size);
    total += toalign;
    if (toalign > 0) out += "\0".repeat(toalign);
    switch (opt) {
      case "b":
      case "B":
      case "h":
      case "H":
      case "l":
      case "L":
      case "T":
      case "i":
      case "I": {
        const n = checkNumber(args[arg - 2], arg, "pack", nargs + 1);
        arg++;
        out += intBytes(n, size, h.little);
        break;
      }
      case "x": {
        // a run of x's at once: each a NUL, none aligned
        const from = f.i;
        while (f.i < f.end && f.s.charCodeAt(f.i) === 120) f.i++;
        size = f.i - from + 1;
        if (size >= CHARGE_MIN) chargeAllocation(size);
        out += size === 1 ? "\0" : "\0".repeat(size);
        break;
      }
      case "f":
      case "d": {
        const n = checkNumber(args[arg - 2], arg, "pack", nargs + 1);
        arg++;
        out += floatBytes(n, size as 4 | 8, h.little);
        break;
      }
      case "c":
      case "s": {
        const s = checkString(args[arg - 2], arg, "pack", nargs + 1);
        arg++;
        if (size === 0) size = s.length;
        // luaL_argcheck names the argument after the one just read (arg was already incremented)
        if (s.length < size) throw argError(arg, "pack", "string too short");
        out += size === s.length ? s : s.slice(0, size);
        if (opt === "s") {
          out += "\0";
          size++;
        }
        break;
      }
      default:
        controloptions(opt, f, h, "pack");
    }
    total += size;
  }
  return done === undefined ? out : done.finish(out);
}

/** getinteger: `size` bytes as an unsigned long, sign-extended with C's (masked) shift when signed. */
function getinteger(data: string, pos: number, little: boolean, signed: boolean, size: number): number {
  if (size <= 6) {
    let v = 0;
    for (let i = 0; i < size; i++) {
      const byte = data.charCodeAt(little ? pos + size - 1 - i : pos + i);
      v = v * 256 + byte;
    }
    if (signed && size > 0 && v >= 2 ** (size * 8 - 1)) v -= 2 ** (size * 8);
    return v;
  }
  let l = 0n;
  for (let i = 0; i < size; i++) {
    const byte = data.charCodeAt(little ? pos + size - 1 - i : pos + i);
    l = ((l << 8n) | BigInt(byte)) & 0xffffffffffffffffn;
  }
  if (!signed) return Number(l);
  const mask = (0xffffffffffffffffn << BigInt((size * 8 - 1) & 63)) & 0xffffffffffffffffn;
  if ((l & mask) !== 0n) l |= mask;
  return Number(BigInt.asIntN(64, l));
}

function readFloat(data: string, pos: number, size: 4 | 8, little: boolean): number {
  for (let i = 0; i < size; i++) fbuf.setUint8(i, data.charCodeAt(pos + i));
  return size === 4 ? fbuf.getFloat32(0, little) : fbuf.getFloat64(0, little);
}

function unpack(fmtArg: LuaValue, dataArg: LuaValue, posArg: LuaValue): LuaValue[] {
  const nargs = arguments.length;
  const f = new Fmt(checkString(fmtArg, 1, "unpack", nargs));
  const data = checkString(dataArg, 2, "unpack", nargs);
  const ld = data.length;
  // size_t pos = luaL_optinteger(L, 3, 1): a negative offset wraps to a huge one
  const start = posArg === undefined ? 1 : toInteger(checkNumber(posArg, 3, "unpack", nargs));
  if (start === 0) throw argError(3, "unpack", "offset must be 1 or greater");
  let pos = start - 1;
  const h: Header = { little: true, align: 1 };
  const res: LuaValue[] = [];
  while (f.i < f.end) {
    const opt = f.s[f.i++];
    let size = optsize(opt, f);
    pos += gettoalign(pos, h, opt, size);
    if (!(size <= ld && pos >= 0 && pos <= ld - size)) throw argError(2, "unpack", "data string too short");
    if (nargs + res.length + 2 > MAXCSTACK) throw new LuaError("stack overflow (too many results)", 1);
    switch (opt) {
      case "b":
      case "B":
      case "h":
      case "H":
      case "l":
      case "L":
      case "T":
      case "i":
      case "I":
        res.push(getinteger(data, pos, h.little, opt >= "a", size));
        break;
      case "x":
        break;
      case "f":
      case "d":
        res.push(readFloat(data, pos, size as 4 | 8, h.little));
        break;
      case "c": {
        if (size === 0) {
          const prev = res.length === 0 ? undefined : res[res.length - 1];
          const n = typeof prev === "number" ? prev : typeof prev === "string" ? str2number(prev) : undefined;
          if (n === undefined) throw new LuaError("format 'c0' needs a previous size", 1);
          res.pop();
          size = sizeT(n);
          if (!(size <= ld && pos <= ld - size)) throw argError(2, "unpack", "data string too short");
        }
        res.push(data.slice(pos, pos + size));
        break;
      }
      case "s": {
        const e = data.indexOf("\0", pos);
        if (e < 0) throw new LuaError("unfinished string in data", 1);
        size = e - pos + 1;
        res.push(data.slice(pos, e));
        break;
      }
      default:
        controloptions(opt, f, h, "unpack");
    }
    pos += size;
  }
  // lua_pushinteger(pos + 1): a wrapped (negative) start comes back as it went in
  res.push(pos + 1);
  return res;
}

/** (size_t)lua_Number as gcc converts on x86-64 (negative and huge values become huge). */
function sizeT(n: number): number {
  if (n >= 0 && n < TWO64) return Math.trunc(n);
  return Infinity;
}

function size(fmtArg: LuaValue): number {
  const f = new Fmt(checkString(fmtArg, 1, "size", arguments.length));
  const h: Header = { little: true, align: 1 };
  let pos = 0;
  while (f.i < f.end) {
    const opt = f.s[f.i++];
    const sz = optsize(opt, f);
    pos += gettoalign(pos, h, opt, sz);
    if (opt === "s") throw argError(1, "size", "option 's' has no fixed size");
    else if (opt === "c" && sz === 0) throw argError(1, "size", "option 'c0' has no fixed size");
    if (!/^[0-9A-Za-z]$/.test(opt)) controloptions(opt, f, h, "size");
    pos += sz;
  }
  return pos;
}

/** The `struct` table as Redis registers it. */
export function makeStructLib(): LuaTable {
  const t = new LuaTable();
  t.setStr("pack", pack);
  t.setStr("unpack", unpack);
  t.setStr("size", size);
  return t;
}
