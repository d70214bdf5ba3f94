// The interrupt counter's schedule for a host's functions (runtime/line-hook.ts countRun): on a
// function's 1st, 2nd, 4th, 8th… run the next check calls the hook, so that the entry check's
// call has run before V8 optimizes the function; on the other runs the count goes on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TICKS, countRun, ticks } from "../../runtime/line-hook.js";

test("countRun: the hook is due at a function's entry on runs 1, 2, 4, 8, … only", () => {
  const saved = ticks.n;
  try {
    const due: number[] = [];
    let runs = 0;
    for (let run = 1; run <= 300; run++) {
      ticks.n = 1234;
      runs = countRun(runs);
      assert.equal(runs, run);
      if (ticks.n === 0) due.push(run);
      else assert.equal(ticks.n, 1234);
    }
    assert.deepEqual(due, [1, 2, 4, 8, 16, 32, 64, 128, 256]);
  } finally {
    ticks.n = saved > TICKS ? TICKS : saved;
  }
});
