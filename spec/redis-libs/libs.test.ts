// spec/redis-libs: cjson, cmsgpack, struct, bit and the Lua -> reply conversion, against replies
// recorded from redis-server 7.0 (node dist/spec/redis-libs/record.js). Library cases return one
// line of text per check and are compared line by line; convert.lua compares whole replies per
// script, client protocol and script protocol. Known differences: spec/known-differences.json,
// ids "redis-libs/<case>.lua#<check number>" and "redis-libs/convert.lua#line <n> c<client> s<resp>".
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { expectedPath, loadCases, replyMatches, type ExpectedFile, type Recorded } from "./cases.js";
import type { Outcome } from "./run.js";
import { knownDifferences } from "../lua/known-differences.js";

/** Runs the corpus in a worker with a 64 MB stack: replies nested ~8,000 deep are encoded recursively. */
function runInWorker(): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL("./run.js", import.meta.url), { resourceLimits: { stackSizeMb: 64 } });
    w.once("message", (m: Outcome[]) => resolve(m));
    w.once("error", reject);
    w.once("exit", (code) => {
      if (code !== 0) reject(new Error(`corpus worker exited with ${code}`));
    });
  });
}

/** The bulk strings of an array-of-bulk-strings reply (a library case's lines), or undefined. */
function lines(reply: string): string[] | undefined {
  if (!reply.startsWith("*")) return undefined;
  let p = reply.indexOf("\r\n") + 2;
  const n = parseInt(reply.slice(1), 10);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (reply[p] !== "$") return undefined;
    const le = reply.indexOf("\r\n", p);
    const len = parseInt(reply.slice(p + 1, le), 10);
    out.push(reply.slice(le + 2, le + 2 + len));
    p = le + 2 + len + 2;
  }
  return p === reply.length ? out : undefined;
}

const outcomes = await runInWorker();
const known = knownDifferences("redis-libs/");
const ids = new Set<string>();

function actualFor(c: string, r: Recorded): string {
  const o = outcomes.find(
    (x) => x.case === c && x.label === r.label && x.client === r.client && x.scriptResp === r.scriptResp,
  );
  assert.ok(o !== undefined, `no run for ${c} ${r.label}`);
  return o.actual;
}

for (const c of loadCases()) {
  const file = expectedPath(c.name);
  if (!fs.existsSync(file)) {
    test(`redis-libs/${c.name}.lua`, () =>
      assert.fail(`no recording: run node dist/spec/redis-libs/record.js`));
    continue;
  }
  const expected = JSON.parse(fs.readFileSync(file, "utf8")) as ExpectedFile;
  if (c.scripts.length === 1) {
    const r = expected.results[0];
    test(`redis-libs/${c.name}.lua`, (t) => {
      const actual = actualFor(c.name, r);
      const want = lines(r.reply ?? "");
      const got = lines(actual);
      assert.ok(want !== undefined, "the recorded reply is not a list of lines");
      assert.ok(
        got !== undefined,
        `the script did not return a list of lines: ${JSON.stringify(actual.slice(0, 300))}`,
      );
      const failures: string[] = [];
      const todo: string[] = [];
      for (let i = 0; i < Math.max(want.length, got.length); i++) {
        const id = `redis-libs/${c.name}.lua#${i + 1}`;
        ids.add(id);
        const reason = known.get(id);
        if (want[i] === got[i]) {
          if (reason !== undefined)
            failures.push(`${id} now matches: remove it from spec/known-differences.json`);
          continue;
        }
        const diff = `${id}\n  expected ${JSON.stringify(want[i])}\n  actual   ${JSON.stringify(got[i])}`;
        if (reason === undefined) failures.push(diff);
        else todo.push(`${diff}\n  known: ${reason}`);
      }
      assert.ok(
        failures.length === 0,
        `${failures.length} of ${want.length} checks differ:\n${failures.join("\n")}`,
      );
      if (todo.length > 0) t.todo(`${todo.length} known differences:\n${todo.join("\n")}`);
    });
    continue;
  }
  for (const r of expected.results) {
    const id = `redis-libs/${c.name}.lua#${r.label} c${r.client} s${r.scriptResp}`;
    ids.add(id);
    test(`${id}: ${r.source ?? ""}`.slice(0, 160), (t) => {
      const actual = actualFor(c.name, r);
      const ok = replyMatches(r, actual);
      const reason = known.get(id);
      if (reason !== undefined) {
        assert.ok(!ok, `${id} now matches: remove it from spec/known-differences.json`);
        t.todo(`known difference: ${reason}`);
        return;
      }
      if (!ok) {
        const want = r.reply ?? `${r.replyLength} bytes starting ${r.replyHead}`;
        assert.fail(
          `reply differs\n  expected ${JSON.stringify(want)}\n  actual   ${JSON.stringify(actual.slice(0, 400))}`,
        );
      }
    });
  }
}

test("spec/known-differences.json: every redis-libs/ entry names an existing check", () => {
  const missing = [...known.keys()].filter((id) => !ids.has(id));
  assert.deepEqual(missing, [], "entries for checks that no longer exist");
});
