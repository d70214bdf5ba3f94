// C's pow as glibc computes it, shared by the `^` operator and math.pow: glibc's special
// cases and NaN signs, and integer powers computed exactly (double-double), where
// Math.pow is often one ulp off. Pure numeric code over runtime/number.ts.
import { NEGATIVE_NAN } from "./number.js";

const SPLIT = 134217729; // 2^27 + 1
let ddLo = 0;

/** hi of a·b as a double-double (lo left in ddLo), for finite products well inside range. */
function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  let c = SPLIT * ah;
  const ahh = c - (c - ah);
  const ahl = ah - ahh;
  c = SPLIT * bh;
  const bhh = c - (c - bh);
  const bhl = bh - bhh;
  const err = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl + (ah * bl + al * bh);
  const hi = p + err;
  ddLo = err - (hi - p);
  return hi;
}

/** x^n for an integer n != 0, correctly rounded unless the result leaves the normal range. */
function intPow(x: number, n: number): number {
  let e = Math.abs(n);
  let rh = 1;
  let rl = 0;
  let bh = x;
  let bl = 0;
  // (outside (1e-290, 1e300) the error terms would underflow or the split overflow)
  for (;;) {
    if (e % 2 === 1) {
      rh = ddMul(rh, rl, bh, bl);
      rl = ddLo;
      if (!(Math.abs(rh) < 1e300 && Math.abs(rh) > 1e-290)) return Math.pow(x, n);
    }
    e = Math.floor(e / 2);
    if (e === 0) break;
    bh = ddMul(bh, bl, bh, bl);
    bl = ddLo;
    if (!(bh < 1e300 && bh > 1e-290)) return Math.pow(x, n);
  }
  if (n > 0) return rh;
  // 1 / (rh + rl): q1 = 1/rh, then one correction step in double-double
  const q1 = 1 / rh;
  const ph = ddMul(q1, 0, rh, rl);
  const r = 1 - ph - ddLo;
  const q = q1 + r / rh;
  return Math.abs(q) > 1e-290 ? q : Math.pow(x, n);
}

/** C's pow as glibc computes it: its special cases and NaN signs, integer powers exact. */
export function cPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x) {
    // a negative NaN to an odd integer power loses its sign
    return y % 2 === 1 || y % 2 === -1 ? NaN : x;
  }
  if (y !== y) return y;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  if (Number.isInteger(y) && Math.abs(y) <= 9007199254740992 && Number.isFinite(x) && x !== 0) {
    return intPow(x, y);
  }
  const r = Math.pow(x, y);
  return r !== r ? NEGATIVE_NAN : r;
}
