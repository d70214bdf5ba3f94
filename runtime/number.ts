// Numbers as Lua 5.1 prints and reads them, in one place: tostring's "%.14g",
// luaO_str2d (strtod plus the hex fallback), tonumber with a base, and C printf's
// %e/%f/%g used by string.format and cjson. Pure functions of JS numbers and strings.

// ---- the fast path: digits from one scaled multiplication --------------------------------
//
// Rounding |x|·10^k to an integer is exact work for C's printf; here it is one multiplication
// (or division) by an exact power of ten, whose result lies within half an ulp — |y|·2^-53 — of
// the exact product. Unless a half-integer lies that close to y (a tie or a near tie, where
// the exact decimal expansion decides), rounding y gives the integer C's rounding of the exact
// product gives. Those rare cases, and scales beyond 10^±22, take the exact paths below.

/** 10^k for k = 0..22: exact doubles. */
const POW10: number[] = Array.from({ length: 23 }, (_, k) => Number("1e" + k));

/** round(ax · 10^k) as C's exact rounding gives it, or -1 when y can't tell (ax >= 0). */
function scaledRound(ax: number, k: number): number {
  let y: number;
  if (k >= 0) {
    if (k > 22) return -1;
    y = ax * POW10[k];
  } else {
    if (k < -22) return -1;
    y = ax / POW10[-k];
  }
  if (!(y < 1e15)) return -1;
  const f = Math.floor(y);
  const d = y - f - 0.5;
  if (Math.abs(d) <= y * 4.5e-16) return -1;
  return d < 0 ? f : f + 1;
}

/** Scratch results of sigDigits: the P-digit integer and the decimal exponent X. */
let sigR = 0;
let sigX = 0;

/**
 * |x| (finite, nonzero) rounded to p significant digits (1 <= p <= 15): sets sigR (an integer
 * of exactly p digits) and sigX (the rounded value's decimal exponent); false when the fast
 * path can't decide.
 */
function sigDigits(ax: number, p: number): boolean {
  let x = Math.floor(Math.log10(ax));
  for (let tries = 0; tries < 3; tries++) {
    const r = scaledRound(ax, p - 1 - x);
    if (r < 0) return false;
    if (r < POW10[p - 1]) x--;
    else if (r >= POW10[p]) x++;
    else {
      sigR = r;
      sigX = x;
      return true;
    }
  }
  return false;
}

/** The mantissa and exponent of %e from p significant digits "ddd" and exponent x. */
function expLayout(digits: string, x: number, upper: boolean, strip: boolean): string {
  let mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  if (strip) mant = stripZeros(mant);
  const ax = x < 0 ? -x : x;
  return mant + (upper ? "E" : "e") + (x < 0 ? "-" : "+") + (ax < 10 ? "0" + ax : "" + ax);
}

/** C's "%.{prec}e" for a finite number (exponent with at least two digits). */
export function formatExp(n: number, prec: number, upper = false): string {
  if (n !== 0 && prec < 15 && sigDigits(n < 0 ? -n : n, prec + 1)) {
    const s = expLayout("" + sigR, sigX, upper, false);
    return n < 0 ? "-" + s : s;
  }
  return slowFormatExp(n, prec, upper);
}

/** formatExp without the fast path (exported for the tests that compare the two). */
export function slowFormatExp(n: number, prec: number, upper = false): string {
  let s = cToExponential(n, prec);
  // JS gives "1.5e+2"; C gives "1.5e+02"
  const e = s.indexOf("e");
  const mant = s.slice(0, e);
  const sign = s[e + 1];
  let digits = s.slice(e + 2);
  if (digits.length < 2) digits = "0" + digits;
  s = `${mant}e${sign}${digits}`;
  if (Object.is(n, -0) && !s.startsWith("-")) s = "-" + s;
  return upper ? s.toUpperCase() : s;
}

/** C's "%.{prec}f" for a finite number. */
export function formatFixed(n: number, prec: number): string {
  if (prec <= 22) {
    const neg = n < 0 || (n === 0 && 1 / n < 0);
    const r = scaledRound(neg ? -n : n, prec);
    if (r >= 0) {
      let s = "" + r;
      if (prec > 0) {
        if (s.length <= prec) s = "0".repeat(prec + 1 - s.length) + s;
        s = s.slice(0, s.length - prec) + "." + s.slice(s.length - prec);
      }
      return neg ? "-" + s : s;
    }
  }
  return slowFormatFixed(n, prec);
}

/** formatFixed without the fast path (exported for the tests that compare the two). */
export function slowFormatFixed(n: number, prec: number): string {
  let s: string;
  if (Math.abs(n) < 1e21) {
    s = prec <= 100 ? cToFixed(n, prec) : exactFixed(n, prec);
  } else {
    s = bigFixed(n, prec);
  }
  if (Object.is(n, -0) || (n < 0 && !s.startsWith("-"))) s = "-" + s;
  return s;
}

// JS's toFixed/toExponential round exact decimal ties away from zero; glibc's printf
// rounds them to even (the current rounding mode). Both are exact otherwise, so only a
// value lying exactly halfway needs fixing: then, if JS's last kept digit is odd, C's
// result is JS's with that digit one lower (no carry can have happened, since rounding
// up to an odd digit never carries).

/** 2^k for k = 0..1074 (exact; multiplying by one is exact unless it overflows) */
const POW2: number[] = Array.from({ length: 1075 }, (_, k) => Math.pow(2, k));

/** True if |x| (finite, nonzero) lies exactly halfway between two multiples of 10^-f. */
function isDecimalTie(ax: number, f: number): boolean {
  if (f >= 0) {
    // |x| = (N + 1/2)·10^-f exactly iff |x| has exactly f+1 binary fraction digits
    if (f > 1073) return false;
    return Number.isInteger(ax * POW2[f + 1]) && !Number.isInteger(ax * POW2[f]);
  }
  const q = -f; // rounding at the 10^q place
  if (!Number.isInteger(ax)) return false;
  if (q <= 22) return ax % Math.pow(10, q) === 5 * Math.pow(10, q - 1);
  const big = BigInt(ax);
  const unit = 10n ** BigInt(q);
  return big % unit === unit / 2n;
}

/** Lowers the digit at index i of s by one (it is odd, so it is at least 1). */
function lowerDigit(s: string, i: number): string {
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) - 1) + s.slice(i + 1);
}

/** x.toFixed(f) with C's ties-to-even, for |x| < 1e21 and f <= 100. */
function cToFixed(x: number, f: number): string {
  const s = x.toFixed(f);
  const last = s.length - 1;
  if ((s.charCodeAt(last) & 1) === 0 || x === 0 || !isDecimalTie(Math.abs(x), f)) return s;
  return lowerDigit(s, last);
}

/** x.toExponential(p) with C's ties-to-even (x finite, p <= 100). */
function cToExponential(x: number, p: number): string {
  const s = x.toExponential(p);
  const e = s.indexOf("e");
  const last = e - 1;
  if ((s.charCodeAt(last) & 1) === 0 || x === 0) return s;
  // the kept digits end at the 10^(X-p) place, X the decimal exponent (not bumped:
  // a bump leaves a last digit of 0)
  const exp = parseInt(s.slice(e + 1), 10);
  if (!isDecimalTie(Math.abs(x), p - exp)) return s;
  return lowerDigit(s, last);
}

/** "%.{f}f" of a finite |x| < 1e21 for any precision, exactly, via BigInt (ties to even). */
function exactFixed(x: number, f: number): string {
  const ax = Math.abs(x);
  // ax = mant · 2^exp exactly
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, ax);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bexp === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = bexp - 1075;
  }
  let num = mant * 10n ** BigInt(f);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num / den;
  const r2 = (num - q * den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) q += 1n;
  let digits = q.toString();
  if (f > 0) {
    if (digits.length <= f) digits = "0".repeat(f + 1 - digits.length) + digits;
    digits = digits.slice(0, digits.length - f) + "." + digits.slice(digits.length - f);
  }
  return x < 0 ? "-" + digits : digits;
}

/** %f for |n| >= 1e21, where toFixed switches to exponent form: exact via BigInt. */
function bigFixed(n: number, prec: number): string {
  const neg = n < 0;
  const int = BigInt(Math.abs(n)); // exact: such doubles are integers
  const s = int.toString() + (prec > 0 ? "." + "0".repeat(prec) : "");
  return neg ? "-" + s : s;
}

/** C's "%.{prec}g" (without the '#' flag) for any number, with Linux's inf/nan spellings. */
export function formatG(n: number, prec: number, upper = false, alt = false): string {
  if (!Number.isFinite(n) || n === 0) return gSpecial(n, prec, upper, alt);
  if (prec === 0) prec = 1;
  // an integer with no more digits than the precision prints as itself (the common case:
  // redis.call arguments at %.17g, tostring at %.14g)
  if (!alt && Number.isInteger(n) && Math.abs(n) < 9007199254740992 && Math.abs(n) < 10 ** prec)
    return String(n);
  if (prec <= 15 && sigDigits(n < 0 ? -n : n, prec)) {
    const x = sigX;
    const digits = "" + sigR;
    let s: string;
    if (x < -4 || x >= prec) s = expLayout(digits, x, upper, !alt);
    else {
      // %.{prec-1-x}f of the value: the same digits, the point after digit x+1
      if (x >= 0) s = x + 1 < prec ? digits.slice(0, x + 1) + "." + digits.slice(x + 1) : digits;
      else s = "0." + "0".repeat(-x - 1) + digits;
      if (!alt) s = stripZeros(s);
    }
    return n < 0 ? "-" + s : s;
  }
  return slowFormatG(n, prec, upper, alt);
}

/** %g of infinities, NaN and zeros. */
function gSpecial(n: number, prec: number, upper: boolean, alt: boolean): string {
  if (n !== 0) return nonFinite(n, upper);
  const z = alt && prec > 1 ? "0." + "0".repeat(prec - 1) : alt ? "0." : "0";
  return Object.is(n, -0) ? "-" + z : z;
}

/** formatG past its fast path (exported for the tests that compare the two). */
export function slowFormatG(n: number, prec: number, upper = false, alt = false): string {
  if (!Number.isFinite(n) || n === 0) return gSpecial(n, prec, upper, alt);
  if (prec === 0) prec = 1;
  if (prec <= 100) return gViaPrecision(n, prec, upper, alt);
  // exponent X of the value once rounded to prec significant digits
  const expStr = cToExponential(n, prec - 1);
  const x = parseInt(expStr.slice(expStr.indexOf("e") + 1), 10);
  let s: string;
  if (x < -4 || x >= prec) {
    s = formatExp(n, prec - 1, upper);
    if (!alt) {
      const e = s.indexOf(upper ? "E" : "e");
      s = stripZeros(s.slice(0, e)) + s.slice(e);
    }
  } else {
    s = formatFixed(n, Math.max(0, prec - 1 - x));
    if (!alt) s = stripZeros(s);
  }
  return s;
}

/**
 * %g from one toPrecision call (finite nonzero n, prec 1..100): toPrecision gives the same
 * significant digits as C (after the ties-to-even fix) but switches to exponent form at
 * other exponents (below -6, not -4), so the layout is redone here when they disagree.
 */
function gViaPrecision(n: number, prec: number, upper: boolean, alt: boolean): string {
  let s = n.toPrecision(prec);
  const neg = n < 0;
  const e = s.indexOf("e");
  // X: the decimal exponent of the rounded value
  let x: number;
  if (e >= 0) x = +s.slice(e + 1);
  else {
    const start = neg ? 1 : 0;
    if (s.charCodeAt(start) === 48 /* 0 */) {
      // "0.000ddd": X = -(zeros after the point + 1)
      let k = start + 2;
      while (s.charCodeAt(k) === 48) k++;
      x = -(k - start - 1);
    } else {
      const dot = s.indexOf(".");
      x = (dot < 0 ? s.length : dot) - start - 1;
    }
  }
  const last = e >= 0 ? e - 1 : s.length - 1;
  if ((s.charCodeAt(last) & 1) === 1 && isDecimalTie(neg ? -n : n, prec - 1 - x)) s = lowerDigit(s, last);
  if (x < -4 || x >= prec) {
    let mant: string;
    if (e >= 0) mant = s.slice(0, e);
    else {
      // fixed "0.0000ddd" (X = -5 or -6) to "d.dd"
      const digits = s.slice((neg ? 1 : 0) - x + 1).replace(".", "");
      mant = (neg ? "-" : "") + digits[0] + (digits.length > 1 ? "." + digits.slice(1) : "");
    }
    if (!alt) mant = stripZeros(mant);
    const ax = x < 0 ? -x : x;
    s = mant + (upper ? "E" : "e") + (x < 0 ? "-" : "+") + (ax < 10 ? "0" + ax : "" + ax);
    return s;
  }
  return alt ? s : stripZeros(s);
}

function stripZeros(s: string): string {
  if (s.indexOf(".") < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** The sign bit of a double (NaNs keep theirs through V8's arithmetic, as on x86). */
export function signBit(n: number): boolean {
  f64[0] = n;
  return u32[1] >>> 31 === 1;
}

/** A NaN with the sign bit set: what x86 computes for 0/0, inf-inf, sqrt(-1)… */
export const NEGATIVE_NAN: number = (() => {
  u32[0] = 0;
  u32[1] = 0xfff80000;
  return f64[0];
})();

/** How glibc's printf spells infinities and NaN ("-nan" when the sign bit is set). */
export function nonFinite(n: number, upper = false): string {
  let s: string;
  if (n === Infinity) s = "inf";
  else if (n === -Infinity) s = "-inf";
  else s = signBit(n) ? "-nan" : "nan";
  return upper ? s.toUpperCase() : s;
}

/** lua_Number → string as tostring, print and `..` do it: "%.14g". */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e14) {
    return n === 0 && Object.is(n, -0) ? "-0" : String(n);
  }
  return formatG(n, 14);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * C's strtod as glibc implements it, on a Lua string: returns the number and the index
 * just past what it consumed (0 consumed when nothing converts).
 */
export function strtod(s: string, start = 0): { value: number; end: number } {
  let i = start;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") {
    neg = s[i] === "-";
    i++;
  }
  const rest = s.slice(i, i + 8).toLowerCase();
  if (rest.startsWith("inf")) {
    const len = rest.startsWith("infinity") ? 8 : 3;
    return { value: neg ? -Infinity : Infinity, end: i + len };
  }
  if (rest.startsWith("nan")) {
    let j = i + 3;
    if (s[j] === "(") {
      let k = j + 1;
      while (k < s.length && /[0-9A-Za-z_]/.test(s[k])) k++;
      if (s[k] === ")") j = k + 1;
    }
    return { value: neg ? NEGATIVE_NAN : NaN, end: j };
  }
  if (s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X")) {
    const hex = parseHexFloat(s, i + 2);
    if (hex !== undefined) return { value: neg ? -hex.value : hex.value, end: hex.end };
    // "0x" with no hex digits: strtod reads the "0"
    return { value: neg ? -0 : 0, end: i + 1 };
  }
  const m = /^(\d*)(\.\d*)?/.exec(s.slice(i));
  const intPart = m ? m[1] : "";
  const fracPart = m && m[2] ? m[2] : "";
  if (intPart.length === 0 && fracPart.length <= 1) return { value: 0, end: start };
  let j = i + intPart.length + fracPart.length;
  const em = /^[eE][+-]?\d+/.exec(s.slice(j));
  if (em) j += em[0].length;
  const value = Number(s.slice(i, j));
  return { value: neg ? -value : value, end: j };
}

function parseHexFloat(s: string, i: number): { value: number; end: number } | undefined {
  let mant = 0;
  let any = false;
  let exp = 0;
  let j = i;
  for (; j < s.length; j++) {
    const d = hexDigit(s.charCodeAt(j));
    if (d < 0) break;
    mant = mant * 16 + d;
    any = true;
  }
  if (s[j] === ".") {
    let k = j + 1;
    for (; k < s.length; k++) {
      const d = hexDigit(s.charCodeAt(k));
      if (d < 0) break;
      mant = mant * 16 + d;
      exp -= 4;
      any = true;
    }
    if (any) j = k;
  }
  if (!any) return undefined;
  if (s[j] === "p" || s[j] === "P") {
    const em = /^[pP]([+-]?\d+)/.exec(s.slice(j));
    if (em) {
      exp += parseInt(em[1], 10);
      j += em[0].length;
    }
  }
  return { value: mant * Math.pow(2, exp), end: j };
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * A string that is nothing but a plain decimal — sign, digits with at most one point, an
 * exponent with digits — as strtod reads it (Number's conversion is correctly rounded, as
 * glibc's is); undefined for anything else (spaces, hex, inf/nan, junk), which the full
 * path handles.
 */
function plainDecimal(s: string): number | undefined {
  const l = s.length;
  if (l === 0 || l > 64) return undefined;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 45 || c === 43) i = 1;
  let digits = 0;
  while (i < l && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    i++;
    digits++;
  }
  if (i < l && c === 46) {
    i++;
    while (i < l && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return undefined;
  if (i < l) {
    if (c !== 101 && c !== 69) return undefined;
    i++;
    if (i < l && ((c = s.charCodeAt(i)) === 43 || c === 45)) i++;
    const e0 = i;
    while (i < l && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === e0 || i < l) return undefined;
  }
  return Number(s);
}

/** luaO_str2d: a whole string as a Lua number, or undefined. */
export function str2number(s: string): number | undefined {
  const plain = plainDecimal(s);
  if (plain !== undefined) return plain;
  // C sees the string up to its first NUL
  const nul = s.indexOf("\0");
  if (nul >= 0) s = s.slice(0, nul);
  const r = strtod(s);
  if (r.end === 0) return undefined; // nothing converted: endptr == s
  let end = r.end;
  let value = r.value;
  if (s[end] === "x" || s[end] === "X") {
    // strtoul(s, 16) fallback; with glibc's hex strtod this only sees "0x" + junk
    const u = strtoul16(s);
    value = u.value;
    end = u.end;
  }
  while (end < s.length && isSpace(s.charCodeAt(end))) end++;
  if (end !== s.length) return undefined;
  return value;
}

function strtoul16(s: string): { value: number; end: number } {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") {
    neg = s[i] === "-";
    i++;
  }
  if (s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X") && hexDigit(s.charCodeAt(i + 2)) >= 0) i += 2;
  let v = 0;
  let any = false;
  for (; i < s.length; i++) {
    const d = hexDigit(s.charCodeAt(i));
    if (d < 0) break;
    v = v * 16 + d;
    any = true;
  }
  if (!any) return { value: 0, end: 0 };
  if (v > 2 ** 64) v = 2 ** 64;
  return { value: neg ? -v : v, end: i };
}

/** Lua's tonumber(s, base) for base ≠ 10 (strtoul semantics, whole string). */
export function parseIntBase(s: string, base: number): number | undefined {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === "-") {
    neg = true;
    i++;
  } else if (s[i] === "+") i++;
  if (base === 16 && s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X")) i += 2;
  let v = 0;
  let any = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 87;
    else if (c >= 65 && c <= 90) d = c - 55;
    else break;
    if (d >= base) break;
    v = v * base + d;
    any = true;
  }
  if (!any) return undefined;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (i !== s.length) return undefined;
  // strtoul wraps negatives modulo 2^64 and clamps overflow to ULONG_MAX
  if (v > 2 ** 64) v = 2 ** 64;
  if (neg) v = v === 0 ? 0 : 2 ** 64 - v;
  return v;
}
