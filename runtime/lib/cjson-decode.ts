// cjson.decode's parser (lua_cjson.c's json_next_token / json_process_value with fpconv's strtod):
// one JSON document, a latin1 byte string, to Lua values, with lua-cjson 2.1.0's token names,
// error texts and character positions, its depth and Lua stack limits, and the tables C builds.
// The fast paths read a copy of the document's bytes (typed-array reads cost V8 less than
// charCodeAt) followed by a NUL, as C reads its string; strings are sliced from the document.
// Used by cjson.ts; also home of cjson.null and of sequenceTable (shared with cmsgpack, convert).
import { LuaTable } from "../table.js";
import { type StringKeysLayout, layoutStringKeys } from "../table-layout.js";
import { LuaError } from "../errors.js";
import { LuaUserdata, type LuaValue } from "../value.js";

/** cjson.null: Redis pushes a NULL lightuserdata; every module table shares this one value. */
export const JSON_NULL = new LuaUserdata("null", undefined, "(nil)");

/** LUAI_MAXCSTACK: lua_checkstack fails past this many slots. */
const MAXCSTACK = 8000;

/** The settings decode reads (json_config_t's decode fields). */
export interface DecodeConfig {
  decodeInvalidNumbers: number;
  decodeMaxDepth: number;
}

const T_OBJ_BEGIN: number = 0;
const T_OBJ_END: number = 1;
const T_ARR_BEGIN: number = 2;
const T_ARR_END: number = 3;
const T_STRING: number = 4;
const T_NUMBER: number = 5;
const T_BOOLEAN: number = 6;
const T_NULL: number = 7;
const T_COLON: number = 8;
const T_COMMA: number = 9;
const T_END: number = 10;
const T_ERROR: number = 12;

const TOKEN_NAMES = [
  "T_OBJ_BEGIN",
  "T_OBJ_END",
  "T_ARR_BEGIN",
  "T_ARR_END",
  "T_STRING",
  "T_NUMBER",
  "T_BOOLEAN",
  "T_NULL",
  "T_COLON",
  "T_COMMA",
  "T_END",
  "T_WHITESPACE",
  "T_ERROR",
  "T_UNKNOWN",
];

const T_WHITESPACE: number = 11;
const T_UNKNOWN: number = 13;

/** ch2token: what each byte starts (T_UNKNOWN: a string, number or literal to scan further). */
const CH2TOKEN = new Uint8Array(256).fill(T_ERROR);
CH2TOKEN[123] = T_OBJ_BEGIN;
CH2TOKEN[125] = T_OBJ_END;
CH2TOKEN[91] = T_ARR_BEGIN;
CH2TOKEN[93] = T_ARR_END;
CH2TOKEN[44] = T_COMMA;
CH2TOKEN[58] = T_COLON;
CH2TOKEN[0] = T_END;
for (const c of [32, 9, 10, 13]) CH2TOKEN[c] = T_WHITESPACE;
for (const ch of 'fiInNt"+-0123456789') CH2TOKEN[ch.charCodeAt(0)] = T_UNKNOWN;

/** Exact powers of ten for the fast decimal path. */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  c |= 0x20;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Case-insensitive match of an ASCII lower-case word at s[i]. */
function matchWord(s: string, i: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    if ((s.charCodeAt(i + k) | 0x20) !== w.charCodeAt(k)) return false;
  }
  return true;
}

/** One cjson.decode call: the scanner (json_next_token) and the parser state. */
class Decoder {
  i = 0;
  // the current token
  tok = T_END;
  tokIndex = 0;
  tokStr = "";
  tokNum = 0;
  tokBool = false;
  tokErr = "";
  /** whether the last string token was a plain slice of the document (no escapes) */
  tokRaw = false;
  /** how many more shapes this document may make */
  shapesLeft = MAX_SHAPES;
  /** the first backslash / NUL at or after some earlier position (Infinity: none) */
  private bsPos = -1;
  private nulPos = -1;

  constructor(
    readonly s: string,
    /** the document's bytes, then a NUL (C's terminator): the fast paths read these */
    readonly b: Uint8Array,
    /** a view of the same bytes */
    readonly dv: DataView,
    readonly cfg: DecodeConfig,
  ) {}

  private setError(msg: string): void {
    this.tok = T_ERROR;
    this.tokIndex = this.i;
    this.tokErr = msg;
  }

  /** json_next_token: whitespace skipped, one token read into tok/tokIndex/tokStr/tokNum/tokBool. */
  next(): void {
    const s = this.s;
    let i = this.i;
    let c = s.charCodeAt(i);
    let t = c === c ? CH2TOKEN[c] : T_END; // past the end, C sees the terminating NUL
    while (t === T_WHITESPACE) {
      c = s.charCodeAt(++i);
      t = c === c ? CH2TOKEN[c] : T_END;
    }
    this.tokIndex = i;
    if (t !== T_UNKNOWN) {
      this.tok = t;
      if (t === T_ERROR) {
        this.i = i;
        this.tokErr = "invalid token";
      } else {
        this.i = t === T_END ? i : i + 1;
      }
      return;
    }
    this.i = i;
    if (c === 34) {
      this.string();
      return;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      if (!this.cfg.decodeInvalidNumbers && this.isInvalidNumber()) {
        this.setError("invalid number");
        return;
      }
      this.number();
      return;
    }
    // the other T_UNKNOWN starters: f i I n N t +
    if (s.startsWith("true", i)) {
      this.tok = T_BOOLEAN;
      this.tokBool = true;
      this.i = i + 4;
      return;
    }
    if (s.startsWith("false", i)) {
      this.tok = T_BOOLEAN;
      this.tokBool = false;
      this.i = i + 5;
      return;
    }
    if (s.startsWith("null", i)) {
      this.tok = T_NULL;
      this.i = i + 4;
      return;
    }
    if (this.cfg.decodeInvalidNumbers && this.isInvalidNumber()) {
      this.number();
      return;
    }
    this.setError("invalid token");
  }

  /** json_is_invalid_number: what strict JSON forbids but strtod would read (+, hex, 0-prefix, inf, nan). */
  private isInvalidNumber(): boolean {
    const s = this.s;
    let p = this.i;
    let c = s.charCodeAt(p);
    if (c === 43) return true;
    if (c === 45) c = s.charCodeAt(++p);
    if (c === 48) {
      const c2 = s.charCodeAt(p + 1);
      return (c2 | 0x20) === 120 || isDigit(c2);
    }
    if (c <= 57 || c !== c) return false;
    return matchWord(s, p, "inf") || matchWord(s, p, "nan");
  }

  /** json_next_number_token: strtod from here (glibc: decimal, hex, inf, infinity, nan, nan(...)). */
  private number(): void {
    const s = this.s;
    const start = this.i;
    let p = start;
    let neg = false;
    let c = s.charCodeAt(p);
    if (c === 43 || c === 45) {
      neg = c === 45;
      c = s.charCodeAt(++p);
    }
    let value: number;
    let end: number;
    if ((c | 0x20) === 105 && matchWord(s, p, "inf")) {
      end = matchWord(s, p, "infinity") ? p + 8 : p + 3;
      value = Infinity;
    } else if ((c | 0x20) === 110 && matchWord(s, p, "nan")) {
      end = p + 3;
      if (s.charCodeAt(end) === 40) {
        let k = end + 1;
        for (;;) {
          const d = s.charCodeAt(k);
          if (isDigit(d) || ((d | 0x20) >= 97 && (d | 0x20) <= 122) || d === 95) k++;
          else break;
        }
        if (s.charCodeAt(k) === 41) end = k + 1;
      }
      value = NaN;
    } else if (c === 48 && (s.charCodeAt(p + 1) | 0x20) === 120) {
      const r = this.hexNumber(p + 2);
      if (r < 0) {
        value = 0; // "0x" with no hex digits: strtod reads the "0"
        end = p + 1;
      } else {
        value = this.tokNum;
        end = r;
      }
    } else {
      end = this.decimal(p);
      if (end < 0) {
        this.setError("invalid number");
        return;
      }
      value = this.tokNum;
    }
    this.tok = T_NUMBER;
    this.tokNum = neg ? -value : value;
    this.i = end;
  }

  /** A decimal strtod subject at p (no sign); sets tokNum, returns the end, or -1 if none. */
  private decimal(p: number): number {
    const s = this.s;
    const begin = p;
    let mant = 0;
    let digits = 0; // significant digits accumulated in mant
    let c = s.charCodeAt(p);
    while (c >= 48 && c <= 57) {
      if (digits < 16) {
        mant = mant * 10 + (c - 48);
        if (mant !== 0) digits++;
      } else digits++;
      c = s.charCodeAt(++p);
    }
    const intDigits = p - begin;
    let frac = 0;
    if (c === 46) {
      c = s.charCodeAt(++p);
      while (c >= 48 && c <= 57) {
        if (digits < 16) {
          mant = mant * 10 + (c - 48);
          if (mant !== 0) digits++;
        } else digits++;
        frac++;
        c = s.charCodeAt(++p);
      }
    }
    if (intDigits + frac === 0) return -1;
    let exp = 0;
    if ((c | 0x20) === 101) {
      let k = p + 1;
      let e = s.charCodeAt(k);
      let eneg = false;
      if (e === 43 || e === 45) {
        eneg = e === 45;
        e = s.charCodeAt(++k);
      }
      if (e >= 48 && e <= 57) {
        while (e >= 48 && e <= 57) {
          if (exp < 100000) exp = exp * 10 + (e - 48);
          e = s.charCodeAt(++k);
        }
        if (eneg) exp = -exp;
        p = k;
      }
    }
    // Exact fast path: at most 15 significant digits and a power of ten that is a double.
    if (digits <= 15) {
      const e10 = exp - frac;
      if (e10 === 0) this.tokNum = mant;
      else if (e10 > 0 && e10 <= 22) this.tokNum = mant * POW10[e10];
      else if (e10 < 0 && e10 >= -22) this.tokNum = mant / POW10[-e10];
      else this.tokNum = Number(s.slice(begin, p));
    } else {
      this.tokNum = Number(s.slice(begin, p));
    }
    return p;
  }

  /** Hex digits after "0x" at p, with an optional fraction and binary exponent; -1 if no digit. */
  private hexNumber(p: number): number {
    const s = this.s;
    let hex = "";
    let fracDigits = 0;
    let c = s.charCodeAt(p);
    while (hexDigit(c) >= 0) {
      hex += s[p];
      c = s.charCodeAt(++p);
    }
    if (c === 46) {
      let k = p + 1;
      let f = "";
      while (hexDigit(s.charCodeAt(k)) >= 0) f += s[k++];
      if (hex.length > 0 || f.length > 0) {
        hex += f;
        fracDigits = f.length;
        p = k;
      }
    }
    if (hex.length === 0) return -1;
    let exp2 = -4 * fracDigits;
    if ((s.charCodeAt(p) | 0x20) === 112) {
      let k = p + 1;
      let e = s.charCodeAt(k);
      let eneg = false;
      if (e === 43 || e === 45) {
        eneg = e === 45;
        e = s.charCodeAt(++k);
      }
      if (isDigit(e)) {
        let x = 0;
        while (isDigit(e)) {
          if (x < 100000) x = x * 10 + (e - 48);
          e = s.charCodeAt(++k);
        }
        exp2 += eneg ? -x : x;
        p = k;
      }
    }
    const mant = BigInt("0x" + hex);
    this.tokNum = mant === 0n ? 0 : scale2(mant, exp2);
    return p;
  }

  /** json_next_string_token: a string token from the opening quote at this.i. */
  private string(): void {
    const s = this.s;
    const start = this.i + 1;
    // the next backslash and NUL are searched once and remembered until passed
    if (this.bsPos < start) this.bsPos = indexOrInfinity(s, "\\", start);
    if (this.nulPos < start) this.nulPos = indexOrInfinity(s, "\0", start);
    const q = s.indexOf('"', start);
    if (q >= 0 && q < this.bsPos && q < this.nulPos) {
      this.tok = T_STRING;
      this.tokRaw = true;
      this.tokStr = s.slice(start, q);
      this.i = q + 1;
      return;
    }
    let i = start;
    let c = s.charCodeAt(i);
    while (c !== 34 && c !== 92 && c > 0) c = s.charCodeAt(++i);
    let out = s.slice(start, i);
    for (;;) {
      c = s.charCodeAt(i);
      if (c === 34) break;
      if (!(c > 0)) {
        this.i = i;
        this.setError("unexpected end of string");
        return;
      }
      if (c !== 92) {
        const run = i;
        while (c !== 34 && c !== 92 && c > 0) c = s.charCodeAt(++i);
        out += s.slice(run, i);
        continue;
      }
      const e = s.charCodeAt(i + 1);
      let ch: string;
      switch (e) {
        case 34:
          ch = '"';
          break;
        case 92:
          ch = "\\";
          break;
        case 47:
          ch = "/";
          break;
        case 98:
          ch = "\b";
          break;
        case 116:
          ch = "\t";
          break;
        case 110:
          ch = "\n";
          break;
        case 102:
          ch = "\f";
          break;
        case 114:
          ch = "\r";
          break;
        case 117: {
          const n = this.unicodeEscape(i);
          if (n < 0) {
            this.i = i;
            this.setError("invalid unicode escape code");
            return;
          }
          out += this.tokStr;
          i += n;
          continue;
        }
        default:
          this.i = i;
          this.setError("invalid escape code");
          return;
      }
      out += ch;
      i += 2;
    }
    this.tok = T_STRING;
    this.tokRaw = false;
    this.tokStr = out;
    this.i = i + 1;
  }

  /** json_append_unicode_escape at the backslash: the UTF-8 bytes in tokStr, the escape's length or -1. */
  private unicodeEscape(i: number): number {
    const s = this.s;
    let cp = hex4(s, i + 2);
    if (cp < 0) return -1;
    let len = 6;
    if ((cp & 0xf800) === 0xd800) {
      if (cp & 0x400) return -1; // a low surrogate first
      if (s.charCodeAt(i + 6) !== 92 || s.charCodeAt(i + 7) !== 117) return -1;
      const low = hex4(s, i + 8);
      if (low < 0 || (low & 0xfc00) !== 0xdc00) return -1;
      cp = (((cp & 0x3ff) << 10) | (low & 0x3ff)) + 0x10000;
      len = 12;
    }
    this.tokStr = utf8(cp);
    return len;
  }

  /** "Expected <what> but found <token> at character <n>". */
  private expected(what: string): LuaError {
    const found = this.tok === T_ERROR ? this.tokErr : TOKEN_NAMES[this.tok];
    return new LuaError(`Expected ${what} but found ${found} at character ${this.tokIndex + 1}`, 1);
  }

  /** json_decode_descend: the depth limit and lua_checkstack(l, slots). */
  private descend(depth: number, top: number, slots: number): void {
    if (depth <= this.cfg.decodeMaxDepth && top + slots <= MAXCSTACK) return;
    throw new LuaError(`Found too many nested data structures (${depth}) at character ${this.i}`, 1);
  }

  /**
   * The value grammar of json_process_value / json_parse_{object,array}_context, as a loop over an
   * explicit stack of open containers so that deep documents cannot overflow the JS stack. Valid
   * JSON takes the inlined fast paths; anything unexpected is re-read with next() from the same
   * position, so that the error names the token exactly as json_next_token would.
   */
  parse(): LuaValue {
    const s = this.s;
    const b = this.b;
    const root = new Shape("", 0, undefined);
    const frames: Frame[] = [];
    let d = 0; // open containers: frames[0..d-1]
    let f: Frame | undefined; // frames[d - 1]
    let top = 1; // Lua stack slots in use where the next value goes (the argument string)
    let i = 0;
    let v: LuaValue;
    for (;;) {
      // ---- a value is expected at i
      let c = b[i];
      if (c <= 32) {
        while (c === 32 || c === 10 || c === 13 || c === 9) c = b[++i];
      }
      if (c === 34) {
        // a string without escapes is a slice of the document
        let j = i + 1;
        let e = b[j];
        while (e !== 34 && e !== 92 && e !== 0) e = b[++j];
        if (e === 34) {
          v = s.slice(i + 1, j);
          i = j + 1;
        } else {
          this.i = this.tokIndex = i;
          this.string();
          if (this.tok !== T_STRING) throw this.expected("value");
          v = this.tokStr;
          i = this.i;
        }
      } else if (c === 123 || c === 91) {
        const obj = c === 123;
        if (d + 1 > this.cfg.decodeMaxDepth || top + (obj ? 3 : 2) > MAXCSTACK) {
          this.i = i + 1;
          this.descend(d + 1, top, obj ? 3 : 2);
        }
        c = b[++i];
        if (c <= 32) {
          i = this.skipSpace(i);
          c = b[i];
        }
        if (c === (obj ? 125 : 93)) {
          i++;
          v = new LuaTable();
        } else {
          f = frames[d];
          if (f === undefined) f = frames[d] = new Frame();
          d++;
          f.top = top;
          f.n = 0;
          f.array = !obj;
          if (obj) {
            top += 2;
            f.shape = root;
            i = this.objectKey(f, i);
            if (b[i] === 58) i++;
            else i = this.colon(i);
          } else {
            top += 1;
          }
          continue;
        }
      } else if (c >= 49 && c <= 57) {
        // a plain decimal of up to 15 digits, here (as scalar reads it); anything more: scalar
        let j = i + 1;
        let m = c - 48;
        c = b[j];
        while (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          c = b[++j];
        }
        let frac = 0;
        if (c === 46 && b[j + 1] >= 48 && b[j + 1] <= 57) {
          const point = ++j;
          c = b[j];
          while (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            c = b[++j];
          }
          frac = j - point;
        }
        if (j - i - (frac > 0 ? 1 : 0) <= 15 && c !== 46 && c !== 101 && c !== 69) {
          v = frac === 0 ? m : m / POW10[frac];
          i = j;
        } else {
          v = this.scalar(i, b[i]);
          i = this.i;
        }
      } else {
        v = this.scalar(i, c);
        i = this.i;
      }
      // ---- a value is complete: store it in the innermost container, or finish
      for (;;) {
        if (f === undefined) {
          this.i = i;
          this.next();
          if (this.tok !== T_END) throw this.expected("the end");
          return v;
        }
        c = b[i];
        if (c <= 32) {
          i = this.skipSpace(i);
          c = b[i];
        }
        const values = f.values;
        const n = f.n;
        values[n] = v;
        f.n = n + 1;
        if (f.array) {
          if (c === 44) {
            i++;
            break;
          }
          if (c !== 93) throw this.unexpected(i, "comma or array end");
          i++;
          v = LuaTable.fromSequence(values.slice(0, n + 1));
        } else {
          if (f.shape === undefined) f.keys[n] = f.key;
          if (c === 44) {
            c = b[++i];
            i = this.objectKey(f, c <= 32 ? this.skipSpace(i) : i);
            if (b[i] === 58) i++;
            else i = this.colon(i);
            break;
          }
          if (c !== 125) throw this.unexpected(i, "comma or object end");
          i++;
          const sh = f.shape;
          if (sh === undefined) v = LuaTable.fromStringPairs(f.keys, values, n + 1);
          else v = LuaTable.fromLayout(sh.layout ?? sh.makeLayout(), values);
        }
        // the container closed: it is the completed value one level up
        top = f.top;
        d--;
        f = d > 0 ? frames[d - 1] : undefined;
      }
    }
  }

  /**
   * A number, boolean or null at i (c = its first byte; not a string or container): the plain
   * decimals of up to 15 digits exactly (digits / 10^fraction, both exact, rounded once), the
   * rest through next(). this.i ends after it; other tokens raise "Expected value".
   */
  private scalar(i: number, c: number): LuaValue {
    const b = this.b;
    let j = i;
    if (c === 45) c = b[++j];
    if (c >= 48 && c <= 57) {
      const start = j;
      let m = c - 48;
      c = b[++j];
      if (m !== 0 || !(c === 120 || c === 88 || (c >= 48 && c <= 57))) {
        while (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          c = b[++j];
        }
        let digits = j - start;
        let frac = 0;
        if (c === 46) {
          c = b[j + 1];
          if (c >= 48 && c <= 57) {
            j++;
            const fstart = j;
            while (c >= 48 && c <= 57) {
              m = m * 10 + (c - 48);
              c = b[++j];
            }
            frac = j - fstart;
            digits += frac;
          } else c = 46;
        }
        if (digits <= 15 && c !== 101 && c !== 69 && c !== 46) {
          this.i = j;
          const x = frac === 0 ? m : m / POW10[frac];
          return b[i] === 45 ? -x : x;
        }
      }
    } else if (j === i) {
      // true, false, null (the NUL after the document stops a comparison at its end)
      if (c === 116 && b[i + 1] === 114 && b[i + 2] === 117 && b[i + 3] === 101) {
        this.i = i + 4;
        return true;
      }
      if (c === 102 && b[i + 1] === 97 && b[i + 2] === 108 && b[i + 3] === 115 && b[i + 4] === 101) {
        this.i = i + 5;
        return false;
      }
      if (c === 110 && b[i + 1] === 117 && b[i + 2] === 108 && b[i + 3] === 108) {
        this.i = i + 4;
        return JSON_NULL;
      }
    }
    this.i = this.tokIndex = i;
    const first = b[i];
    if (first === 45 || (first >= 48 && first <= 57)) {
      if (!this.cfg.decodeInvalidNumbers && this.isInvalidNumber()) this.setError("invalid number");
      else this.number();
    } else {
      this.next();
    }
    switch (this.tok) {
      case T_NUMBER:
        return this.tokNum;
      case T_BOOLEAN:
        return this.tokBool;
      case T_NULL:
        return JSON_NULL;
      default:
        throw this.expected("value");
    }
  }

  private skipSpace(i: number): number {
    const b = this.b;
    let c = b[i];
    while (c === 32 || c === 10 || c === 13 || c === 9) c = b[++i];
    return i;
  }

  /** The error for the token at i (whitespace already skipped) where `what` was expected. */
  private unexpected(i: number, what: string): LuaError {
    this.i = i;
    this.next();
    return this.expected(what);
  }

  /**
   * An object key string at i (whitespace skipped) into f.key, f.shape following it; returns the
   * position after it. The key the shape saw next last time is tried first, as a literal.
   */
  private objectKey(f: Frame, i: number): number {
    const b = this.b;
    const sh = f.shape;
    if (sh !== undefined) {
      const key = sh.nextKey;
      if (key !== undefined) {
        // "key" at i: the bytes of the key where it was seen, then a quote
        const kl = key.length;
        const e = i + 1 + kl;
        if (b[i] === 34 && e < this.s.length && b[e] === 34) {
          const at = sh.nextAt - i - 1;
          let k = i + 1;
          // four bytes at a time, then one by one
          const dv = this.dv;
          while (k + 4 <= e && dv.getInt32(k) === dv.getInt32(k + at)) k += 4;
          while (k < e && b[k] === b[k + at]) k++;
          if (k === e) {
            f.key = key;
            f.shape = sh.nextShape;
            return e + 1;
          }
        }
      }
    }
    this.i = i;
    this.tokIndex = i;
    if (b[i] !== 34) throw this.unexpected(i, "object key string");
    this.string();
    if (this.tok !== T_STRING) throw this.expected("object key string");
    const key = this.tokStr;
    f.key = key;
    if (sh !== undefined) f.shape = this.transition(sh, key, f);
    return this.i;
  }

  /** The shape after `key` (undefined past the limits: the object is laid out on its own). */
  private transition(sh: Shape, key: string, f: Frame): Shape | undefined {
    let next = sh.child(key);
    if (next === undefined) {
      if (sh.n >= SHAPE_MAX_KEYS || this.shapesLeft === 0) {
        // the object goes on without a shape: its keys so far are the shape's
        for (let x: Shape = sh, k = sh.n - 1; k >= 0; x = x.parent!, k--) f.keys[k] = x.key;
        return undefined;
      }
      this.shapesLeft--;
      next = new Shape(key, sh.n + 1, sh);
      sh.addChild(next);
    }
    if (this.tokRaw) {
      // the key had no escapes: its bytes in the document, just read, are the key itself
      sh.nextKey = key;
      sh.nextAt = this.i - 1 - key.length;
      sh.nextShape = next;
    }
    return next;
  }

  /** The colon after a key at i; returns the position after it. */
  private colon(i: number): number {
    i = this.skipSpace(i);
    if (this.b[i] !== 58) throw this.unexpected(i, "colon");
    return i + 1;
  }
}

/** Objects with more keys than this are laid out on their own (no shape). */
const SHAPE_MAX_KEYS = 64;
/** At most this many shapes per document. */
const MAX_SHAPES = 4096;

/**
 * A sequence of object keys seen in one document, as a tree from the empty object: objects with
 * the same keys in the same order leave the same node part (layoutStringKeys in runtime/table-layout.ts), so it is
 * worked out once per shape and per document. Nothing is kept from one decode to the next.
 */
class Shape {
  /** the shapes one key longer: a list, and a map by key once there are many */
  private firstChild: Shape | undefined = undefined;
  private sibling: Shape | undefined = undefined;
  private children: Map<string, Shape> | undefined = undefined;
  private childCount = 0;
  /** the key without escapes last seen after this shape, matched literally first */
  nextKey: string | undefined = undefined;
  /** where nextKey's bytes are in the document */
  nextAt = 0;
  nextShape: Shape | undefined = undefined;
  layout: StringKeysLayout | undefined = undefined;
  constructor(
    /** the last key (none for the empty object) */
    readonly key: string,
    /** the number of keys */
    readonly n: number,
    readonly parent: Shape | undefined,
  ) {}

  /** The layout of an object with these keys, made now. */
  makeLayout(): StringKeysLayout {
    const keys: string[] = [this.key];
    for (let x = this.parent!; x.n > 0; x = x.parent!) keys.push(x.key);
    keys.reverse();
    return (this.layout = layoutStringKeys(keys, keys.length));
  }

  child(key: string): Shape | undefined {
    if (this.children !== undefined) return this.children.get(key);
    for (let c = this.firstChild; c !== undefined; c = c.sibling) if (c.key === key) return c;
    return undefined;
  }

  addChild(c: Shape): void {
    c.sibling = this.firstChild;
    this.firstChild = c;
    if (++this.childCount === 8) {
      this.children = new Map();
      for (let x: Shape | undefined = c; x !== undefined; x = x.sibling) this.children.set(x.key, x);
    } else if (this.childCount > 8) this.children!.set(c.key, c);
  }
}

/**
 * An open container: an array's values so far, or an object's keys and values so far, its
 * pending key and its shape (undefined: none), and the Lua stack slots in use below it. One per
 * nesting depth and document: objects made during the decode, as the values they hold are, so
 * that storing those is not an old-to-new store for the garbage collector to remember.
 */
class Frame {
  array = false;
  values: LuaValue[] = [undefined];
  keys: string[] = [""];
  n = 0;
  key = "";
  shape: Shape | undefined = undefined;
  top = 0;
}

function indexOrInfinity(s: string, ch: string, from: number): number {
  const i = s.indexOf(ch, from);
  return i < 0 ? Infinity : i;
}

/**
 * The table C builds by storing t[1..n] one by one into a new table (lua_rawseti / lua_settable),
 * all values non-nil: each store that does not fit rehashes, which leaves an array part of the
 * next power of two (nil-padded) and no node part. Takes ownership of `values`.
 * (Shared with cmsgpack.ts and server/scripting/convert.ts.)
 */
export function sequenceTable(values: LuaValue[]): LuaTable {
  return LuaTable.fromSequence(values);
}

/** decode_hex4: four hex digits at s[i], or -1. */
function hex4(s: string, i: number): number {
  const a = hexDigit(s.charCodeAt(i));
  const b = hexDigit(s.charCodeAt(i + 1));
  const c = hexDigit(s.charCodeAt(i + 2));
  const d = hexDigit(s.charCodeAt(i + 3));
  if (a < 0 || b < 0 || c < 0 || d < 0) return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

/** codepoint_to_utf8, as a latin1 byte string. */
function utf8(cp: number): string {
  if (cp <= 0x7f) return String.fromCharCode(cp);
  if (cp <= 0x7ff) return String.fromCharCode((cp >> 6) | 0xc0, (cp & 0x3f) | 0x80);
  if (cp <= 0xffff) {
    return String.fromCharCode((cp >> 12) | 0xe0, ((cp >> 6) & 0x3f) | 0x80, (cp & 0x3f) | 0x80);
  }
  return String.fromCharCode(
    (cp >> 18) | 0xf0,
    ((cp >> 12) & 0x3f) | 0x80,
    ((cp >> 6) & 0x3f) | 0x80,
    (cp & 0x3f) | 0x80,
  );
}

/** mant · 2^exp2 rounded once to a double (mant > 0). */
function scale2(mant: bigint, exp2: number): number {
  const bits = mant.toString(2).length;
  if (bits > 64) {
    // keep 64 bits plus a sticky bit so that Number() rounds as a single rounding would
    const drop = bits - 64;
    const sticky = (mant & ((1n << BigInt(drop)) - 1n)) !== 0n ? 1n : 0n;
    mant = (mant >> BigInt(drop)) | sticky;
    exp2 += drop;
  }
  let v = Number(mant);
  // apply the power of two in steps that stay exact until the final one
  while (exp2 > 1000) {
    v *= 2 ** 1000;
    exp2 -= 1000;
  }
  while (exp2 < -1000) {
    v *= 2 ** -1000;
    exp2 += 1000;
  }
  return v * 2 ** exp2;
}

/** json_decode after its argument checks: the value of one whole document. */
export function decodeJson(s: string, cfg: DecodeConfig): LuaValue {
  if (s.length >= 2 && (s.charCodeAt(0) === 0 || s.charCodeAt(1) === 0)) {
    throw new LuaError("JSON parser does not support UTF-16 or UTF-32", 1);
  }
  const n = s.length;
  let b = docBytes;
  let dv = docView;
  if (b.length <= n) {
    // room to grow for the documents to come, but a big one gets no more than it needs (the
    // NUL, and the four-byte reads that end at it)
    b = Buffer.allocUnsafeSlow(n < KEEP_BYTES ? Math.max(2 * n, 1024) : n + 8);
    dv = new DataView(b.buffer, b.byteOffset, b.length);
  }
  b.write(s, 0, n, "latin1");
  b[n] = 0;
  // a big document's copy is not kept once parsed
  if (n < KEEP_BYTES) {
    docBytes = b;
    docView = dv;
  } else {
    docBytes = EMPTY_BYTES;
    docView = EMPTY_VIEW;
  }
  return new Decoder(s, b, dv, cfg).parse();
}

/** Documents shorter than this have their bytes copied into a buffer kept between decodes. */
const KEEP_BYTES = 1 << 20;
const EMPTY_BYTES = Buffer.alloc(0);
const EMPTY_VIEW: DataView = new DataView(new ArrayBuffer(0));
let docBytes: Buffer = EMPTY_BYTES;
let docView: DataView = EMPTY_VIEW;
