// Unit test for server/util/pqsort.ts (Redis's partial quicksort, SORT ... BY ... LIMIT): under
// seeded random arrays (sizes around its insertion-sort and median-of-three thresholds, with
// and without repeated values) and ranges, the wanted positions hold what a full sort puts there
// and the array stays a permutation. The exact order of ties is checked against redis-server by
// the sort transcript and fuzz-sort.ts.

import { test } from "node:test";
import assert from "node:assert/strict";
import { pqsort } from "../../../server/util/pqsort.js";

function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

test("pqsort puts the range where a full sort would", () => {
  const r = seeded(42);
  const cmp = (x: number, y: number) => x - y;
  for (let round = 0; round < 3000; round++) {
    const n = Math.floor(r() * 120);
    const distinct = r() < 0.5 ? n * 4 + 1 : 4;
    const a = Array.from({ length: n }, () => Math.floor(r() * distinct));
    const full = [...a].sort(cmp);
    const lo = n === 0 ? 0 : Math.floor(r() * n);
    const hi = Math.min(n - 1, lo - 1 + Math.floor(r() * (n - lo + 1)));
    const b = [...a];
    pqsort(b, cmp, lo, hi);
    assert.deepEqual(b.slice(lo, hi + 1), full.slice(lo, hi + 1), `n=${n} range ${lo}..${hi}`);
    assert.deepEqual([...b].sort(cmp), full);
    if (lo === 0 && hi === n - 1) assert.deepEqual(b, full);
  }
});
