// Lua 5.1's string library (lstrlib.c): byte char dump find format gmatch gsub len lower
// match rep reverse sub upper, plus 5.1's compat alias gfind. Strings are bytes (chars
// 0-255). Patterns come from lpattern.ts, string.format from format.ts, argument checks
// from args.ts; gsub reaches Lua functions and __index through ops.ts.
import { LuaError, MAXCCALLS, cCalls, memoryError } from "../errors.js";
import { CHARGE_MIN, chargeAllocation } from "../memory.js";
import { numberToString } from "../number.js";
import { index, type } from "../ops.js";
import { LuaTable } from "../table.js";
import { EMPTY, type LuaResult, type LuaValue } from "../value.js";
import { argError, checkInt, checkString, optInt, typeArgError } from "./args.js";
import { format } from "./format.js";
import { getPattern, isLiteralPattern, isPlainPattern, MatchState, type Pattern } from "./lpattern.js";
import { asciiLower, asciiUpper } from "./bytemap.js";
import { BLOCK, MAX_STRING, Pieces } from "./pieces.js";

/**
 * gsub splits a string of up to this many chars at a literal pattern in one go; a longer one in
 * segments of this size (a split of 2^28 one-char matches would be an array past V8's longest).
 */
const SPLIT_CHARS = 1 << 22;
/** LUAI_MAXCSTACK: how many values a C function may push */
const MAXCSTACK = 8000;

function tooBig(): LuaError {
  return memoryError();
}

/** posrelat: a relative string position (negative counts back from the end). */
function posrelat(pos: number, len: number): number {
  if (pos < 0) pos += len + 1;
  return pos >= 0 ? pos : 0;
}

function str(v: LuaValue, n: number, fname: string, nargs: number): string {
  return typeof v === "string" ? v : checkString(v, n, fname, nargs);
}

export function len(this: void, s: LuaValue): number {
  return str(s, 1, "len", arguments.length).length;
}

export function sub(this: void, s: LuaValue, i: LuaValue, j: LuaValue): string {
  const src = str(s, 1, "sub", arguments.length);
  const l = src.length;
  let start = posrelat(checkInt(i, 2, "sub", arguments.length), l);
  let end = j === undefined ? l : posrelat(checkInt(j, 3, "sub"), l);
  if (start < 1) start = 1;
  if (end > l) end = l;
  return start <= end ? src.slice(start - 1, end) : "";
}

const NON_ASCII = /[\x80-\xff]/;

export function upper(this: void, s: LuaValue): string {
  const src = str(s, 1, "upper", arguments.length);
  // toUpperCase would also change Latin-1 letters; toupper in the "C" locale does not
  if (!NON_ASCII.test(src)) return src.toUpperCase();
  if (src.length >= CHARGE_MIN) chargeAllocation(src.length);
  return asciiUpper(src);
}

export function lower(this: void, s: LuaValue): string {
  const src = str(s, 1, "lower", arguments.length);
  if (!NON_ASCII.test(src)) return src.toLowerCase();
  if (src.length >= CHARGE_MIN) chargeAllocation(src.length);
  return asciiLower(src);
}

export function rep(this: void, s: LuaValue, n: LuaValue): string {
  const src = str(s, 1, "rep", arguments.length);
  const count = checkInt(n, 2, "rep", arguments.length) | 0; // luaL_checkint: an int
  if (count <= 0 || src.length === 0) return "";
  const size = src.length * count;
  if (size > MAX_STRING) throw tooBig();
  if (size >= CHARGE_MIN) chargeAllocation(size);
  return src.repeat(count);
}

export function reverse(this: void, s: LuaValue): string {
  const src = str(s, 1, "reverse", arguments.length);
  const l = src.length;
  if (l < 64) {
    let out = "";
    for (let i = l - 1; i >= 0; i--) out += src[i];
    return out;
  }
  return Buffer.from(src, "latin1").reverse().toString("latin1");
}

export function byte(this: void, s: LuaValue, i: LuaValue, j: LuaValue): LuaResult {
  const nargs = arguments.length;
  const src = str(s, 1, "byte", nargs);
  const l = src.length;
  let posi = i === undefined ? 1 : posrelat(checkInt(i, 2, "byte"), l);
  let pose = j === undefined ? posi : posrelat(checkInt(j, 3, "byte"), l);
  if (posi <= 0) posi = 1;
  if (pose > l) pose = l;
  if (posi > pose) return EMPTY;
  const n = pose - posi + 1;
  if (n === 1) return src.charCodeAt(posi - 1);
  // luaL_checkstack: the results must fit in the C stack beside the arguments
  if (n + nargs > MAXCSTACK) throw new LuaError("stack overflow (string slice too long)", 1);
  const out: LuaValue[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = src.charCodeAt(posi - 1 + k);
  return out;
}

export function char(this: void, ...args: LuaValue[]): string {
  let out = "";
  for (let k = 0; k < args.length; k++) {
    const c = checkInt(args[k], k + 1, "char") | 0; // luaL_checkint
    if ((c & 255) !== c) throw argError(k + 1, "char", "invalid value");
    out += String.fromCharCode(c);
  }
  return out;
}

export function dump(this: void, f: LuaValue): string {
  if (typeof f !== "function") throw typeArgError(1, "dump", "function", f, arguments.length < 1);
  // there is no bytecode to give: every function is like a C function to lua_dump
  throw new LuaError("unable to dump given function", 1);
}

// ---- pattern matching ---------------------------------------------------------------

/** The shared match state: nothing calls out to Lua while a match is running. */
const ms = new MatchState();

/** str_find_aux's init: posrelat(init) - 1, clamped to [0, len]. */
function initPos(v: LuaValue, len: number, fname: string): number {
  if (v === undefined) return 0;
  const init = posrelat(checkInt(v, 3, fname), len) - 1;
  return init < 0 ? 0 : init > len ? len : init;
}

/** The end of the last successful match made by `search`. */
let lastEnd = 0;

/** Runs pat over src from init (str_find_aux's loop): the start of the match, or -1. */
function search(src: string, pat: Pattern, init: number): number {
  ms.reset(src, pat);
  if (pat.anchor) {
    lastEnd = ms.matchAt(init);
    return lastEnd !== -1 ? init : -1;
  }
  const end = src.length;
  let s1 = init;
  for (;;) {
    s1 = ms.nextStart(s1);
    const e = ms.matchAt(s1);
    if (e !== -1) {
      lastEnd = e;
      return s1;
    }
    if (s1++ >= end) return -1;
  }
}

export function find(this: void, s: LuaValue, p: LuaValue, init: LuaValue, plain: LuaValue): LuaResult {
  const src = str(s, 1, "find", arguments.length);
  const pstr = str(p, 2, "find", arguments.length);
  const i = initPos(init, src.length, "find");
  if ((plain !== undefined && plain !== false) || isPlainPattern(pstr)) {
    const k = src.indexOf(pstr, i);
    return k < 0 ? undefined : [k + 1, k + pstr.length];
  }
  const s1 = search(src, getPattern(pstr, true), i);
  if (s1 < 0) return undefined;
  const e = lastEnd;
  const level = ms.level;
  if (level === 0) return [s1 + 1, e];
  const out: LuaValue[] = new Array(level + 2);
  out[0] = s1 + 1;
  out[1] = e;
  for (let k = 0; k < level; k++) out[k + 2] = ms.capture(k, s1, e);
  return out;
}

export function match(this: void, s: LuaValue, p: LuaValue, init: LuaValue): LuaResult {
  const src = str(s, 1, "match", arguments.length);
  const pstr = str(p, 2, "match", arguments.length);
  const i = initPos(init, src.length, "match");
  const s1 = search(src, getPattern(pstr, true), i);
  if (s1 < 0) return undefined;
  return ms.captures(s1, lastEnd);
}

export function gmatch(this: void, s: LuaValue, p: LuaValue): LuaResult {
  const src = str(s, 1, "gmatch", arguments.length);
  const pstr = str(p, 2, "gmatch", arguments.length);
  const pat = getPattern(pstr, false); // gmatch has no anchors in 5.1
  let pos = 0;
  return function gmatchIterator(): LuaResult {
    ms.reset(src, pat);
    const end = src.length;
    for (let s1 = pos; s1 <= end; s1++) {
      s1 = ms.nextStart(s1);
      const e = ms.matchAt(s1);
      if (e !== -1) {
        pos = e === s1 ? e + 1 : e; // an empty match moves on by one
        return ms.captures(s1, e);
      }
    }
    return EMPTY;
  };
}

/** add_s: expands a replacement string for the match s..e. */
function expand(repl: string, src: string, s: number, e: number): string {
  let out = "";
  let from = 0;
  const l = repl.length;
  for (let i = 0; i < l; i++) {
    if (repl.charCodeAt(i) !== 37 /* % */) continue;
    out += repl.slice(from, i);
    i++;
    // past the end, C reads the string's terminating NUL
    const d = i < l ? repl.charCodeAt(i) : 0;
    if (d < 48 || d > 57) out += String.fromCharCode(d);
    else if (d === 48) out += src.slice(s, e);
    else {
      const v = ms.capture(d - 49, s, e);
      out += typeof v === "string" ? v : numberToString(v as number);
    }
    from = i + 1;
  }
  return from === 0 ? repl : out + repl.slice(from);
}

/** add_value for function and table replacements: the text to put in place of s..e. */
function callValue(repl: LuaValue, src: string, s: number, e: number): string {
  let v: LuaValue;
  if (typeof repl === "function") {
    const caps = ms.captures(s, e);
    // add_value's lua_call: a C call
    if (++cCalls.depth >= MAXCCALLS) {
      cCalls.depth--;
      throw new LuaError("C stack overflow", 0);
    }
    let r: LuaResult;
    try {
      r = Array.isArray(caps) ? repl(...caps) : repl(caps);
    } finally {
      cCalls.depth--;
    }
    v = Array.isArray(r) ? r[0] : r;
  } else {
    v = index(repl, ms.capture(0, s, e));
  }
  if (v === undefined || v === false) return src.slice(s, e); // keep original text
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberToString(v);
  throw new LuaError(`invalid replacement value (a ${type(v)})`, 1);
}

/**
 * gsub(src, p, r) of a long string, a literal pattern and a replacement without '%': the split
 * and join of the short case, segment by segment. A segment's split is the left-to-right scan
 * up to its end, but for the last p.length-1 chars, where an occurrence may go on past it: they
 * start the next segment.
 */
function replaceLiteral(src: string, p: string, r: string): LuaValue[] {
  const done = new Pieces();
  let count = 0;
  let carry = "";
  for (let from = 0; from < src.length; from += SPLIT_CHARS) {
    const parts = (carry + src.slice(from, from + SPLIT_CHARS)).split(p);
    count += parts.length - 1;
    const last = parts[parts.length - 1];
    const keep = Math.min(last.length, p.length - 1);
    parts[parts.length - 1] = last.slice(0, last.length - keep);
    done.add(parts.join(r));
    carry = last.slice(last.length - keep);
  }
  return count === 0 ? [src, 0] : [done.finish(carry), count];
}

export function gsub(this: void, s: LuaValue, p: LuaValue, repl: LuaValue, n: LuaValue): LuaValue[] {
  const nargs = arguments.length;
  const src = str(s, 1, "gsub", nargs);
  const pstr = str(p, 2, "gsub", nargs);
  const srcl = src.length;
  const maxS = n === undefined ? srcl + 1 : optInt(n, 4, "gsub", srcl + 1) | 0; // luaL_optint
  const tr = typeof repl;
  if (tr !== "string" && tr !== "number" && tr !== "function" && !(repl instanceof LuaTable)) {
    throw argError(3, "gsub", "string/function/table expected");
  }
  const rstr = tr === "string" ? (repl as string) : tr === "number" ? numberToString(repl as number) : "";
  const byString = tr === "string" || tr === "number";
  // a literal pattern replaced by a literal string: every occurrence, left to right
  if (byString && pstr.length > 0 && rstr.indexOf("%") < 0 && isLiteralPattern(pstr)) {
    if (srcl > SPLIT_CHARS) {
      if (maxS > srcl) return replaceLiteral(src, pstr, rstr);
    } else {
      const parts = src.split(pstr);
      const count = parts.length - 1;
      if (count <= maxS) {
        if (count === 0) return [src, 0];
        const size = src.length + count * (rstr.length - pstr.length);
        if (size > MAX_STRING) throw tooBig();
        if (size >= CHARGE_MIN) chargeAllocation(size);
        const out = parts.join(rstr);
        return [out, count];
      }
    }
  }
  const pat = getPattern(pstr, true);
  const anchor = pat.anchor;
  let out = "";
  // out's earlier blocks, once there are many matches (see pieces.ts)
  let done: Pieces | undefined;
  let copied = 0; // src[copied..pos) is waiting to be copied to out
  let pos = 0;
  let count = 0;
  ms.reset(src, pat);
  while (count < maxS) {
    if (!anchor) pos = ms.nextStart(pos);
    const e = ms.matchAt(pos);
    if (e !== -1) {
      count++;
      out += src.slice(copied, pos);
      if (byString) out += expand(rstr, src, pos, e);
      else {
        out += callValue(repl, src, pos, e);
        ms.reset(src, pat); // the callback may have used the shared state
      }
      copied = e;
      if (out.length > MAX_STRING) throw tooBig();
      if ((count & (BLOCK - 1)) === 0) {
        (done ??= new Pieces()).add(out);
        out = "";
      }
    }
    if (e !== -1 && e > pos)
      pos = e; // skip a non-empty match
    else if (pos < srcl) pos++;
    else break;
    if (anchor) break;
  }
  out += src.slice(copied);
  if (done !== undefined) return [done.finish(out), count];
  if (out.length >= CHARGE_MIN) chargeAllocation(out.length);
  return [out, count];
}

export function gfindRenamed(this: void): never {
  throw new LuaError("'string.gfind' was renamed to 'string.gmatch'", 1);
}

/** The `string` table. gfind is gmatch, as 5.1 is built by Debian and Redis (LUA_COMPAT_GFIND). */
export function makeStringLib(): LuaTable {
  const t = new LuaTable();
  const fns: [string, (...args: any[]) => LuaResult][] = [
    ["byte", byte],
    ["char", char],
    ["dump", dump],
    ["find", find],
    ["format", format],
    ["gmatch", gmatch],
    ["gsub", gsub],
    ["len", len],
    ["lower", lower],
    ["match", match],
    ["rep", rep],
    ["reverse", reverse],
    ["sub", sub],
    ["upper", upper],
  ];
  for (const [name, fn] of fns) t.setStr(name, fn);
  t.setStr("gfind", gmatch);
  return t;
}
