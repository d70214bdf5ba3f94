// cjson.decode lays out objects with the same keys in the same order once per document (shapes,
// runtime/lib/cjson-decode.ts): every decoded object must still be the table that storing its
// pairs one by one makes — sizes, traversal order, and the chain and free-node state that later
// stores reveal — whatever the mix of shapes, shared prefixes, repeated keys and escaped
// spellings of the same key, with the standalone and the Redis string hash.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeCjsonLib } from "../../../runtime/lib/cjson.js";
import { LuaTable } from "../../../runtime/table.js";
import { setRedisStringHash } from "../../../runtime/table-hash.js";
import type { LuaValue } from "../../../runtime/value.js";

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
}

/** A generated object: its keys in document order (repeats allowed) and its values. */
interface Obj {
  keys: string[];
  values: (number | Obj)[];
}

const POOL = [
  "id",
  "name",
  "a",
  "b",
  "ab",
  "tags",
  'x"y',
  "é",
  "k1",
  "k2",
  "k3",
  "k4",
  "k5",
  "k6",
  "k7",
  "k8",
];

/** JSON for a key: plain, or (sometimes) with its letters as \u escapes. */
function keyJson(k: string, r: () => number): string {
  let out = '"';
  for (const ch of k) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (c < 128 && r() % 4 === 0) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

function toJson(o: Obj, r: () => number): string {
  const parts = o.keys.map((k, i) => {
    const v = o.values[i];
    return keyJson(k, r) + ":" + (typeof v === "number" ? String(v) : toJson(v, r));
  });
  return "{" + parts.join(",") + "}";
}

function genObj(r: () => number, shapes: string[][], depth: number): Obj {
  const keys =
    r() % 5 === 0 ? shapes[r() % shapes.length].slice(0, 1 + (r() % 8)) : shapes[r() % shapes.length];
  const values = keys.map((_, i) => (depth < 2 && r() % 6 === 0 ? genObj(r, shapes, depth + 1) : i));
  return { keys, values };
}

const encode = makeCjsonLib().getStr("encode") as (v: LuaValue) => string;

function traversal(t: LuaTable): LuaValue[] {
  const out: LuaValue[] = [];
  for (let kv = t.next(undefined); kv !== undefined; kv = t.next(kv[0])) out.push(kv[0]);
  return out;
}

/** Checks a decoded object against the table its stores make, then the same later stores. */
function check(t: LuaTable, o: Obj, r: () => number): void {
  const ref = new LuaTable();
  o.keys.forEach((k, i) => {
    const v = o.values[i];
    ref.setStr(k, typeof v === "number" ? v : t.getStr(k));
  });
  o.keys.forEach((k, i) => {
    const v = o.values[i];
    if (typeof v !== "number" && ref.getStr(k) === t.getStr(k) && o.keys.lastIndexOf(k) === i) {
      check(t.getStr(k) as LuaTable, v, r);
    }
  });
  assert.deepEqual(t.sizes(), ref.sizes());
  assert.deepEqual(traversal(t), traversal(ref));
  // encode writes a decoded object's keys from its layout: the same bytes as from the table
  assert.equal(encode(t), encode(ref));
  for (let i = 0; i < 12; i++) {
    const k = r() % 3 === 0 ? o.keys[r() % o.keys.length] : POOL[r() % POOL.length] + (r() % 4);
    const v = r() % 4 === 0 ? undefined : i;
    t.setStr(k, v);
    ref.setStr(k, v);
    assert.deepEqual(traversal(t), traversal(ref));
  }
  assert.deepEqual(t.sizes(), ref.sizes());
}

test("decoded objects are the tables their stores make, shape by shape", () => {
  const decode = makeCjsonLib().getStr("decode") as (s: string) => LuaValue;
  for (const redis of [false, true]) {
    setRedisStringHash(redis);
    try {
      const r = rng(redis ? 5 : 3);
      for (let round = 0; round < 60; round++) {
        const shapes: string[][] = [];
        // some documents have many shapes after the same prefix (children kept in a map)
        const count = round % 4 === 0 ? 12 + (r() % 12) : 1 + (r() % 5);
        for (let k = 0; k < count; k++) {
          const n = 1 + (r() % 12);
          const keys: string[] = [];
          for (let i = 0; i < n; i++)
            keys.push(i > 0 && r() % 8 === 0 ? keys[r() % i] : POOL[r() % POOL.length]);
          shapes.push(keys);
        }
        const objs: Obj[] = [];
        for (let k = 0; k < 1 + (r() % 30); k++) objs.push(genObj(r, shapes, 0));
        const json = "[" + objs.map((o) => toJson(o, r)).join(r() % 2 === 0 ? "," : " ,\n ") + "]";
        const arr = decode(json) as LuaTable;
        // the whole array in one call (many layouts' keys at once, from a fresh encoder whose
        // keys buffer fills up) as its objects one by one
        const fresh = makeCjsonLib().getStr("encode") as (v: LuaValue) => string;
        assert.equal(fresh(arr), "[" + objs.map((_, i) => encode(arr.getNum(i + 1))).join(",") + "]");
        objs.forEach((o, i) => check(arr.getNum(i + 1) as LuaTable, o, r));
      }
    } finally {
      setRedisStringHash(false);
    }
  }
});

test("objects past the shape limits (many keys, many shapes) are the tables their stores make", () => {
  const decode = makeCjsonLib().getStr("decode") as (s: string) => LuaValue;
  for (const redis of [false, true]) {
    setRedisStringHash(redis);
    try {
      const r = rng(redis ? 9 : 8);
      const objs: Obj[] = [];
      // 50 to 120 keys: past the 64 keys a shape follows, some of them repeated
      for (let k = 0; k < 6; k++) {
        const keys: string[] = [];
        const n = 50 + (r() % 70);
        for (let i = 0; i < n; i++) keys.push(i > 0 && r() % 9 === 0 ? keys[r() % i] : "key" + (r() % 150));
        objs.push({ keys, values: keys.map((_, i) => i) });
        objs.push({ keys, values: keys.map((_, i) => -i - 1) });
      }
      // more different key sequences than one document makes shapes for
      for (let k = 0; k < 3000; k++) {
        const keys = ["a" + k, "b" + (k % 7)];
        objs.push({ keys, values: [k, 1] });
      }
      const arr = decode("[" + objs.map((o) => toJson(o, r)).join(",") + "]") as LuaTable;
      // the whole array in one call (many layouts' keys at once, from a fresh encoder whose
      // keys buffer fills up) as its objects one by one
      const fresh = makeCjsonLib().getStr("encode") as (v: LuaValue) => string;
      assert.equal(fresh(arr), "[" + objs.map((_, i) => encode(arr.getNum(i + 1))).join(",") + "]");
      objs.forEach((o, i) => check(arr.getNum(i + 1) as LuaTable, o, r));
    } finally {
      setRedisStringHash(false);
    }
  }
});
