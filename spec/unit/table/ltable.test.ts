// LuaTable against recordings of the real lua5.1 and redis-server: every operation list in
// cases/ replayed by ops.ts must print exactly what ops-driver.lua printed (pairs order, `#`,
// next on dead and absent keys); expected-redis/ holds the cases re-recorded inside Redis.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runOps } from "./ops.js";
import { setRedisStringHash } from "../../../runtime/table-hash.js";

const root = fileURLToPath(new URL("../../../../spec/unit/table/", import.meta.url));
const cases = readdirSync(`${root}cases`).filter((f) => f.endsWith(".ops"));

function check(expectedDir: string, names: string[]): void {
  for (const c of names) {
    const ops = readFileSync(`${root}cases/${c}`, "latin1");
    const expected = readFileSync(`${root}${expectedDir}/${c.replace(/\.ops$/, ".txt")}`, "latin1");
    assert.equal(runOps(ops), expected, `${expectedDir}/${c}`);
  }
}

test("recorded lua5.1 table traversal and borders", () => {
  assert.ok(cases.length >= 200, "the generated cases are present");
  setRedisStringHash(false);
  check("expected", cases);
});

test("recorded redis-server table traversal (string hash over every byte)", () => {
  const names = cases.filter((c) => existsSync(`${root}expected-redis/${c.replace(/\.ops$/, ".txt")}`));
  assert.ok(names.length >= 20, "the redis recordings are present");
  try {
    setRedisStringHash(true);
    check("expected-redis", names);
  } finally {
    setRedisStringHash(false);
  }
});
