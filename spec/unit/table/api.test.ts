// LuaTable's API beyond the recorded traversal cases: errors in Lua's words, object and -0 keys,
// constructor size hints, setList, traversal by position with hints, and a seeded model check
// (random sets and deletes against a JS Map) across rehashes, shrinks and the Map/scan switch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LuaTable } from "../../../runtime/table.js";
import { fb2int, int2fb, luaStringHash, setRedisStringHash } from "../../../runtime/table-hash.js";
import { LuaError } from "../../../runtime/errors.js";
import type { LuaValue } from "../../../runtime/value.js";

function keysOf(t: LuaTable): LuaValue[] {
  const ks: LuaValue[] = [];
  for (let r = t.next(undefined); r !== undefined; r = t.next(r[0])) ks.push(r[0]);
  return ks;
}

function luaMessage(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof LuaError, String(e));
    return e.value;
  }
  assert.fail("no error");
}

test("errors are Lua's: nil and NaN keys, next with an absent key (no position)", () => {
  const t = new LuaTable();
  assert.equal(
    luaMessage(() => t.set(undefined, 1)),
    "table index is nil",
  );
  assert.equal(
    luaMessage(() => t.set(NaN, 1)),
    "table index is NaN",
  );
  assert.equal(
    luaMessage(() => t.next("nope")),
    "invalid key to 'next'",
  );
  t.set("a", 1);
  assert.equal(
    luaMessage(() => t.next(1.5)),
    "invalid key to 'next'",
  );
  assert.equal(t.get(NaN), undefined);
  assert.equal(t.get(undefined), undefined);
  // assigning nil to a NaN key is still an error in Lua (luaH_set runs before the store)
  assert.equal(
    luaMessage(() => t.set(NaN, undefined)),
    "table index is NaN",
  );
});

test("tables, functions and booleans are keys by identity", () => {
  const t = new LuaTable();
  const a = new LuaTable();
  const b = new LuaTable();
  const f = () => 1;
  for (let i = 0; i < 40; i++) t.set(new LuaTable(), i); // force a Map-backed node part
  t.set(a, "a");
  t.set(b, "b");
  t.set(f, "f");
  t.set(true, "T");
  t.set(false, "F");
  assert.equal(t.get(a), "a");
  assert.equal(t.get(b), "b");
  assert.equal(t.get(f), "f");
  assert.equal(t.get(true), "T");
  assert.equal(t.get(false), "F");
  assert.equal(t.get(new LuaTable()), undefined);
  assert.equal(keysOf(t).length, 45);
  t.set(a, undefined);
  assert.equal(t.get(a), undefined);
  assert.equal(keysOf(t).length, 44);
});

test("0 and -0 are one key, which keeps the sign it was first stored with", () => {
  const t = new LuaTable();
  t.set(-0, "x");
  t.set(0, "y");
  assert.equal(t.get(0), "y");
  assert.equal(t.get(-0), "y");
  const ks = keysOf(t);
  assert.equal(ks.length, 1);
  assert.ok(Object.is(ks[0], -0));
});

test("constructor size hints round as OP_NEWTABLE's byte does", () => {
  // luaO_int2fb / luaO_fb2int: exact up to 15, then 4 significant bits
  const rounded = [0, 1, 7, 8, 15, 16, 17, 18, 19, 31, 33, 50, 100, 1000].map((n) => fb2int(int2fb(n)));
  assert.deepEqual(rounded, [0, 1, 7, 8, 15, 16, 18, 18, 20, 32, 36, 52, 104, 1024]);
  assert.deepEqual(LuaTable.sized(17, 3).sizes(), [18, 4]);
  assert.deepEqual(LuaTable.sized(0, 0).sizes(), [0, 0]);
  assert.deepEqual(LuaTable.create(5, 9).sizes(), [5, 16]);
});

test("setList grows the array part exactly as OP_SETLIST does for a final multi-value item", () => {
  const t = LuaTable.sized(2, 0);
  t.setList([1, 2, 3, 4, 5], 1);
  assert.deepEqual(t.sizes(), [5, 0]);
  assert.equal(t.length(), 5);
  const u = LuaTable.sized(3, 0);
  u.setList([1, undefined], 1);
  assert.deepEqual(u.sizes(), [3, 0]);
  assert.equal(u.length(), 1);
  const w = new LuaTable([1, undefined, undefined]);
  assert.equal(w.length(), 1);
  assert.deepEqual(keysOf(w), [1]);
});

test("positionOf uses a hint only when the key is still there", () => {
  const t = new LuaTable();
  for (let i = 0; i < 20; i++) t.set("k" + i, i);
  t.set(1, "one");
  const viaNext = keysOf(t);
  const viaPos: LuaValue[] = [];
  for (let p = t.nextPosition(-1); p >= 0; p = t.nextPosition(t.positionOf(t.keyAt(p), p))) {
    viaPos.push(t.keyAt(p));
    t.set(t.keyAt(p), undefined); // clearing fields while traversing is allowed
  }
  assert.deepEqual(viaPos, viaNext);
  assert.equal(t.next(undefined), undefined);
  // a stale hint falls back to the lookup
  const u = new LuaTable();
  u.set("a", 1);
  u.set("b", 2);
  const pa = u.positionOf("a");
  assert.equal(u.positionOf("b", pa), u.positionOf("b"));
  assert.equal(u.positionOf("a", 999), pa);
});

test("the string hash is luaS_hash: Lua 5.1 skips bytes of long strings, Redis reads them all", () => {
  // 41 bytes: step 2 from the end reads the bytes at even offsets only
  const long = "x".repeat(39) + "a" + "x";
  const long2 = "x".repeat(39) + "b" + "x";
  setRedisStringHash(false);
  assert.equal(luaStringHash(""), 0);
  assert.equal(luaStringHash(long), luaStringHash(long2));
  assert.notEqual(luaStringHash(long), luaStringHash("x".repeat(40) + "b"));
  setRedisStringHash(true);
  try {
    assert.notEqual(luaStringHash(long), luaStringHash(long2));
  } finally {
    setRedisStringHash(false);
  }
});

/** mulberry32 */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("seeded model check: gets, traversal and # agree with a plain map through growth and shrink", () => {
  for (let seed = 1; seed <= 25; seed++) {
    const r = rng(seed);
    const t = new LuaTable();
    const model = new Map<LuaValue, LuaValue>();
    const pool: LuaValue[] = [];
    for (let i = 0; i < 60; i++) pool.push("s" + i, i + 1, -i, i + 0.5, new LuaTable());
    pool.push(true, false);
    const phases = [0.8, 0.2, 0.7, 0.05, 0.6];
    for (const pSet of phases) {
      for (let step = 0; step < 400; step++) {
        const k = pool[Math.floor(r() * pool.length)];
        const v = r() < pSet ? step + 1 : undefined;
        t.set(k, v);
        if (v === undefined) model.delete(k);
        else model.set(k, v);
      }
      for (const k of pool) assert.equal(t.get(k), model.get(k), `seed ${seed} key ${String(k)}`);
      const seen = keysOf(t);
      assert.equal(seen.length, model.size, `seed ${seed} traversal size`);
      for (const k of seen) assert.ok(model.has(k));
      const n = t.length();
      assert.ok(n === 0 || model.has(n), "a border: t[n] is not nil");
      assert.ok(!model.has(n + 1), "a border: t[n+1] is nil");
      const inArray = seen.filter(
        (k) => typeof k === "number" && Number.isInteger(k) && k >= 1 && k <= t.sizes()[0],
      );
      assert.equal(t.hashCount() + inArray.length, seen.length);
    }
  }
});
