// cjson.encode's writer (lua_cjson.c's json_append_data and friends, strbuf.c, fpconv.c's %.14g):
// a Lua value to JSON bytes with lua-cjson 2.1.0's escapes, number formats, sparse-array rules,
// depth and Lua stack limits and error texts. Bytes go into a buffer, kept between calls as
// strbuf is with encode_keep_buffer on, written through locals, with room for any separator,
// literal or number checked once per member. Used by cjson.ts (settings, module table).
// Strings are latin1 byte strings.
import { LuaTable } from "../table.js";
import type { StringKeysLayout } from "../table-layout.js";
import { LuaError, memoryError } from "../errors.js";
import { CHARGE_MIN, chargeAllocation } from "../memory.js";
import { formatG } from "../number.js";
import { type } from "../ops.js";
import type { LuaValue } from "../value.js";
import { JSON_NULL } from "./cjson-decode.js";

/** LUAI_MAXCSTACK: lua_checkstack fails past this many slots. */
const MAXCSTACK = 8000;

/** The settings encode reads (json_config_t's encode fields). */
export interface EncodeConfig {
  sparseConvert: number;
  sparseRatio: number;
  sparseSafe: number;
  encodeMaxDepth: number;
  encodeInvalidNumbers: number; // 0 off, 1 on, 2 "null"
  encodeNumberPrecision: number;
  encodeKeepBuffer: number;
}

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
function encodeNumber(cfg: EncodeConfig, num: number): string {
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
/** Room checked for before each member: a separator, a literal or any number, and the brackets. */
const SLACK = 64;
/** Tables nested deeper than this are written on an explicit stack (Encoder.walk). */
const RECURSION = 32;
/** Strings up to this long get room for all of their bytes escaped at once (6 bytes each). */
const SHORT_STRING = 4096;

/** Digits of integers 0..99, two chars each, for the integer fast path. */
const DIGIT_PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGIT_PAIRS[2 * i] = 48 + Math.floor(i / 10);
  DIGIT_PAIRS[2 * i + 1] = 48 + (i % 10);
}

/** An open table of an encoding: an array, an object, or an object with a decoded layout. */
class OpenTable {
  t: LuaTable = EMPTY_TABLE;
  /** the array's length, or OBJECT, or LAID_OUT */
  len = 0;
  /** the next array index, the object's last traversal position, or the layout's next used node */
  idx = 0;
  /** objects: whether a member was written */
  wrote = false;
  /** LAID_OUT: the layout's keys as JSON */
  keys: LayoutKeys | undefined = undefined;
  depth = 0;
  /** Lua stack slots in use with the table on top */
  top = 0;
}

/** The open tables of one encode call: frames[0..n-1], innermost last, reused by depth. */
class OpenTables {
  readonly frames: OpenTable[] = [];
  n = 0;

  push(): OpenTable {
    let o = this.frames[this.n];
    if (o === undefined) o = this.frames[this.n] = new OpenTable();
    this.n++;
    return o;
  }
}
const EMPTY_TABLE = new LuaTable();
const OBJECT = -1;
const LAID_OUT = -2;

/**
 * A decoded layout's keys written as JSON, with the colon: used node k's are
 * view's bytes start[k] .. start[k + 1]. Made once per layout and encode call.
 */
interface LayoutKeys {
  layout: StringKeysLayout;
  view: DataView;
  start: number[];
}

const EMPTY = Buffer.alloc(0);
const EMPTY_VIEW: DataView = new DataView(new ArrayBuffer(0));

/**
 * cjson.encode for one module table: json_append_data's depth-first walk, by recursion for
 * tables nested up to RECURSION deep (write) and on an explicit stack of open tables below that
 * (walk), so that deep documents cannot overflow the JS stack before cjson's own limits apply;
 * both write the same bytes (spec/unit/redis-libs/cjson-walk.test.ts). Tables are walked by
 * traversal position (lua_next's order, without allocating), and objects a decode laid out by
 * their layout's nodes, their keys written from the layout's JSON. Encoding calls no Lua code,
 * so one Encoder serves every call of its table; walk's open tables are made per call (young
 * objects holding young tables: no old-to-new stores to remember).
 */
export class Encoder {
  private buf: Buffer = EMPTY;
  /** a view of buf */
  private view: DataView = EMPTY_VIEW;
  /** this call's layouts' keys as JSON, written into keyBuf from 0 each call */
  private lastKeys: LayoutKeys | undefined = undefined;
  private keyBuf: Buffer = EMPTY;
  private keyView: DataView = EMPTY_VIEW;
  private keyPos = 0;
  private keysByLayout: Map<StringKeysLayout, LayoutKeys> | undefined = undefined;

  constructor(readonly cfg: EncodeConfig) {}

  encode(v: LuaValue): string {
    if (this.buf.length < 1024) this.setBuffer(Buffer.allocUnsafeSlow(1024));
    this.keyPos = 0;
    try {
      const end = this.write(0, v, 0, 1);
      return this.buf.toString("latin1", 0, end);
    } finally {
      this.lastKeys = undefined;
      this.keysByLayout = undefined;
      if (!this.cfg.encodeKeepBuffer) {
        this.setBuffer(EMPTY);
        this.keyBuf = EMPTY;
        this.keyView = EMPTY_VIEW;
      }
    }
  }

  private setBuffer(b: Buffer): void {
    this.buf = b;
    this.view = new DataView(b.buffer, b.byteOffset, b.length);
  }

  /** A buffer with room for `need` bytes from p, the first p bytes kept. */
  private grow(p: number, need: number): Buffer {
    const want = p + need;
    if (want > MAX_STRING) throw memoryError();
    let size = this.buf.length * 2;
    while (size < want) size *= 2;
    if (size > MAX_STRING) size = MAX_STRING;
    if (size >= CHARGE_MIN) chargeAllocation(size);
    const b = Buffer.allocUnsafeSlow(size);
    this.buf.copy(b, 0, 0, p);
    this.setBuffer(b);
    return b;
  }

  /**
   * json_append_data: v at p, written whole; returns the end. depth: the tables around v; top:
   * the Lua stack slots in use with v on top. Tables nested up to RECURSION deep are written by
   * recursion, the fast way; a deeper one by walk, on an explicit stack.
   */
  private write(p: number, v: LuaValue, depth: number, top: number): number {
    let b = this.buf;
    if (p + SLACK > b.length) b = this.grow(p, SLACK);
    const q = this.scalar(b, p, v);
    if (q >= 0) return q;
    if (depth >= RECURSION) return this.walk(p, v, depth, top);
    const t = this.checkTable(v, ++depth, top);
    const cfg = this.cfg;
    const layout = t.stringKeysLayout();
    if (layout !== undefined) {
      // a decoded object: string keys only (lua_array_length stops at the first), written in
      // node order (lua_next's) from the layout's JSON
      const keys = this.layoutKeys(layout);
      const nodes = layout.nodes;
      const start = keys.start;
      const kv = keys.view;
      b[p++] = 123;
      let first = true;
      for (let k = 0; k < nodes.length; k++) {
        const x = t.valueAt(nodes[k]);
        if (x === undefined) continue;
        const from = start[k];
        const to = start[k + 1];
        if (p + (to - from) + SLACK > b.length) b = this.grow(p, to - from + SLACK);
        if (!first) b[p++] = 44;
        first = false;
        // four bytes at a time: past the key's end they are written over next (room: SLACK)
        const out = this.view;
        for (let j = from; j < to; j += 4) out.setInt32(p + j - from, kv.getInt32(j));
        p = this.write(p + (to - from), x, depth, top + 2);
        b = this.buf;
      }
      if (p + SLACK > b.length) b = this.grow(p, SLACK);
      b[p++] = 125;
      return p;
    }
    const len = arrayLength(t, cfg);
    if (len > 0) {
      b[p++] = 91;
      for (let i = 1; i <= len; i++) {
        if (i > 1) {
          if (p + SLACK > b.length) b = this.grow(p, SLACK);
          b[p++] = 44;
        }
        p = this.write(p, t.getNum(i), depth, top + 1);
        b = this.buf;
      }
      if (p + SLACK > b.length) b = this.grow(p, SLACK);
      b[p++] = 93;
      return p;
    }
    b[p++] = 123;
    let first = true;
    for (let pos = t.nextPosition(-1); pos >= 0; pos = t.nextPosition(pos)) {
      if (p + SLACK > b.length) b = this.grow(p, SLACK);
      if (!first) b[p++] = 44;
      first = false;
      p = this.key(b, p, t.keyAt(pos));
      p = this.write(p, t.valueAt(pos), depth, top + 2);
      b = this.buf;
    }
    if (p + SLACK > b.length) b = this.grow(p, SLACK);
    b[p++] = 125;
    return p;
  }

  /** An object's key at p (room for SLACK bytes made) and its colon: a string or a number. */
  private key(b: Buffer, p: number, k: LuaValue): number {
    if (typeof k === "string") p = this.string(b, p, k);
    else if (typeof k === "number") {
      b[p++] = 34;
      p = writeNumber(b, p, k, this.cfg);
      b[p++] = 34;
    } else throw encodeError(k, "table key must be a number or string");
    this.buf[p++] = 58;
    return p;
  }

  /** A value that is not a scalar, as a table to write at `depth` (json_check_encode_depth). */
  private checkTable(v: LuaValue, depth: number, top: number): LuaTable {
    if (!(v instanceof LuaTable)) throw encodeError(v, "type not supported");
    // the depth limit and lua_checkstack(l, 3)
    if (depth > this.cfg.encodeMaxDepth || top + 3 > MAXCSTACK) {
      throw new LuaError(`Cannot serialise, excessive nesting (${depth})`, 1);
    }
    return v;
  }

  /**
   * write for a table nested deeper than RECURSION, on an explicit stack of open tables: the
   * innermost open table's members are written in one loop while they are scalars; a member
   * that is a table is opened and the walk goes on with it.
   */
  private walk(p: number, root: LuaValue, depth: number, top: number): number {
    const cfg = this.cfg;
    const open = new OpenTables();
    p = this.open(p, root, depth, top, open);
    for (;;) {
      const n = open.n;
      if (n === 0) return p;
      const o = open.frames[n - 1];
      const t = o.t;
      const len = o.len;
      let b = this.buf;
      let v: LuaValue;
      let slots: number; // Lua stack slots a member takes: 1 in an array, key and value in an object
      if (len >= 0) {
        let i = o.idx;
        for (; i <= len; i++) {
          if (p + SLACK > b.length) b = this.grow(p, SLACK);
          if (i > 1) b[p++] = 44;
          const x = t.getNum(i);
          const q = this.scalar(b, p, x);
          if (q < 0) break;
          p = q;
          b = this.buf;
        }
        if (i > len) {
          if (p + SLACK > b.length) b = this.grow(p, SLACK);
          b[p++] = 93; // ]
          open.n--;
          continue;
        }
        o.idx = i + 1;
        v = t.getNum(i);
        slots = 1;
      } else if (len === LAID_OUT) {
        // the keys in node order, as lua_next gives them, from the layout's JSON
        const keys = o.keys!;
        const nodes = keys.layout.nodes;
        const start = keys.start;
        let k = o.idx;
        v = undefined;
        for (; k < nodes.length; k++) {
          const x = t.valueAt(nodes[k]);
          if (x === undefined) continue;
          const from = start[k];
          const to = start[k + 1];
          if (p + (to - from) + SLACK > b.length) b = this.grow(p, to - from + SLACK);
          if (o.wrote) b[p++] = 44;
          o.wrote = true;
          // four bytes at a time: past the key's end they are written over next (room: SLACK)
          const out = this.view;
          const kv = keys.view;
          for (let j = from; j < to; j += 4) out.setInt32(p + j - from, kv.getInt32(j));
          p += to - from;
          const q = this.scalar(b, p, x);
          if (q < 0) {
            v = x;
            break;
          }
          p = q;
          b = this.buf;
        }
        if (k === nodes.length) {
          if (p + SLACK > b.length) b = this.grow(p, SLACK);
          b[p++] = 125; // }
          open.n--;
          continue;
        }
        o.idx = k + 1;
        slots = 2;
      } else {
        let pos = t.nextPosition(o.idx);
        v = undefined;
        for (; pos >= 0; pos = t.nextPosition(pos)) {
          if (p + SLACK > b.length) b = this.grow(p, SLACK);
          if (o.wrote) b[p++] = 44;
          o.wrote = true;
          const k = t.keyAt(pos);
          if (typeof k === "string") p = this.string(b, p, k);
          else if (typeof k === "number") {
            b[p++] = 34;
            p = writeNumber(b, p, k, cfg);
            b[p++] = 34;
          } else throw encodeError(k, "table key must be a number or string");
          b = this.buf;
          b[p++] = 58; // :
          const x = t.valueAt(pos);
          const q = this.scalar(b, p, x);
          if (q < 0) {
            v = x;
            break;
          }
          p = q;
          b = this.buf;
        }
        if (pos < 0) {
          if (p + SLACK > b.length) b = this.grow(p, SLACK);
          b[p++] = 125; // }
          open.n--;
          continue;
        }
        o.idx = pos;
        slots = 2;
      }
      p = this.open(p, v, o.depth, o.top + slots, open);
    }
  }

  /**
   * A scalar member at p (room for SLACK bytes made): its end, or -1 (nothing written) for a
   * table or a value cjson can't write.
   */
  private scalar(b: Buffer, p: number, v: LuaValue): number {
    // if-chains: a switch on typeof calls the Typeof builtin
    if (typeof v === "string") return this.string(b, p, v);
    if (typeof v === "number") return writeNumber(b, p, v, this.cfg);
    if (v === true) {
      b[p] = 116;
      b[p + 1] = 114;
      b[p + 2] = 117;
      b[p + 3] = 101;
      return p + 4;
    }
    if (v === false) {
      b[p] = 102;
      b[p + 1] = 97;
      b[p + 2] = 108;
      b[p + 3] = 115;
      b[p + 4] = 101;
      return p + 5;
    }
    if (v === undefined || v === JSON_NULL) {
      b[p] = 110;
      b[p + 1] = 117;
      b[p + 2] = 108;
      b[p + 3] = 108;
      return p + 4;
    }
    return -1;
  }

  /**
   * walk's write: a scalar, or a table opened ('[' or '{' written, pushed on `open`; its
   * members come from walk). depth: the tables around v; top: the Lua stack slots in use.
   */
  private open(p: number, v: LuaValue, depth: number, top: number, open: OpenTables): number {
    let b = this.buf;
    if (p + SLACK > b.length) b = this.grow(p, SLACK);
    const q = this.scalar(b, p, v);
    if (q >= 0) return q;
    this.checkTable(v, ++depth, top);
    const o = open.push();
    o.t = v as LuaTable;
    o.depth = depth;
    o.top = top;
    o.wrote = false;
    const layout = o.t.stringKeysLayout();
    if (layout !== undefined) {
      // string keys only: an object (lua_array_length stops at the first key)
      o.len = LAID_OUT;
      o.idx = 0;
      o.keys = this.layoutKeys(layout);
      b[p++] = 123;
    } else {
      const len = arrayLength(o.t, this.cfg);
      b[p++] = len > 0 ? 91 : 123;
      o.len = len > 0 ? len : OBJECT;
      o.idx = len > 0 ? 1 : -1;
    }
    return p;
  }

  /** A string at p (room for SLACK bytes made): json_append_string; its end. */
  private string(b: Buffer, p: number, s: string): number {
    if (s.length > SHORT_STRING) return this.longString(p, s);
    if (p + 6 * s.length + SLACK > b.length) b = this.grow(p, 6 * s.length + SLACK);
    return writeString(b, p, s);
  }

  /** A string of more than SHORT_STRING bytes at p, room made as the bytes need it; its end. */
  private longString(p: number, s: string): number {
    const n = s.length;
    let b = this.buf;
    if (p + n + SLACK > b.length) b = this.grow(p, n + SLACK);
    b[p++] = 34;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (NEEDS_ESCAPE[c] !== 0) break;
      b[p++] = c;
    }
    if (i < n) {
      // escapes take up to six bytes each
      if (p + 6 * (n - i) + SLACK > b.length) b = this.grow(p, 6 * (n - i) + SLACK);
      p = writeEscaped(b, p, s, i);
    }
    b[p++] = 34;
    return p;
  }

  /** The JSON of a layout's keys (the last layout's, or made now and remembered for this call). */
  private layoutKeys(layout: StringKeysLayout): LayoutKeys {
    const last = this.lastKeys;
    if (last !== undefined && last.layout === layout) return last;
    let keys = this.keysByLayout?.get(layout);
    if (keys === undefined) {
      const { nodes, nkey } = layout;
      const start: number[] = [];
      // (3 more bytes: keys are copied four bytes at a time)
      let size = 3;
      for (let k = 0; k < nodes.length; k++) size += 6 * (nkey[nodes[k]] as string).length + 3;
      // into the keys buffer, kept between calls (its bytes are this call's); a full one is
      // replaced, the keys already in it keeping it
      let bytes = this.keyBuf;
      let p = this.keyPos;
      if (p + size > bytes.length) {
        bytes = this.keyBuf = Buffer.allocUnsafeSlow(Math.max(2 * bytes.length, size, 1024));
        this.keyView = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
        p = 0;
      }
      for (let k = 0; k < nodes.length; k++) {
        start.push(p);
        p = writeString(bytes, p, nkey[nodes[k]] as string);
        bytes[p++] = 58;
      }
      start.push(p);
      this.keyPos = p + 3;
      keys = { layout, view: this.keyView, start };
      (this.keysByLayout ??= new Map()).set(layout, keys);
    }
    this.lastKeys = keys;
    return keys;
  }
}

/**
 * lua_array_length: the largest key when every key is a number >= 1 with no fraction (-1 for an
 * object), kept in a C int as the C code does (keys >= 2^31 become INT_MIN). Excessively sparse
 * arrays raise or, with encode_sparse_array(true), become objects.
 */
function arrayLength(t: LuaTable, cfg: EncodeConfig): number {
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
  if (cfg.sparseRatio > 0 && max > Math.imul(items, cfg.sparseRatio) && max > cfg.sparseSafe) {
    if (!cfg.sparseConvert) throw encodeError(t, "excessively sparse array");
    return -1;
  }
  return max;
}

/** json_append_string at p, room for 6 bytes a char made; returns the end. */
function writeString(b: Uint8Array, p: number, s: string): number {
  b[p++] = 34;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (NEEDS_ESCAPE[c] !== 0) {
      p = writeEscaped(b, p, s, i);
      break;
    }
    b[p++] = c;
  }
  b[p++] = 34;
  return p;
}

/** s from i on, escaped as char2escape says (room made); returns the end. */
function writeEscaped(b: Uint8Array, p: number, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const e = ESCAPES[c];
    if (e === undefined) b[p++] = c;
    else for (let k = 0; k < e.length; k++) b[p++] = e.charCodeAt(k);
  }
  return p;
}

/**
 * json_append_number at p (room for SLACK bytes): %.{precision}g, or the encode_invalid_numbers
 * treatment of NaN and ±inf. Integers and short fractions are written digit by digit.
 */
function writeNumber(b: Uint8Array, p: number, x: number, cfg: EncodeConfig): number {
  if ((x | 0) === x && x > 0 && x < 1e9 && cfg.encodeNumberPrecision >= 9) return writeInt(b, p, x);
  const prec = cfg.encodeNumberPrecision;
  const limit = POW10[prec];
  if (x < limit && x > -limit) {
    if (Number.isInteger(x)) {
      if (x !== 0 || 1 / x > 0) return writeDigits(b, p, x, 0);
      b[p] = 45; // -0
      b[p + 1] = 48;
      return p + 2;
    }
    // A fraction with at most prec significant digits in all and d <= 8 after the point, from
    // 1e-4 on (%g's fixed layout): m = x * 10^d is an integer when rounded, and then x lies
    // within 2^-53 of m / 10^d, far nearer than half a step of prec digits: %g prints m / 10^d.
    if (x >= 1e-4 || x <= -1e-4) {
      for (let d = 1; d <= 8; d++) {
        const m = x * POW10[d];
        if (m >= limit || m <= -limit) break;
        if (Number.isInteger(m)) return writeDigits(b, p, m, d);
      }
    }
  }
  const s = encodeNumber(cfg, x);
  for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
  return p;
}

/** A positive integer below 10^9 in decimal at p; returns the end. */
function writeInt(b: Uint8Array, p: number, n: number): number {
  const len =
    n < 100
      ? n < 10
        ? 1
        : 2
      : n < 10000
        ? n < 1000
          ? 3
          : 4
        : n < 1e6
          ? n < 1e5
            ? 5
            : 6
          : n < 1e7
            ? 7
            : n < 1e8
              ? 8
              : 9;
  const stop = p + len;
  let end = stop;
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
  return stop;
}

/**
 * The integer m / 10^d in decimal at p (|m| < 10^14), trailing zeros of the fraction dropped;
 * returns the end.
 */
function writeDigits(b: Uint8Array, p: number, m: number, d: number): number {
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
  const stop = p + len + (d > 0 ? 1 : 0);
  let end = stop;
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
  return stop;
}
