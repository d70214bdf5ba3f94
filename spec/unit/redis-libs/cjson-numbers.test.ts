// cjson.encode's number fast paths (integers and short fractions written digit by digit) against
// formatG, C's %.{precision}g, which the general path uses and spec/unit/string checks against
// lua5.1: for every precision, integers and fractions of every length and magnitude, near the
// layout thresholds (1e-4, 10^precision) and around rounding edges, as values and as keys.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeCjsonLib } from "../../../runtime/lib/cjson.js";
import { formatG } from "../../../runtime/number.js";
import { LuaTable } from "../../../runtime/table.js";
import type { LuaValue } from "../../../runtime/value.js";

/** A deterministic pseudo-random generator (LCG), so failures reproduce. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
}

function numbers(): number[] {
  const r = rng(11);
  const xs: number[] = [
    0,
    1,
    -1,
    0.5,
    1e-4,
    1e-5,
    0.0001234,
    99999999999999,
    1e14,
    1e13 + 0.5,
    2 ** 31,
    2 ** 31 - 1,
  ];
  for (let k = 0; k <= 15; k++) {
    const p = 10 ** k;
    xs.push(p, p - 1, p + 1, p / 1e8, p * 1.5, -p, p - 0.5, p + 0.25, 1 / p, 1.5 / p, 0.999999999 * p);
  }
  for (let i = 0; i < 4000; i++) {
    const digits = 1 + (r() % 16);
    let m = 0;
    for (let k = 0; k < digits; k++) m = m * 10 + (r() % 10);
    const d = r() % 12;
    const x = m / 10 ** d;
    xs.push(r() % 2 === 0 ? x : -x);
    xs.push(m * 1.25, (m % 1000) + (r() % 100) / 100, ((r() % 2 ** 20) / 2 ** 20) * 10 ** ((r() % 20) - 6));
  }
  return xs;
}

test("cjson.encode writes numbers as %.{precision}g", () => {
  const lib = makeCjsonLib();
  const encode = lib.getStr("encode") as (v: LuaValue) => string;
  const precision = lib.getStr("encode_number_precision") as (p: number) => number;
  const xs = numbers();
  for (let prec = 1; prec <= 14; prec++) {
    precision(prec);
    for (const x of xs) {
      const want = formatG(x, prec);
      assert.equal(encode(x), want, `${x} at precision ${prec}`);
      const t = new LuaTable();
      t.set(x, true);
      if (!(Number.isInteger(x) && x >= 1)) assert.equal(encode(t), `{"${want}":true}`, `key ${x}`);
    }
  }
});

test("cjson.decode reads decimals as strtod does (the nearest double)", () => {
  const decode = makeCjsonLib().getStr("decode") as (s: string) => LuaValue;
  const r = rng(12);
  const texts: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const int = String(r() % 10 ** (1 + (r() % 9))) + (r() % 3 === 0 ? String(r() % 1e9) : "");
    const frac = r() % 3 === 0 ? "" : "." + String(r()).slice(0, 1 + (r() % 10));
    const exp = r() % 5 === 0 ? "e" + ((r() % 40) - 20) : "";
    texts.push((r() % 4 === 0 ? "-" : "") + int + frac + exp);
  }
  const got = decode("[" + texts.join(",") + "]") as LuaTable;
  texts.forEach((text, i) => assert.equal(got.getNum(i + 1), Number(text), text));
});
