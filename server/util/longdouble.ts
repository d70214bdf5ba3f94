// x87 80-bit long double arithmetic for INCRBYFLOAT/HINCRBYFLOAT, exact with BigInt: strtold
// (decimal and hex, round-to-nearest-even to a 64-bit significand, ERANGE), addition, and
// ld2string's LD_STR_HUMAN ("%.17Lf" with trailing zeros trimmed), as Redis on x86-64 computes.

/** A finite long double m * 2^e (m < 2^64, m >= 0), or an infinity. */
export interface LongDouble {
  neg: boolean;
  m: bigint;
  e: number;
  inf?: boolean;
}

const MANT_BITS = 64;
const EMIN = -16445; // smallest exponent of the lowest subnormal bit
const EMAX_VALUE = 16384; // values >= 2^16384 overflow

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Rounds the positive rational p/q to a long double (ties to even); flags ERANGE. */
function roundRational(neg: boolean, p: bigint, q: bigint): { v: LongDouble; erange: boolean } {
  if (p === 0n) return { v: { neg, m: 0n, e: 0 }, erange: false };
  let e = bitLength(p) - bitLength(q) - MANT_BITS;
  // Make p/q / 2^e land in [2^63, 2^64).
  const scaled = (ee: number): [bigint, bigint] => (ee >= 0 ? [p, q << BigInt(ee)] : [p << BigInt(-ee), q]);
  let [n, d] = scaled(e);
  if (n / d >= 1n << 64n) e++;
  else if (n / d < 1n << 63n) e--;
  let erange = false;
  if (e < EMIN) {
    e = EMIN;
    erange = true; // subnormal (or zero): strtold reports ERANGE
  }
  [n, d] = scaled(e);
  let m = n / d;
  const r = n - m * d;
  if (r * 2n > d || (r * 2n === d && (m & 1n) === 1n)) m++;
  if (m === 1n << 64n) {
    m >>= 1n;
    e++;
  }
  if (e + MANT_BITS > EMAX_VALUE) return { v: { neg, m: 0n, e: 0, inf: true }, erange: true };
  if (m === 0n) return { v: { neg, m: 0n, e: 0 }, erange: true };
  return { v: { neg, m, e }, erange };
}

const DEC = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;

/**
 * Redis's string2ld: strtold over the whole string, rejecting a leading space, trailing bytes,
 * overflow, underflow to zero, NaN, and strings of 5120 bytes or more.
 */
export function parseLongDouble(s: string): LongDouble | undefined {
  if (s.length === 0 || s.length >= 5 * 1024) return undefined;
  const inf = /^([+-]?)(?:inf|infinity)$/i.exec(s);
  if (inf) return { neg: inf[1] === "-", m: 0n, e: 0, inf: true };
  let neg: boolean;
  let p: bigint;
  let q = 1n;
  let m = HEX.exec(s);
  if (m && (m[2] !== "" || (m[3] ?? "") !== "")) {
    neg = m[1] === "-";
    const digits = m[2] + (m[3] ?? "");
    p = BigInt("0x" + (digits === "" ? "0" : digits));
    let exp = (m[4] ? parseInt(m[4], 10) : 0) - 4 * (m[3] ?? "").length;
    if (p !== 0n && exp > 20000) return undefined;
    if (exp < -20000) exp = -20000;
    if (exp >= 0) p <<= BigInt(exp);
    else q <<= BigInt(-exp);
  } else {
    m = DEC.exec(s);
    if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
    neg = m[1] === "-";
    const frac = m[3] ?? "";
    p = BigInt((m[2] + frac).replace(/^0+/, "") || "0");
    let exp = (m[4] ? parseInt(m[4], 10) : 0) - frac.length;
    if (p !== 0n && exp + (m[2] + frac).length > 5000) return undefined; // overflow
    if (exp < -6000 - (m[2] + frac).length) {
      if (p !== 0n) return undefined; // underflow to zero
      exp = 0;
    }
    if (exp >= 0) p *= 10n ** BigInt(exp);
    else q = 10n ** BigInt(-exp);
  }
  const { v, erange } = roundRational(neg, p, q);
  if (erange && (v.inf || v.m === 0n)) return undefined;
  return v;
}

/** a + b, rounded to nearest-even; NaN (inf - inf) comes back as undefined. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble | undefined {
  if (a.inf || b.inf) {
    if (a.inf && b.inf && a.neg !== b.neg) return undefined;
    return a.inf ? a : b;
  }
  if (a.m === 0n) return b.m === 0n ? { neg: a.neg && b.neg, m: 0n, e: 0 } : b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  const av = (a.neg ? -a.m : a.m) << BigInt(a.e - e);
  const bv = (b.neg ? -b.m : b.m) << BigInt(b.e - e);
  const sum = av + bv;
  if (sum === 0n) return { neg: false, m: 0n, e: 0 };
  const neg = sum < 0n;
  const abs = neg ? -sum : sum;
  const [p, q] = e >= 0 ? [abs << BigInt(e), 1n] : [abs, 1n << BigInt(-e)];
  return roundRational(neg, p, q).v;
}

export function isInfLongDouble(v: LongDouble): boolean {
  return v.inf === true;
}

/** From a double (exact: every double is a long double). */
export function longDoubleFromNumber(x: number): LongDouble {
  if (!Number.isFinite(x)) return { neg: x < 0, m: 0n, e: 0, inf: true };
  const neg = x < 0 || Object.is(x, -0);
  let a = Math.abs(x);
  if (a === 0) return { neg, m: 0n, e: 0 };
  let e = 0;
  while (a !== Math.floor(a)) {
    a *= 2;
    e--;
  }
  let m = BigInt(a);
  while (m > 0n && (m & 1n) === 0n && e < 0) {
    m >>= 1n;
    e++;
  }
  return { neg, m, e };
}

/** printf("%.17Lf") of a finite value. */
function fixed17(v: LongDouble): string {
  const SCALE = 10n ** 17n;
  let n: bigint;
  if (v.e >= 0) n = (v.m << BigInt(v.e)) * SCALE;
  else {
    const num = v.m * SCALE;
    const den = 1n << BigInt(-v.e);
    n = num / den;
    const r = num - n * den;
    if (r * 2n > den || (r * 2n === den && (n & 1n) === 1n)) n++;
  }
  let digits = n.toString().padStart(18, "0");
  digits = digits.slice(0, -17) + "." + digits.slice(-17);
  return (v.neg ? "-" : "") + digits;
}

/** ld2string(LD_STR_HUMAN): "%.17Lf", trailing zeros and a trailing '.' removed, "-0" -> "0". */
export function formatLongDoubleHuman(v: LongDouble): string {
  let s = fixed17(v);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  if (s === "-0") s = "0";
  return s;
}
