// LuaTable.fromStringPairs (cjson's objects) must leave exactly the table that storing the pairs
// one by one leaves: same sizes and traversal order, and the same free-node and chain state,
// which later insertions and removals reveal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LuaTable } from "../../../runtime/table.js";
import { LAYOUT_BUDGET, layoutBudget } from "../../../runtime/table-layout.js";
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

/**
 * A record constructor's table (recordLayout + fromLayout) and the string keys stored into it
 * afterwards (layout transitions, kept on the first table and taken by the later ones) must
 * leave the table that the constructor's stores one by one leave. Each shape is replayed by
 * several tables, so that transitions are both made and taken; the scripts' random ops clear
 * keys too (a dead key forbids a transition) and add numeric ones.
 */
function compareRecords(budget: number): void {
  const saved = layoutBudget.left;
  layoutBudget.left = budget;
  try {
    const r = rng(budget + 3);
    for (let round = 0; round < 120; round++) {
      const n = 1 + (r() % 12);
      const keys = new Set<string>();
      while (keys.size < n) keys.add(r() % 2 === 0 ? randomKey(r) : "k" + (r() % 20));
      const names = [...keys];
      const layout = LuaTable.recordLayout(names);
      // one script of later ops per shape, replayed by every table of it
      const ops: [number, string, number][] = [];
      for (let i = 0; i < 30; i++) {
        const op = r() % 6;
        const k = op === 5 ? names[r() % names.length] : r() % 3 === 0 ? randomKey(r) : "n" + (r() % 8);
        ops.push([op, k, 1 + (r() % 40)]);
      }
      for (let copy = 0; copy < 4; copy++) {
        const values = names.map((_, i) => (copy === 3 && i === 0 ? "first" : i + copy));
        const a = LuaTable.fromLayout(layout, values);
        const b = LuaTable.sized(0, names.length);
        names.forEach((k, i) => b.setStr(k, values[i]));
        assert.deepEqual(traversal(a), traversal(b));
        for (const [op, k, num] of ops) {
          if (op === 4) {
            a.setNum(num, op);
            b.setNum(num, op);
          } else if (op === 5 && copy % 2 === 1) {
            // every other copy clears a key: the next store into it may not take a transition
            a.setStr(k, undefined);
            b.setStr(k, undefined);
          } else {
            a.setStr(k, num);
            b.setStr(k, num);
          }
          assert.deepEqual(traversal(a), traversal(b), `round ${round} copy ${copy}`);
        }
        assert.deepEqual(a.sizes(), b.sizes());
        assert.equal(a.length(), b.length());
      }
    }
  } finally {
    layoutBudget.left = saved;
  }
}

test("record layouts and their transitions build the tables the stores one by one build", () => {
  compareRecords(LAYOUT_BUDGET);
});

test("with the transitions' budget used up, stores into records are still the stores one by one", () => {
  compareRecords(0);
});

test("tables from an empty constructor follow the empty table's transitions as the stores one by one", () => {
  const r = rng(11);
  const shapes: string[][] = [];
  for (let s = 0; s < 60; s++) {
    const n = 1 + (r() % 20);
    const keys: string[] = [];
    for (let i = 0; i < n; i++) keys.push(r() % 2 === 0 ? randomKey(r) : "f" + (r() % 30));
    shapes.push(keys);
  }
  for (let copy = 0; copy < 5; copy++) {
    for (const keys of shapes) {
      const a = LuaTable.empty();
      const b = new LuaTable();
      if (copy === 4) {
        // an array part first (appended without a rehash), then the string keys
        for (let i = 1; i <= 3; i++) {
          a.setNum(i, i);
          b.setNum(i, i);
        }
      }
      keys.forEach((k, i) => {
        // some copies clear a key on the way, or get an array part
        if (copy === 1 && i % 7 === 6) {
          a.setStr(keys[0], undefined);
          b.setStr(keys[0], undefined);
        }
        if (copy === 2 && i === 3) {
          a.setNum(1, i);
          b.setNum(1, i);
        }
        a.setStr(k, i);
        b.setStr(k, i);
        assert.deepEqual(traversal(a), traversal(b), `copy ${copy} keys ${JSON.stringify(keys)}`);
      });
      assert.deepEqual(a.sizes(), b.sizes());
    }
  }
});
