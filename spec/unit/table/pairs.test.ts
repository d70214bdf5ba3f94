// LuaTable.fromStringPairs (cjson's objects) must leave exactly the table that storing the pairs
// one by one leaves: same sizes and traversal order, and the same free-node and chain state,
// which later insertions and removals reveal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LuaTable } from "../../../runtime/table.js";
import { setRedisStringHash } from "../../../runtime/table-hash.js";
import type { LuaValue } from "../../../runtime/value.js";

function traversal(t: LuaTable): LuaValue[] {
  const out: LuaValue[] = [];
  for (let kv = t.next(undefined); kv !== undefined; kv = t.next(kv[0])) out.push(kv[0], kv[1]);
  return out;
}

/** A deterministic pseudo-random generator (LCG), so failures reproduce. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
}

function randomKey(r: () => number): string {
  const n = 1 + (r() % 12);
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(r() % 3 === 0 ? 97 + (r() % 26) : r() % 256);
  return s;
}

function compare(keys: string[], values: LuaValue[], r: () => number): void {
  const a = LuaTable.fromStringPairs(keys, values, keys.length);
  const b = new LuaTable();
  keys.forEach((k, i) => b.setStr(k, values[i]));
  assert.deepEqual(a.sizes(), b.sizes());
  assert.deepEqual(traversal(a), traversal(b));
  // later stores, removals and numeric keys go the same way (lastfree, links, hashes)
  for (let i = 0; i < 40; i++) {
    const op = r() % 4;
    if (op === 0) {
      const k = randomKey(r);
      a.setStr(k, i);
      b.setStr(k, i);
    } else if (op === 1 && keys.length > 0) {
      const k = keys[r() % keys.length];
      a.setStr(k, undefined);
      b.setStr(k, undefined);
    } else if (op === 2) {
      const k = 1 + (r() % 50);
      a.setNum(k, i);
      b.setNum(k, i);
    } else {
      const k = randomKey(r);
      assert.equal(a.getStr(k), b.getStr(k));
    }
    assert.deepEqual(traversal(a), traversal(b));
  }
  assert.deepEqual(a.sizes(), b.sizes());
  assert.equal(a.length(), b.length());
}

test("fromStringPairs builds the table the stores one by one build", () => {
  for (const redis of [false, true]) {
    setRedisStringHash(redis);
    try {
      const r = rng(redis ? 7 : 1);
      for (let round = 0; round < 300; round++) {
        const n = round < 40 ? round : r() % 300;
        const keys: string[] = [];
        const values: LuaValue[] = [];
        for (let i = 0; i < n; i++) {
          // some keys repeat: the later value wins, as with lua_rawset
          keys.push(i > 0 && r() % 7 === 0 ? keys[r() % i] : randomKey(r));
          values.push(r() % 2 === 0 ? i : "v" + i);
        }
        compare(keys, values, r);
      }
    } finally {
      setRedisStringHash(false);
    }
  }
});
