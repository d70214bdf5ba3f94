// The fast paths of runtime/number.ts (%e %f %g digits from one scaled multiplication) against
// the exact paths they fall back to (toPrecision/toExponential/toFixed with C's ties-to-even,
// BigInt beyond them), which spec/unit/string and the Lua corpus check against lua5.1. Random
// doubles of every magnitude, short decimals (where ties and near ties live), and exact ties.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  formatExp,
  formatFixed,
  formatG,
  slowFormatExp,
  slowFormatFixed,
  slowFormatG,
} from "../../../runtime/number.js";

/** A small deterministic generator (xorshift32), so that a failure names its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function values(seed: number, count: number): number[] {
  const r = rng(seed);
  const out: number[] = [
    0,
    -0,
    0.5,
    1.5,
    2.5,
    0.125,
    0.375,
    1e15 - 0.5,
    9.5,
    99.5,
    0.05,
    0.15,
    1e-5,
    123456.5,
  ];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    let x: number;
    if (kind === 0) x = (r() - 0.5) * Math.pow(10, Math.floor(r() * 60) - 30);
    else if (kind === 1)
      x = Math.round(r() * 1e6) / Math.pow(10, Math.floor(r() * 8)); // short decimals
    else if (kind === 2)
      x = (Math.floor(r() * 2e6) + 0.5) / Math.pow(2, Math.floor(r() * 12)); // binary ties
    else x = Math.floor(r() * 1e9) / 7;
    out.push(r() < 0.3 ? -x : x);
  }
  return out;
}

test("formatFixed fast path equals the exact path", () => {
  for (const x of values(1, 4000)) {
    for (const prec of [0, 1, 2, 3, 6, 10, 17, 22]) {
      assert.equal(formatFixed(x, prec), slowFormatFixed(x, prec), `%.${prec}f of ${x}`);
    }
  }
  assert.equal(formatFixed(-0, 3), "-0.000");
  assert.equal(formatFixed(-0.0001, 2), "-0.00");
});

test("formatExp fast path equals the exact path", () => {
  for (const x of values(2, 4000)) {
    for (const prec of [0, 1, 2, 5, 6, 9, 13, 14]) {
      assert.equal(formatExp(x, prec), slowFormatExp(x, prec), `%.${prec}e of ${x}`);
      assert.equal(formatExp(x, prec, true), slowFormatExp(x, prec, true), `%.${prec}E of ${x}`);
    }
  }
});

test("formatG fast path equals the exact path", () => {
  for (const x of values(3, 4000)) {
    for (const prec of [1, 2, 3, 6, 10, 14, 15]) {
      assert.equal(formatG(x, prec), slowFormatG(x, prec), `%.${prec}g of ${x}`);
      assert.equal(formatG(x, prec, true, true), slowFormatG(x, prec, true, true), `%#.${prec}G of ${x}`);
    }
  }
});
