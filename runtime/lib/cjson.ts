// The `cjson` library Redis ships (lua-cjson 2.1.0 with Redis's patches, deps/lua/src/lua_cjson.c,
// strbuf.c, fpconv.c): encode, decode, null and the configuration functions, each module table
// (cjson.new() makes more) with its own settings. Same bytes and error texts as the C library:
// %.14g numbers, sparse-array rules, depth and Lua stack limits. This module owns the settings,
// the module table and the encoder; the parser is cjson-decode.ts. Strings are latin1 byte strings.
import { LuaTable, type StringKeysLayout } from "../table.js";
import { LuaError, memoryError } from "../errors.js";
import { CHARGE_MIN, chargeAllocation } from "../memory.js";
import { formatG } from "../number.js";
import { type } from "../ops.js";
import type { LuaValue } from "../value.js";
import { argError, checkNumber, checkString, toInteger } from "./args.js";
import { JSON_NULL, decodeJson } from "./cjson-decode.js";

export { JSON_NULL, sequenceTable } from "./cjson-decode.js";

/** LUAI_MAXCSTACK: lua_checkstack fails past this many slots. */
const MAXCSTACK = 8000;
const INT_MAX = 2147483647;

/** json_config_t */
interface Config {
  sparseConvert: number;
  sparseRatio: number;
  sparseSafe: number;
  encodeMaxDepth: number;
  decodeMaxDepth: number;
  encodeInvalidNumbers: number; // 0 off, 1 on, 2 "null"
  encodeNumberPrecision: number;
  encodeKeepBuffer: number;
  decodeInvalidNumbers: number;
}

function newConfig(): Config {
  return {
    sparseConvert: 0,
    sparseRatio: 2,
    sparseSafe: 10,
    encodeMaxDepth: 1000,
    decodeMaxDepth: 1000,
    encodeInvalidNumbers: 0,
    encodeNumberPrecision: 14,
    encodeKeepBuffer: 1,
    decodeInvalidNumbers: 1,
  };
}

// ==== encoding ===============================================================================

/** char2escape: what each byte becomes inside a JSON string (undefined: itself). */
const ESCAPES: (string | undefined)[] = new Array(256).fill(undefined);
for (let i = 0; i < 32; i++) ESCAPES[i] = "\\u00" + i.toString(16).padStart(2, "0");
ESCAPES[8] = "\\b";
ESCAPES[9] = "\\t";
ESCAPES[10] = "\\n";
ESCAPES[12] = "\\f";
ESCAPES[13] = "\\r";
ESCAPES[34] = '\\"';
ESCAPES[47] = "\\/";
ESCAPES[92] = "\\\\";
ESCAPES[127] = "\\u007f";
const NEEDS_ESCAPE = new Uint8Array(256);
for (let i = 0; i < 256; i++) NEEDS_ESCAPE[i] = ESCAPES[i] === undefined ? 0 : 1;

/** The C error raised through luaL_error: "Cannot serialise <type>: <reason>". */
function encodeError(v: LuaValue, reason: string): LuaError {
  return new LuaError(`Cannot serialise ${type(v)}: ${reason}`, 1);
}

/** json_append_number: %.{precision}g, or the encode_invalid_numbers treatment of NaN and ±inf. */
function encodeNumber(cfg: Config, num: number): string {
  const prec = cfg.encodeNumberPrecision;
  if (Number.isInteger(num) && num < 1e14 && num > -1e14 && (prec === 14 || Math.abs(num) < 10 ** prec)) {
    return num === 0 && 1 / num < 0 ? "-0" : String(num);
  }
  if (num - num !== 0) {
    // NaN or ±inf
    if (cfg.encodeInvalidNumbers === 0) throw encodeError(num, "must not be NaN or Inf");
    if (cfg.encodeInvalidNumbers === 1) {
      if (num !== num) return "nan";
    } else {
      return "null";
    }
  }
  return plainG(num, prec) ?? shortG(num, prec) ?? formatG(num, prec);
}

/**
 * The common case of shortG without taking the digits apart: from 1e-4 up to 10^prec both C's
 * %g and JS write plain decimals, so JS's shortest string is C's when it has at most `prec`
 * significant digits (see shortG). Undefined otherwise.
 */
function plainG(x: number, prec: number): string | undefined {
  const ax = x < 0 ? -x : x;
  if (!(ax >= 1e-4 && ax < POW10[prec])) return undefined;
  const s = String(x);
  const neg = x < 0 ? 1 : 0;
  let digits = s.length - neg;
  if (ax < 1) {
    // "0.000ddd": the "0." and the zeros after it are not significant
    let k = neg + 2;
    while (s.charCodeAt(k) === 48) k++;
    digits = s.length - k;
  } else if (s.indexOf(".") >= 0) {
    digits--;
  }
  return digits <= prec ? s : undefined;
}

const POW10: number[] = Array.from({ length: 15 }, (_, k) => 10 ** k);

/**
 * C's %.{prec}g when JS's shortest round-trip digits of a normal double number are at most `prec`
 * (prec <= 14): those digits are then exactly what rounding to `prec` digits gives, since the
 * double lies within half an ulp (< 1.2e-16 relative) of them and a 14-digit rounding step is
 * far wider. Only the layout is C's: exponent form below 1e-4 or from 10^prec on. Undefined
 * when the digits are more (formatG rounds those exactly).
 */
function shortG(x: number, prec: number): string | undefined {
  const ax = Math.abs(x);
  if (!(ax >= 2.2250738585072014e-308 && ax !== Infinity)) return undefined; // subnormals: ulps are wide
  let s = String(x);
  let sign = "";
  if (s.charCodeAt(0) === 45) {
    sign = "-";
    s = s.slice(1);
  }
  let exp = 0;
  const e = s.indexOf("e");
  if (e >= 0) {
    exp = +s.slice(e + 1);
    s = s.slice(0, e);
  }
  const dot = s.indexOf(".");
  let digits = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
  // E: the decimal exponent of the first significant digit
  let E = exp + (dot < 0 ? s.length : dot) - 1;
  let lead = 0;
  while (digits.charCodeAt(lead) === 48) lead++;
  let end = digits.length;
  while (end > lead + 1 && digits.charCodeAt(end - 1) === 48) end--;
  E -= lead;
  digits = digits.slice(lead, end);
  if (digits.length > prec) return undefined;
  if (E < -4 || E >= prec) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const ae = E < 0 ? -E : E;
    return sign + m + (E < 0 ? "e-" : "e+") + (ae < 10 ? "0" : "") + ae;
  }
  if (E < 0) return sign + "0." + "0".repeat(-E - 1) + digits;
  if (digits.length <= E + 1) return sign + digits + "0".repeat(E + 1 - digits.length);
  return sign + digits.slice(0, E + 1) + "." + digits.slice(E + 1);
}

/** V8's longest string: an encoding that would pass it runs out of memory. */
const MAX_STRING = (1 << 29) - 24;

/** Digits of integers 0..99, two chars each, for the integer fast path. */
const DIGIT_PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGIT_PAIRS[2 * i] = 48 + Math.floor(i / 10);
  DIGIT_PAIRS[2 * i + 1] = 48 + (i % 10);
}

const NO_TABLES: OpenTable[] = [];
const TRUE = new Uint8Array([116, 114, 117, 101]);
const FALSE = new Uint8Array([102, 97, 108, 115, 101]);
const NULL = new Uint8Array([110, 117, 108, 108]);

/** An open table of an encoding: an array, an object, or an object with a decoded layout. */
class OpenTable {
  t: LuaTable | undefined = undefined;
  /** the array's length, or OBJECT, or LAID_OUT */
  len = 0;
  /** the next array index, the object's traversal position, or the layout's next used node */
  idx = 0;
  depth = 0;
  /** Lua stack slots in use with the table on top */
  top = 0;
  /** LAID_OUT: the layout's keys as JSON, and whether a member was written */
  keys: LayoutKeys | undefined = undefined;
  wrote = false;
}
const OBJECT = -1;
const LAID_OUT = -2;

/**
 * A decoded layout's keys written as JSON, with the colon: used node k's are
 * bytes[start[k] .. start[k + 1]). Made once per layout and encode call.
 */
interface LayoutKeys {
  layout: StringKeysLayout;
  bytes: Uint8Array;
  start: Int32Array;
}

/**
 * cjson.encode for one module table: json_append_data's depth-first walk, kept on an explicit
 * stack of open tables (deep documents must not overflow the JS stack before cjson's own limits
 * apply), writing bytes into a buffer as strbuf does; the buffer is kept between calls when
 * encode_keep_buffer is on. Tables are walked by traversal position (lua_next's order, without
 * allocating). Encoding calls no Lua code, so one Encoder serves every call of its table; its
 * open tables are made per call (young objects holding young tables: no remembered stores).
 */
class Encoder {
  private buf: Buffer = Buffer.allocUnsafe(0);
  private pos = 0;
  private open: OpenTable[] = [];
  /** open tables in use: open[0..n-1] */
  private n = 0;
  /** this call's layouts' keys as JSON */
  private lastKeys: LayoutKeys | undefined = undefined;
  private keysByLayout: Map<StringKeysLayout, LayoutKeys> | undefined = undefined;

  constructor(readonly cfg: Config) {}

  encode(v: LuaValue): string {
    if (this.buf.length === 0) this.buf = Buffer.allocUnsafe(1024);
    this.pos = 0;
    this.n = 0;
    this.open = [];
    this.lastKeys = undefined;
    this.keysByLayout = undefined;
    try {
      this.value(v, 0, 1);
      this.walk();
      return this.buf.toString("latin1", 0, this.pos);
    } finally {
      this.open = NO_TABLES;
      this.lastKeys = undefined;
      this.keysByLayout = undefined;
      if (!this.cfg.encodeKeepBuffer) this.buf = Buffer.allocUnsafe(0);
    }
  }

  /** Writes the open tables' contents until none is left open. */
  private walk(): void {
    const open = this.open;
    while (this.n > 0) {
      const o = open[this.n - 1];
      const t = o.t!;
      const len = o.len;
      if (len >= 0) {
        const i = o.idx;
        if (i > len) {
          this.byte(93); // ]
          this.n--;
          continue;
        }
        if (i > 1) this.byte(44);
        o.idx = i + 1;
        this.value(t.getNum(i), o.depth, o.top + 1);
      } else if (len === LAID_OUT) {
        // the keys in node order, as lua_next gives them, from the layout's JSON
        const keys = o.keys!;
        const nodes = keys.layout.nodes;
        let k = o.idx;
        let v: LuaValue = undefined;
        while (k < nodes.length && (v = t.valueAt(nodes[k])) === undefined) k++;
        if (k === nodes.length) {
          this.byte(125); // }
          this.n--;
          continue;
        }
        o.idx = k + 1;
        const from = keys.start[k];
        const to = keys.start[k + 1];
        this.reserve(to - from + 1);
        const b = this.buf;
        let p = this.pos;
        if (o.wrote) b[p++] = 44;
        o.wrote = true;
        const kb = keys.bytes;
        for (let j = from; j < to; j++) b[p++] = kb[j];
        this.pos = p;
        this.value(v, o.depth, o.top + 2);
      } else {
        const prev = o.idx;
        const pos = t.nextPosition(prev);
        if (pos < 0) {
          this.byte(125); // }
          this.n--;
          continue;
        }
        o.idx = pos;
        if (prev >= 0) this.byte(44);
        const k = t.keyAt(pos);
        if (typeof k === "string") this.string(k);
        else if (typeof k === "number") {
          this.byte(34);
          this.number(k);
          this.byte(34);
        } else throw encodeError(k, "table key must be a number or string");
        this.byte(58); // :
        this.value(t.valueAt(pos), o.depth, o.top + 2);
      }
    }
  }

  /** json_append_data for one value: scalars are written, a table is opened. */
  private value(v: LuaValue, depth: number, top: number): void {
    switch (typeof v) {
      case "string":
        this.string(v);
        return;
      case "number":
        this.number(v);
        return;
      case "boolean":
        this.literal(v ? TRUE : FALSE);
        return;
      case "undefined":
        this.literal(NULL);
        return;
    }
    if (v instanceof LuaTable) {
      depth++;
      // json_check_encode_depth: the depth limit and lua_checkstack(l, 3)
      if (depth > this.cfg.encodeMaxDepth || top + 3 > MAXCSTACK) {
        throw new LuaError(`Cannot serialise, excessive nesting (${depth})`, 1);
      }
      let o = this.open[this.n];
      if (o === undefined) o = this.open[this.n] = new OpenTable();
      o.t = v;
      o.depth = depth;
      o.top = top;
      const layout = v.stringKeysLayout();
      if (layout !== undefined) {
        // string keys only: an object (lua_array_length stops at the first key)
        o.len = LAID_OUT;
        o.idx = 0;
        o.wrote = false;
        o.keys = this.layoutKeys(layout);
        this.byte(123);
      } else {
        const len = this.arrayLength(v);
        this.byte(len > 0 ? 91 : 123);
        o.len = len > 0 ? len : OBJECT;
        o.idx = len > 0 ? 1 : -1;
      }
      this.n++;
      return;
    }
    if (v === JSON_NULL) {
      this.literal(NULL);
      return;
    }
    throw encodeError(v, "type not supported");
  }

  /** The JSON of a layout's keys (the last layout's, or made now and remembered for this call). */
  private layoutKeys(layout: StringKeysLayout): LayoutKeys {
    const last = this.lastKeys;
    if (last !== undefined && last.layout === layout) return last;
    let keys = this.keysByLayout?.get(layout);
    if (keys === undefined) {
      const { nodes, nkey } = layout;
      const start = new Int32Array(nodes.length + 1);
      const saved = this.pos;
      for (let k = 0; k < nodes.length; k++) {
        start[k] = this.pos - saved;
        this.string(nkey[nodes[k]] as string);
        this.byte(58);
      }
      start[nodes.length] = this.pos - saved;
      const bytes = this.buf.slice(saved, this.pos);
      this.pos = saved;
      keys = { layout, bytes: new Uint8Array(bytes), start };
      (this.keysByLayout ??= new Map()).set(layout, keys);
    }
    this.lastKeys = keys;
    return keys;
  }

  /** true, false or null. */
  private literal(w: Uint8Array): void {
    this.reserve(5);
    const b = this.buf;
    let p = this.pos;
    for (let k = 0; k < w.length; k++) b[p++] = w[k];
    this.pos = p;
  }

  /**
   * lua_array_length: the largest key when every key is a number >= 1 with no fraction (-1 for an
   * object), kept in a C int as the C code does (keys >= 2^31 become INT_MIN). Excessively sparse
   * arrays raise or, with encode_sparse_array(true), become objects.
   */
  private arrayLength(t: LuaTable): number {
    let max = t.sequenceLength();
    let items = max;
    if (max < 0) {
      max = 0;
      items = 0;
      for (let pos = t.nextPosition(-1); pos >= 0; pos = t.nextPosition(pos)) {
        const k = t.keyAt(pos);
        if (typeof k !== "number" || !(k >= 1) || Math.floor(k) !== k) return -1;
        if (k > max) max = k >= 2147483648 ? -2147483648 : k;
        items++;
      }
    }
    const cfg = this.cfg;
    if (cfg.sparseRatio > 0 && max > Math.imul(items, cfg.sparseRatio) && max > cfg.sparseSafe) {
      if (!cfg.sparseConvert) throw encodeError(t, "excessively sparse array");
      return -1;
    }
    return max;
  }

  // ---- strbuf -------------------------------------------------------------------------------

  /** Room for `extra` more bytes. */
  private reserve(extra: number): void {
    if (this.pos + extra > this.buf.length) this.grow(this.pos + extra);
  }

  private grow(need: number): void {
    if (need > MAX_STRING) throw memoryError();
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    if (size > MAX_STRING) size = MAX_STRING;
    if (size >= CHARGE_MIN) chargeAllocation(size);
    const b = Buffer.allocUnsafe(size);
    this.buf.copy(b, 0, 0, this.pos);
    this.buf = b;
  }

  private byte(c: number): void {
    if (this.pos === this.buf.length) this.grow(this.pos + 1);
    this.buf[this.pos++] = c;
  }

  /** An ASCII word (true, false, null, a formatted number). */
  private ascii(w: string): void {
    const n = w.length;
    this.reserve(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = w.charCodeAt(i);
    this.pos = p;
  }

  /** json_append_string: the bytes quoted, escaped as char2escape says. */
  private string(s: string): void {
    const n = s.length;
    this.reserve(n + 2);
    let b = this.buf;
    let p = this.pos;
    b[p++] = 34;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (NEEDS_ESCAPE[c] !== 0) break;
      b[p++] = c;
    }
    if (i < n) {
      // escapes take up to six bytes each
      this.pos = p;
      this.reserve(6 * (n - i) + 1);
      b = this.buf;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        const e = ESCAPES[c];
        if (e === undefined) b[p++] = c;
        else for (let k = 0; k < e.length; k++) b[p++] = e.charCodeAt(k);
      }
    }
    b[p++] = 34;
    this.pos = p;
  }

  /** json_append_number: %.{precision}g, or the encode_invalid_numbers treatment of NaN and ±inf. */
  private number(x: number): void {
    const prec = this.cfg.encodeNumberPrecision;
    const limit = POW10[prec];
    if (x < limit && x > -limit) {
      if (Number.isInteger(x)) {
        if (x === 0 && 1 / x < 0) this.ascii("-0");
        else this.digits(x, 0);
        return;
      }
      // A fraction with at most prec significant digits in all and d <= 8 after the point, from
      // 1e-4 on (%g's fixed layout): m = x * 10^d is an integer when rounded, and then x lies
      // within 2^-53 of m / 10^d, far nearer than half a step of prec digits: %g prints m / 10^d.
      const ax = x < 0 ? -x : x;
      if (ax >= 1e-4) {
        for (let d = 1; d <= 8; d++) {
          const m = x * POW10[d];
          if (m >= limit || m <= -limit) break;
          if (Number.isInteger(m)) {
            this.digits(m, d);
            return;
          }
        }
      }
    }
    this.ascii(encodeNumber(this.cfg, x));
  }

  /** The integer m / 10^d written in decimal (|m| < 10^14), trailing zeros of the fraction dropped. */
  private digits(m: number, d: number): void {
    this.reserve(17);
    const b = this.buf;
    let p = this.pos;
    if (m < 0) {
      b[p++] = 45;
      m = -m;
    }
    for (let q = Math.floor(m / 10); d > 0 && m === q * 10; q = Math.floor(m / 10)) {
      m = q;
      d--;
    }
    // the number of digits written: at least d + 1 (a "0." before a fraction below 1)
    let len = 1;
    while (len < 15 && m >= POW10[len]) len++;
    if (len <= d) len = d + 1;
    let end = p + len + (d > 0 ? 1 : 0);
    this.pos = end;
    if (m > 0x7fffffff) {
      // above 2^31 - 1: down to 9 digits in floating point (exact: m < 2^53)
      for (; m > 0x7fffffff; d--) {
        const q = Math.floor(m / 10);
        b[--end] = 48 + (m - q * 10);
        m = q;
        if (d === 1) b[--end] = 46;
      }
    }
    let n = m | 0;
    for (; d > 0; d--) {
      const q = (n / 10) | 0;
      b[--end] = 48 + (n - q * 10);
      n = q;
      if (d === 1) b[--end] = 46;
    }
    while (n >= 100) {
      const q = (n / 100) | 0;
      const r = 2 * (n - q * 100);
      b[--end] = DIGIT_PAIRS[r + 1];
      b[--end] = DIGIT_PAIRS[r];
      n = q;
    }
    if (n >= 10) {
      b[--end] = DIGIT_PAIRS[2 * n + 1];
      b[--end] = DIGIT_PAIRS[2 * n];
    } else b[--end] = 48 + n;
    // zeros between the point and the fraction's digits (0.05: m = 5, d = 2)
    while (end > p) b[--end] = 48;
  }
}

// ==== the module table ======================================================================

/** json_arg_init: at most `max` arguments. */
function argInit(nargs: number, max: number, fname: string): void {
  if (nargs > max) throw argError(max + 1, fname, "found too many arguments");
}

/** json_integer_option: a new value (range-checked, reported as argument #1) and the current one. */
function integerOption(
  v: LuaValue,
  n: number,
  fname: string,
  current: number,
  min: number,
  max: number,
): number {
  if (v === undefined) return current;
  const value = toInteger(checkNumber(v, n, fname)) | 0;
  if (!(min <= value && value <= max)) throw argError(1, fname, `expected integer between ${min} and ${max}`);
  return value;
}

const BOOL_OPTIONS = ["off", "on"];

/** json_enum_option's setting step: a boolean or one of the option names. */
function enumSetting(v: LuaValue, n: number, fname: string, current: number, options: string[]): number {
  if (v === undefined) return current;
  if (typeof v === "boolean") return v ? 1 : 0;
  const name = checkString(v, n, fname);
  const i = options.indexOf(name);
  if (i < 0) throw argError(n, fname, `invalid option '${name}'`);
  return i;
}

/** json_enum_option's result: a boolean for off/on, else the option name. */
function enumResult(setting: number, options: string[]): LuaValue {
  return setting === 0 || setting === 1 ? setting === 1 : options[setting];
}

/** A cjson module table with its own configuration (luaopen_cjson / cjson.new). */
export function makeCjsonLib(): LuaTable {
  const cfg = newConfig();
  const encoder = new Encoder(cfg);
  const t = new LuaTable();

  t.setStr("encode", function encode(v: LuaValue): string {
    if (arguments.length !== 1) throw argError(1, "encode", "expected 1 argument");
    return encoder.encode(v);
  });

  t.setStr("decode", function decode(v: LuaValue): LuaValue {
    if (arguments.length !== 1) throw argError(1, "decode", "expected 1 argument");
    return decodeJson(checkString(v, 1, "decode"), cfg);
  });

  t.setStr(
    "encode_sparse_array",
    function encode_sparse_array(convert: LuaValue, ratio: LuaValue, safe: LuaValue): LuaValue[] {
      const fname = "encode_sparse_array";
      argInit(arguments.length, 3, fname);
      cfg.sparseConvert = enumSetting(convert, 1, fname, cfg.sparseConvert, BOOL_OPTIONS);
      cfg.sparseRatio = integerOption(ratio, 2, fname, cfg.sparseRatio, 0, INT_MAX);
      cfg.sparseSafe = integerOption(safe, 3, fname, cfg.sparseSafe, 0, INT_MAX);
      return [cfg.sparseConvert === 1, cfg.sparseRatio, cfg.sparseSafe];
    },
  );

  t.setStr("encode_max_depth", function encode_max_depth(d: LuaValue): number {
    argInit(arguments.length, 1, "encode_max_depth");
    cfg.encodeMaxDepth = integerOption(d, 1, "encode_max_depth", cfg.encodeMaxDepth, 1, INT_MAX);
    return cfg.encodeMaxDepth;
  });

  t.setStr("decode_max_depth", function decode_max_depth(d: LuaValue): number {
    argInit(arguments.length, 1, "decode_max_depth");
    cfg.decodeMaxDepth = integerOption(d, 1, "decode_max_depth", cfg.decodeMaxDepth, 1, INT_MAX);
    return cfg.decodeMaxDepth;
  });

  t.setStr("encode_number_precision", function encode_number_precision(p: LuaValue): number {
    const fname = "encode_number_precision";
    argInit(arguments.length, 1, fname);
    cfg.encodeNumberPrecision = integerOption(p, 1, fname, cfg.encodeNumberPrecision, 1, 14);
    return cfg.encodeNumberPrecision;
  });

  t.setStr("encode_keep_buffer", function encode_keep_buffer(v: LuaValue): LuaValue {
    argInit(arguments.length, 1, "encode_keep_buffer");
    cfg.encodeKeepBuffer = enumSetting(v, 1, "encode_keep_buffer", cfg.encodeKeepBuffer, BOOL_OPTIONS);
    return enumResult(cfg.encodeKeepBuffer, BOOL_OPTIONS);
  });

  const invalidOptions = ["off", "on", "null"];
  t.setStr("encode_invalid_numbers", function encode_invalid_numbers(v: LuaValue): LuaValue {
    const fname = "encode_invalid_numbers";
    argInit(arguments.length, 1, fname);
    cfg.encodeInvalidNumbers = enumSetting(v, 1, fname, cfg.encodeInvalidNumbers, invalidOptions);
    return enumResult(cfg.encodeInvalidNumbers, invalidOptions);
  });

  t.setStr("decode_invalid_numbers", function decode_invalid_numbers(v: LuaValue): LuaValue {
    const fname = "decode_invalid_numbers";
    argInit(arguments.length, 1, fname);
    cfg.decodeInvalidNumbers = enumSetting(v, 1, fname, cfg.decodeInvalidNumbers, BOOL_OPTIONS);
    return enumResult(cfg.decodeInvalidNumbers, BOOL_OPTIONS);
  });

  t.setStr("new", makeCjsonLib);
  t.setStr("null", JSON_NULL);
  t.setStr("_NAME", "cjson");
  t.setStr("_VERSION", "2.1.0");
  return t;
}
