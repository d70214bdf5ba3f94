// Integer and float parsing exactly as Redis accepts them (string2ll, getDoubleFromObject's
// strtod checks) and the shared error replies for bad numbers. Pure functions over byte strings;
// used by every command that takes a number.

import { err, type ErrorReply } from "../reply.js";

export const ERR_NOT_INT = err("ERR value is not an integer or out of range");
export const ERR_NOT_FLOAT = err("ERR value is not a valid float");
export const ERR_SYNTAX = err("ERR syntax error");

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** Shape check of string2ll: optional '-', no leading zeros, digits only ("0" alone is fine, "-0" is not). */
function isLLShape(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 20) return false;
  let i = 0;
  if (s.charCodeAt(0) === 45 /* - */) {
    if (n === 1) return false;
    i = 1;
  }
  const c0 = s.charCodeAt(i);
  if (c0 === 48 /* 0 */) return n === 1;
  if (c0 < 49 || c0 > 57) return false;
  for (i++; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * string2ll: the exact int64 value of a strictly formatted integer, or undefined. Values beyond
 * 2^53 come back as bigint; callers that only compare or clamp may use `Number()` on them.
 */
export function parseLL(s: string): number | bigint | undefined {
  if (!isLLShape(s)) return undefined;
  if (s.length <= 15) return Number(s);
  const b = BigInt(s);
  if (b > INT64_MAX || b < INT64_MIN) return undefined;
  const n = Number(b);
  return Number.isSafeInteger(n) ? n : b;
}

/** string2ll as a bigint (exact). */
export function parseLLBig(s: string): bigint | undefined {
  if (!isLLShape(s)) return undefined;
  const b = BigInt(s);
  return b > INT64_MAX || b < INT64_MIN ? undefined : b;
}

/** string2ll as a JS number, approximate beyond 2^53 (fine for counts, indexes and limits). */
export function parseLLNum(s: string): number | undefined {
  const v = parseLL(s);
  return v === undefined ? undefined : typeof v === "number" ? v : Number(v);
}

/** True when the string is what string2l accepts and Redis would store with the int encoding. */
export function isIntEncodable(s: string): boolean {
  return s.length <= 20 && parseLL(s) !== undefined;
}

export function inInt64(b: bigint): boolean {
  return b <= INT64_MAX && b >= INT64_MIN;
}

export const LLONG_MAX = INT64_MAX;
export const LLONG_MIN = INT64_MIN;

/** A decimal as strtod reads one without hex, inf or nan: sign, digits, point, exponent. */
export const DEC_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_RE = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?\d+))?$/;
const INF_RE = /^([+-]?)(?:inf|infinity)$/i;
const NAN_RE = /^[+-]?nan(?:\([0-9a-zA-Z_]*\))?$/i;

/** The value of a hexadecimal float (C99 strtod syntax) as a double. */
function parseHexFloat(sign: string, digits: string, exp: string | undefined): number {
  const dot = digits.indexOf(".");
  const intPart = dot < 0 ? digits : digits.slice(0, dot);
  const frac = dot < 0 ? "" : digits.slice(dot + 1);
  const all = (intPart + frac).replace(/^0+/, "") || "0";
  // Use at most 16 hex digits exactly; the rest only matter for sticky rounding, which a double
  // cannot represent beyond 53 bits anyway (good enough for a rarely used syntax).
  let mant = 0;
  for (const ch of all.slice(0, 16)) mant = mant * 16 + parseInt(ch, 16);
  const shift = 4 * (all.length > 16 ? all.length - 16 : 0) - 4 * frac.length + (exp ? parseInt(exp, 10) : 0);
  const v = mant * Math.pow(2, shift);
  return sign === "-" ? -v : v;
}

/**
 * A sign, digits and at most one point, 15 digits at most: their value as strtod rounds it (the
 * digits and the power of ten are exact doubles, and one division rounds correctly), read
 * without a regular expression (most scores and weights are these). undefined for
 * anything else.
 */
export function plainDecimal(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  const c0 = n > 0 ? s.charCodeAt(0) : 0;
  if (c0 === 45 || c0 === 43) i = 1;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = frac > 0 ? m / POW10[frac] : m;
  return c0 === 45 ? -v : v;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * strtod over the whole string with Redis's getDoubleFromObject checks: no leading space, no
 * trailing bytes, no overflow, no underflow to zero, not NaN. Returns undefined when rejected.
 */
export function parseDouble(s: string): number | undefined {
  const plain = plainDecimal(s);
  if (plain !== undefined) return plain;
  if (s.length === 0) return undefined;
  if (DEC_RE.test(s)) {
    const v = Number(s);
    if (!Number.isFinite(v)) return undefined; // ERANGE overflow
    if (v === 0 && /[1-9]/.test(s.replace(/[eE].*$/, ""))) return undefined; // underflow to zero
    return v;
  }
  const inf = INF_RE.exec(s);
  if (inf) return inf[1] === "-" ? -Infinity : Infinity;
  const hex = HEX_RE.exec(s);
  if (hex) {
    const v = parseHexFloat(hex[1], hex[2], hex[3]);
    return Number.isFinite(v) ? v : undefined;
  }
  if (NAN_RE.test(s)) return undefined;
  return undefined;
}

/** An error reply or a value: the shape of every argument parser that can fail. */
export type Parsed<T> = T | ErrorReply;
