// Replays every recorded string-library call (expected/<group>.jsonl, recorded from lua5.1 by
// record.ts) through runtime/lib/string.ts and compares the outcomes value by value; the test
// files call it once per way of running patterns.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { GROUPS } from "./cases.js";
import { describe, repoRoot, runJs, type Recorded } from "./harness.js";

const DIR = path.join(repoRoot(), "spec", "unit", "string", "expected");

export function replayRecordedGroups(label: string): void {
  for (const [name, make] of Object.entries(GROUPS)) {
    test(`string library${label}: ${name}`, () => {
      const text = readFileSync(path.join(DIR, `${name}.jsonl`), "latin1");
      const recorded = text
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Recorded);
      const calls = make();
      assert.equal(recorded.length, calls.length, `${name}: cases changed since recording; run record.js`);
      const failures: string[] = [];
      for (let i = 0; i < calls.length; i++) {
        assert.equal(
          describe(calls[i]),
          recorded[i].lua,
          `${name}: case ${i} changed since recording; run record.js`,
        );
        const got = runJs(calls[i]);
        try {
          assert.deepEqual(got, recorded[i].out);
        } catch {
          failures.push(
            `${describe(calls[i])}\n    lua5.1: ${JSON.stringify(recorded[i].out)}\n    redlua: ${JSON.stringify(got)}`,
          );
        }
      }
      assert.equal(
        failures.length,
        0,
        `${failures.length} of ${calls.length} differ:\n` + failures.slice(0, 30).join("\n"),
      );
    });
  }
}
