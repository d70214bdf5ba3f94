// Runs every case of the Lua corpus (spec/lua/cases/<area>/<name>.lua) through redlua's engine
// in-process, as `lua5.1 <name>.lua` would run it, and compares with what the real lua5.1
// printed (spec/lua/expected/): stdout exactly, the exit status, and the first line of stderr.
// Cases listed in spec/known-differences.json run too, reported as TODO while they differ.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  firstDifference,
  firstLine,
  listCases,
  readExpectation,
  type Expectation,
  type LuaCase,
} from "./corpus.js";
import { knownDifferences } from "./known-differences.js";
import { runRedlua } from "./run-redlua.js";

// The reference was recorded with TZ=UTC (spec/lua/record.ts): os.date/os.time in local time must agree.
process.env.TZ = "UTC";

/**
 * What redlua prints for a case, in the shape of a recorded expectation. Like the recorder, it
 * runs with the case's folder as the working directory (loadfile/dofile of relative names).
 */
function runCase(c: LuaCase): Expectation {
  const source = readFileSync(c.file, "latin1");
  const cwd = process.cwd();
  process.chdir(path.dirname(c.file));
  try {
    return runRedlua(source, `${c.name}.lua`, c.args);
  } finally {
    process.chdir(cwd);
  }
}

/** Throws an AssertionError naming the first way `actual` differs from `expected`. */
function compare(actual: Expectation, expected: Expectation): void {
  const err = actual.stderr === "" ? "" : `\nredlua's stderr: ${JSON.stringify(firstLine(actual.stderr))}`;
  if (actual.stdout !== expected.stdout) {
    assert.fail(`stdout differs at ${firstDifference(actual.stdout, expected.stdout)}${err}`);
  }
  assert.equal(firstLine(actual.stderr), firstLine(expected.stderr), "first line of stderr differs");
  assert.equal(actual.status, expected.status, "exit status differs");
}

const cases = listCases();
const known = knownDifferences("lua/");

for (const c of cases) {
  test(c.id, (t) => {
    const expected = readExpectation(c);
    if (expected === undefined) {
      assert.fail(`${c.id} has no recorded expectation: run node dist/spec/lua/record.js`);
    }
    const reason = known.get(c.id);
    let failure: unknown;
    try {
      compare(runCase(c), expected);
    } catch (e) {
      failure = e;
    }
    if (reason === undefined) {
      if (failure !== undefined) throw failure;
      return;
    }
    if (failure === undefined) {
      assert.fail(`${c.id} now matches lua5.1: remove its entry from spec/known-differences.json`);
    }
    t.todo(`known difference: ${reason}`);
    throw failure;
  });
}

test("spec/known-differences.json: every lua/ entry names an existing case", () => {
  const ids = new Set(cases.map((c) => c.id));
  const missing = [...known.keys()].filter((id) => !ids.has(id));
  assert.deepEqual(missing, [], "entries for cases that no longer exist");
});

test("spec/lua: the corpus is not empty", () => {
  assert.ok(cases.length > 0, "no cases found under spec/lua/cases/");
});
