// The `bit` library Redis ships: LuaBitOp 1.0.2 (deps/lua/src/lua_bit.c), with Redis 7.0's
// tohex fix for INT32_MIN. Numbers become 32-bit integers the way LuaBitOp does it: add 2^52+2^51
// to the double and keep the low 32 bits of its representation. Uses args.ts for lauxlib errors.
import { LuaTable } from "../table.js";
import { str2number } from "../number.js";
import { typeArgError } from "./args.js";
import type { LuaValue } from "../value.js";

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer); // i32[0] is the low word on little-endian hosts

/** barg(): the low 32 bits of n + 2^52 + 2^51, as a signed 32-bit integer. */
function normalize(n: number): number {
  if ((n | 0) === n) return n | 0;
  f64[0] = n + 6755399441055744.0;
  return i32[0];
}

/** barg(L, idx): lua_tonumber, then "number expected" only when the result is 0 and not a number. */
function barg(v: LuaValue, idx: number, fname: string, nargs: number): number {
  if (typeof v === "number") return normalize(v);
  let n = 0;
  let isNum = false;
  if (typeof v === "string") {
    const x = str2number(v);
    if (x !== undefined) {
      n = x;
      isNum = true;
    }
  }
  const b = normalize(n);
  if (b === 0 && !isNum) throw typeArgError(idx, fname, "number", v, idx > nargs);
  return b;
}

function tobit(x: LuaValue): number {
  return barg(x, 1, "tobit", arguments.length);
}

function bnot(x: LuaValue): number {
  return ~barg(x, 1, "bnot", arguments.length);
}

// BIT_OP: the first argument, then the rest from the last down to the second.
function band(x: LuaValue, y: LuaValue, ...more: LuaValue[]): number {
  const n = arguments.length;
  let b = barg(x, 1, "band", n);
  if (n === 2) return b & barg(y, 2, "band", n);
  for (let i = n; i > 2; i--) b &= barg(more[i - 3], i, "band", n);
  if (n >= 2) b &= barg(y, 2, "band", n);
  return b;
}

function bor(x: LuaValue, y: LuaValue, ...more: LuaValue[]): number {
  const n = arguments.length;
  let b = barg(x, 1, "bor", n);
  if (n === 2) return b | barg(y, 2, "bor", n);
  for (let i = n; i > 2; i--) b |= barg(more[i - 3], i, "bor", n);
  if (n >= 2) b |= barg(y, 2, "bor", n);
  return b;
}

function bxor(x: LuaValue, y: LuaValue, ...more: LuaValue[]): number {
  const n = arguments.length;
  let b = barg(x, 1, "bxor", n);
  if (n === 2) return b ^ barg(y, 2, "bxor", n);
  for (let i = n; i > 2; i--) b ^= barg(more[i - 3], i, "bxor", n);
  if (n >= 2) b ^= barg(y, 2, "bxor", n);
  return b;
}

// BIT_SH: the shift count is the second argument's low five bits.
function lshift(x: LuaValue, s: LuaValue): number {
  const n = arguments.length;
  const b = barg(x, 1, "lshift", n);
  return b << (barg(s, 2, "lshift", n) & 31);
}

function rshift(x: LuaValue, s: LuaValue): number {
  const n = arguments.length;
  const b = barg(x, 1, "rshift", n);
  return (b >>> (barg(s, 2, "rshift", n) & 31)) | 0;
}

function arshift(x: LuaValue, s: LuaValue): number {
  const n = arguments.length;
  const b = barg(x, 1, "arshift", n);
  return b >> (barg(s, 2, "arshift", n) & 31);
}

function rol(x: LuaValue, s: LuaValue): number {
  const n = arguments.length;
  const b = barg(x, 1, "rol", n);
  const k = barg(s, 2, "rol", n) & 31;
  return (b << k) | (b >>> (32 - k));
}

function ror(x: LuaValue, s: LuaValue): number {
  const n = arguments.length;
  const b = barg(x, 1, "ror", n);
  const k = barg(s, 2, "ror", n) & 31;
  return (b << (32 - k)) | (b >>> k);
}

function bswap(x: LuaValue): number {
  const b = barg(x, 1, "bswap", arguments.length);
  return (b >>> 24) | ((b >>> 8) & 0xff00) | ((b & 0xff00) << 8) | (b << 24);
}

const LOWER = "0123456789abcdef";
const UPPER = "0123456789ABCDEF";

function tohex(x: LuaValue, w: LuaValue): string {
  const nargs = arguments.length;
  let b = barg(x, 1, "tohex", nargs);
  let n = nargs < 2 ? 8 : barg(w, 2, "tohex", nargs);
  if (n === -2147483648) n = -2147483647;
  let digits = LOWER;
  if (n < 0) {
    n = -n;
    digits = UPPER;
  }
  if (n > 8) n = 8;
  let s = "";
  for (let i = 0; i < n; i++) {
    s = digits[b & 15] + s;
    b >>>= 4;
  }
  return s;
}

/** The `bit` table as Redis registers it. */
export function makeBitLib(): LuaTable {
  const t = new LuaTable();
  const fns: [string, (...args: any[]) => LuaValue][] = [
    ["tobit", tobit],
    ["bnot", bnot],
    ["band", band],
    ["bor", bor],
    ["bxor", bxor],
    ["lshift", lshift],
    ["rshift", rshift],
    ["arshift", arshift],
    ["rol", rol],
    ["ror", ror],
    ["bswap", bswap],
    ["tohex", tohex],
  ];
  for (const [name, f] of fns) t.setStr(name, f);
  return t;
}
