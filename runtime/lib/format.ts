// string.format as Lua 5.1.5's str_format does it on glibc: the format string is scanned
// (scanformat's limits and errors), each item is formatted as sprintf would with C's
// integer casts, and every item goes through C's strlen (a NUL byte ends it).
// Uses number.ts for %e/%f/%g digits and args.ts for argument checks.
import { LuaError, memoryError } from "../errors.js";
import { formatExp, formatFixed, formatG, nonFinite } from "../number.js";
import type { LuaValue } from "../value.js";
import { argError, checkNumber, checkString, toInteger } from "./args.js";
import { CHARGE_MIN, chargeAllocation } from "../memory.js";
import { MAX_STRING } from "./pieces.js";

const F_LEFT = 1; // '-'
const F_PLUS = 2; // '+'
const F_SPACE = 4; // ' '
const F_ALT = 8; // '#'
const F_ZERO = 16; // '0'

/** One piece of a scanned format: literal text, then one conversion (or an error, or the end). */
class Item {
  constructor(
    readonly text: string,
    /** conversion char code; -1 after the last item (text only) */
    readonly conv: number,
    readonly flags: number,
    readonly width: number,
    /** -1 when no precision was given */
    readonly prec: number,
    /** raised when this item is reached (after its argument's presence is checked) */
    readonly error: string | undefined,
  ) {}
}

const FLAG_CHARS = "-+ #0";
/** sizeof(FLAGS) in lstrlib.c: five flag chars and the NUL */
const MAX_FLAGS = 6;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Splits a format string into items, as str_format walks it, up to `maxConv` conversions: the
 * next one is an item that str_format's "no value" check stops at (str_format reaches no further
 * with that many arguments).
 */
function scan(fmt: string, maxConv = Infinity): Item[] {
  const items: Item[] = [];
  const n = fmt.length;
  let i = 0;
  // chars past the end read as the C string's terminating NUL
  const at = (k: number): number => (k < n ? fmt.charCodeAt(k) : 0);
  for (;;) {
    // the text up to the next conversion, "%%" standing for '%'
    let pct = fmt.indexOf("%", i);
    let pairs = 0;
    while (pct >= 0 && at(pct + 1) === 37) {
      pairs++;
      pct = fmt.indexOf("%", pct + 2);
    }
    const end = pct < 0 ? n : pct;
    const text = pairs === 0 ? fmt.slice(i, end) : unescapePercents(fmt, i, end, pairs);
    if (pct < 0) {
      items.push(new Item(text, -1, 0, 0, -1, undefined));
      return items;
    }
    i = pct + 1;
    if (items.length === maxConv) {
      items.push(new Item(text, 37, 0, 0, -1, undefined));
      return items;
    }
    // scanformat
    const start = i;
    let flags = 0;
    while (i < n && FLAG_CHARS.indexOf(fmt[i]) >= 0) {
      flags |= 1 << FLAG_CHARS.indexOf(fmt[i]);
      i++;
    }
    if (i - start >= MAX_FLAGS) {
      items.push(new Item(text, 0, 0, 0, -1, "invalid format (repeated flags)"));
      return items;
    }
    let width = 0;
    if (isDigit(at(i))) width = at(i++) - 48;
    if (isDigit(at(i))) width = width * 10 + at(i++) - 48;
    let prec = -1;
    if (at(i) === 46 /* . */) {
      i++;
      prec = 0;
      if (isDigit(at(i))) prec = at(i++) - 48;
      if (isDigit(at(i))) prec = prec * 10 + at(i++) - 48;
    }
    if (isDigit(at(i))) {
      items.push(new Item(text, 0, 0, 0, -1, "invalid format (width or precision too long)"));
      return items;
    }
    const conv = at(i++);
    if ("cdiouxXeEfgGqs".indexOf(String.fromCharCode(conv)) < 0 || conv === 0) {
      // lua_pushfstring's %c of a NUL adds nothing
      const shown = conv === 0 ? "" : String.fromCharCode(conv);
      items.push(new Item(text, conv, 0, 0, -1, `invalid option '%${shown}' to 'format'`));
      return items;
    }
    items.push(new Item(text, conv, flags, width, prec, undefined));
  }
}

/**
 * fmt[from, to) with each of its `pairs` "%%" as one '%' (every '%' there starts a pair). Many
 * pairs are copied in a buffer: a slice and an append for each would keep a cons node each.
 */
function unescapePercents(fmt: string, from: number, to: number, pairs: number): string {
  if (pairs <= 16) return fmt.slice(from, to).split("%%").join("%");
  const size = to - from - pairs;
  if (size >= CHARGE_MIN) chargeAllocation(2 * size);
  const b = Buffer.allocUnsafe(size);
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = fmt.charCodeAt(k);
    b[n++] = c;
    if (c === 37) k++;
  }
  return b.toString("latin1");
}

const cache = new Map<string, Item[]>();
const CACHE_MAX = 500;
/**
 * Longer formats are scanned each time, only as far as the arguments reach (a format of 2^27
 * "%d" would be as many items) and not kept (a cache of formats of hundreds of MB).
 */
const CACHED_LENGTH = 4096;

function scanned(fmt: string, args: number): Item[] {
  if (fmt.length > CACHED_LENGTH) return scan(fmt, args);
  let items = cache.get(fmt);
  if (items === undefined) {
    items = scan(fmt);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(fmt, items);
  }
  return items;
}

/** string.format(fmt, ...) */
export function format(this: void, ...args: LuaValue[]): string {
  const top = args.length;
  const fmt = checkString(args[0], 1, "format", top);
  const items = scanned(fmt, top - 1);
  let out = "";
  let arg = 0; // index in args of the last argument used
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    out += it.text;
    if (it.conv === -1) break;
    if (++arg >= top) throw argError(arg + 1, "format", "no value");
    if (it.error !== undefined) throw new LuaError(it.error, 1);
    out += formatItem(it, args[arg], arg + 1);
  }
  return out;
}

function formatItem(it: Item, v: LuaValue, argn: number): string {
  switch (it.conv) {
    case 100: // d
    case 105: // i
      return formatInt(it, checkNumber(v, argn, "format"));
    case 115: // s
      return formatStr(it, checkString(v, argn, "format"));
    case 113: // q
      return quoted(checkString(v, argn, "format"));
    case 99: // c
      return formatChar(it, checkNumber(v, argn, "format"));
    case 111: // o
    case 117: // u
    case 120: // x
    case 88: // X
      return formatUnsigned(it, checkNumber(v, argn, "format"));
    default: // e E f g G
      return formatFloat(it, checkNumber(v, argn, "format"));
  }
}

function pad(s: string, width: number, left: boolean): string {
  if (s.length >= width) return s;
  const fill = " ".repeat(width - s.length);
  return left ? s + fill : fill + s;
}

/** sign + digits in a field: '0' pads between them (when allowed), else spaces. */
function field(sign: string, digits: string, it: Item, zeroPad: boolean): string {
  const len = sign.length + digits.length;
  if (len >= it.width) return sign + digits;
  if ((it.flags & F_LEFT) !== 0) return sign + digits + " ".repeat(it.width - len);
  if (zeroPad) return sign + "0".repeat(it.width - len) + digits;
  return " ".repeat(it.width - len) + sign + digits;
}

/** Digits of a non-negative integral double (exact beyond 2^53 too). */
function integerDigits(n: number, radix: number): string {
  if (n < 9007199254740992) return radix === 10 ? "" + n : n.toString(radix);
  return BigInt(n).toString(radix);
}

/** %d %i: (long)x as C's cast does on x86-64, then printf. */
function formatInt(it: Item, x: number): string {
  const n = toInteger(x);
  const flags = it.flags;
  if (flags === 0 && it.width === 0 && it.prec < 0) {
    return n < 0 ? "-" + integerDigits(-n, 10) : integerDigits(n, 10);
  }
  let digits = n === 0 && it.prec === 0 ? "" : integerDigits(Math.abs(n), 10);
  if (it.prec > digits.length) digits = "0".repeat(it.prec - digits.length) + digits;
  const sign = n < 0 ? "-" : (flags & F_PLUS) !== 0 ? "+" : (flags & F_SPACE) !== 0 ? " " : "";
  return field(sign, digits, it, (flags & F_ZERO) !== 0 && it.prec < 0);
}

const TWO63 = 9223372036854775808;

/**
 * (unsigned long)x as gcc compiles it for x86-64: below 2^63 a signed conversion
 * (out of range or NaN gives 0x8000000000000000), else x - 2^63 converted and the top bit
 * flipped (so 2^64 and beyond give 0).
 */
function toUnsigned(x: number): number | bigint {
  if (x !== x) return TWO63;
  if (x >= TWO63) {
    const y = x - TWO63;
    if (y >= TWO63) return 0;
    return BigInt(TWO63) + BigInt(Math.trunc(y));
  }
  if (x < -TWO63) return TWO63;
  const t = Math.trunc(x);
  if (t >= 0) return t;
  return 18446744073709551616n + BigInt(t);
}

/** %o %u %x %X */
function formatUnsigned(it: Item, x: number): string {
  const u = toUnsigned(x);
  const conv = it.conv;
  const radix = conv === 111 ? 8 : conv === 117 ? 10 : 16;
  const isZero = u === 0 || u === 0n;
  let digits =
    isZero && it.prec === 0 ? "" : typeof u === "number" ? integerDigits(u, radix) : u.toString(radix);
  if (conv === 88) digits = digits.toUpperCase();
  if (it.prec > digits.length) digits = "0".repeat(it.prec - digits.length) + digits;
  let prefix = "";
  if ((it.flags & F_ALT) !== 0) {
    if (conv === 111) {
      if (digits.charCodeAt(0) !== 48) digits = "0" + digits;
    } else if (conv !== 117 && !isZero) {
      prefix = conv === 88 ? "0X" : "0x";
    }
  }
  return field(prefix, digits, it, (it.flags & F_ZERO) !== 0 && it.prec < 0);
}

/** %c: (int)x, then the char; the item ends at a NUL (strlen). */
function formatChar(it: Item, x: number): string {
  const code = x !== x || x >= 2147483648 || x < -2147483648 ? 0 : Math.trunc(x) & 255;
  const s = pad(String.fromCharCode(code), it.width, (it.flags & F_LEFT) !== 0);
  return code === 0 ? cstr(s) : s;
}

/** What strlen would keep of s. */
function cstr(s: string): string {
  const z = s.indexOf("\0");
  return z < 0 ? s : s.slice(0, z);
}

/** %s: with no precision, a string of 100+ bytes is kept whole; else sprintf's %s. */
function formatStr(it: Item, s: string): string {
  if (it.prec < 0 && s.length >= 100) return s;
  s = cstr(s);
  if (it.prec >= 0 && s.length > it.prec) s = s.slice(0, it.prec);
  return pad(s, it.width, (it.flags & F_LEFT) !== 0);
}

/** %e %E %f %g %G */
function formatFloat(it: Item, x: number): string {
  const conv = it.conv;
  const upper = conv === 69 || conv === 71;
  const flags = it.flags;
  const prec = it.prec < 0 ? 6 : it.prec;
  let body: string;
  if (!Number.isFinite(x)) {
    body = nonFinite(x, upper);
  } else {
    if (conv === 102) body = formatFixed(x, prec);
    else if (conv === 101 || conv === 69) body = formatExp(x, prec, upper);
    else body = formatG(x, prec, upper, (flags & F_ALT) !== 0);
    if ((flags & F_ALT) !== 0 && body.indexOf(".") < 0) {
      const e = body.search(/[eE]/);
      body = e < 0 ? body + "." : body.slice(0, e) + "." + body.slice(e);
    }
  }
  let sign = "";
  if (body.charCodeAt(0) === 45) {
    sign = "-";
    body = body.slice(1);
  } else if ((flags & F_PLUS) !== 0) sign = "+";
  else if ((flags & F_SPACE) !== 0) sign = " ";
  return field(sign, body, it, (flags & F_ZERO) !== 0 && Number.isFinite(x));
}

/** Strings longer than this are quoted in a buffer (quotedLong). */
const LONG_QUOTED = 64 * 1024;

/** %q: addquoted */
export function quoted(s: string): string {
  if (s.length > LONG_QUOTED) return quotedLong(s);
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string;
    if (c === 34) rep = '\\"';
    else if (c === 92) rep = "\\\\";
    else if (c === 10) rep = "\\\n";
    else if (c === 13) rep = "\\r";
    else if (c === 0) rep = "\\000";
    else continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return out + s.slice(from) + '"';
}

/**
 * %q of a long string, sized first and written in a buffer: appended escape by escape, 2^28
 * newlines held a cons node each (~8 GB) and the isolate ran out of heap.
 */
function quotedLong(s: string): string {
  let size = s.length + 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10 || c === 13) size++;
    else if (c === 0) size += 3;
  }
  if (size > MAX_STRING) throw memoryError();
  chargeAllocation(2 * size);
  const b = Buffer.allocUnsafe(size);
  let n = 0;
  b[n++] = 34;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10 || c === 13 || c === 0) {
      b[n++] = 92;
      if (c === 13)
        b[n++] = 114; // r
      else if (c === 0) {
        b[n++] = 48;
        b[n++] = 48;
        b[n++] = 48;
      } else b[n++] = c;
    } else b[n++] = c;
  }
  b[n++] = 34;
  return b.toString("latin1");
}
