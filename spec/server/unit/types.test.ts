// Unit tests for the typed values in server/types/: the list deque, the hash and set dense
// arrays (listpack/intset order, swap deletes), the sorted-set skiplist (order by score then
// member bytes, ranks, score and lex ranges) and the SCAN cursor guarantee, each checked against
// a plain model under seeded random operations.

import { test } from "node:test";
import assert from "node:assert/strict";
import { ListValue } from "../../../server/types/list.js";
import { HashValue } from "../../../server/types/hash.js";
import { compareIntStrings, SetValue } from "../../../server/types/set.js";
import { denseScan } from "../../../server/types/scan.js";
import {
  compareLex,
  LEX_MAX,
  LEX_MIN,
  lexGteMin,
  lexLteMax,
  scoreGteMin,
  scoreLteMax,
  type LexRange,
  type ScoreRange,
} from "../../../server/types/skiplist.js";
import {
  ZADD_GT,
  ZADD_INCR,
  ZADD_NX,
  ZADD_OUT_ADDED,
  zsetAdd,
  ZSetValue,
} from "../../../server/types/zset.js";

/** mulberry32: seeded, so failures reproduce. */
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

const int = (r: () => number, n: number): number => Math.floor(r() * n);

test("list deque: push/pop at both ends, index, insert, remove, LREM, trim match an array", () => {
  const r = rng(1);
  const l = new ListValue();
  const m: string[] = [];
  for (let step = 0; step < 6000; step++) {
    const v = String(int(r, 20));
    switch (int(r, 10)) {
      case 0:
      case 1:
        l.pushBack(v);
        m.push(v);
        break;
      case 2:
      case 3:
        l.pushFront(v);
        m.unshift(v);
        break;
      case 4:
        assert.equal(l.popFront(), m.shift());
        break;
      case 5:
        assert.equal(l.popBack(), m.pop());
        break;
      case 6: {
        const i = int(r, m.length + 1);
        l.insertAt(i, v);
        m.splice(i, 0, v);
        break;
      }
      case 7:
        if (m.length > 0) {
          const i = int(r, m.length);
          l.removeAt(i);
          m.splice(i, 1);
        }
        break;
      case 8: {
        const count = int(r, 7) - 3;
        let removed = 0;
        const limit = count === 0 ? Infinity : Math.abs(count);
        if (count >= 0) {
          for (let i = 0; i < m.length && removed < limit;) {
            if (m[i] === v) {
              m.splice(i, 1);
              removed++;
            } else i++;
          }
        } else {
          for (let i = m.length - 1; i >= 0 && removed < limit; i--) {
            if (m[i] === v) {
              m.splice(i, 1);
              removed++;
            }
          }
        }
        assert.equal(l.removeValue(v, count), removed);
        break;
      }
      case 9:
        if (m.length > 4 && r() < 0.2) {
          const s = int(r, m.length);
          const e = s + int(r, m.length - s);
          l.trim(s, e);
          m.splice(e + 1);
          m.splice(0, s);
        }
        break;
    }
    assert.equal(l.length, m.length);
    if (step % 50 === 0) {
      assert.deepEqual(l.toArray(), m);
      if (m.length > 0) {
        const s = int(r, m.length);
        const e = s + int(r, m.length - s);
        assert.deepEqual(l.range(s, e), m.slice(s, e + 1));
        assert.deepEqual(l.rangeReverse(s, e), m.slice(s, e + 1).reverse());
        assert.equal(l.get(s), m[s]);
        assert.equal(l.indexOf(m[e]), m.indexOf(m[e]));
      }
    }
  }
  const copy = l.copy();
  assert.deepEqual(copy.toArray(), m);
  copy.pushBack("x");
  assert.equal(l.length, m.length, "a copy is independent");
});

test("list deque: grows through wrap-around and gives memory back when drained", () => {
  const l = new ListValue();
  for (let i = 0; i < 5; i++) l.pushFront(`f${i}`);
  for (let i = 0; i < 100000; i++) l.pushBack(String(i));
  assert.equal(l.get(0), "f4");
  assert.equal(l.get(100004), "99999");
  for (let i = 0; i < 100000; i++) l.popFront();
  assert.equal(l.length, 5);
  assert.deepEqual(
    l.toArray(),
    ["95", "96", "97", "98", "99"].map((x) => "999" + x),
  );
  const cap = (l as unknown as { buf: unknown[] }).buf.length;
  assert.ok(cap <= 64, `capacity shrank (${cap})`);
  assert.equal(l.encoding(), "quicklist");
});

test("hash: listpack keeps insertion order across deletes, hashtable stays consistent", () => {
  const h = new HashValue();
  for (const f of ["a", "b", "c", "d", "e"]) h.set(f, f.toUpperCase());
  assert.equal(h.set("c", "C2"), false);
  assert.equal(h.delete("b"), true);
  assert.equal(h.delete("b"), false);
  h.set("b", "B2");
  assert.deepEqual(h.fields, ["a", "c", "d", "e", "b"]);
  assert.deepEqual(h.values, ["A", "C2", "D", "E", "B2"]);
  assert.equal(h.encoding(), "listpack");
  const r = rng(2);
  const model = new Map<string, string>();
  for (let i = 0; i < h.size; i++) model.set(h.fields[i], h.values[i]);
  h.convert();
  assert.equal(h.encoding(), "hashtable");
  for (let step = 0; step < 5000; step++) {
    const f = `f${int(r, 300)}`;
    if (r() < 0.6) {
      const v = `v${step}`;
      assert.equal(h.set(f, v), !model.has(f));
      model.set(f, v);
    } else assert.equal(h.delete(f), model.delete(f));
    assert.equal(h.size, model.size);
  }
  for (const [f, v] of model) assert.equal(h.get(f), v);
  for (let i = 0; i < h.size; i++) assert.equal(model.get(h.fields[i]), h.values[i]);
  const c = h.copy();
  c.set("new", "x");
  assert.equal(h.has("new"), false);
});

test("set: intset members stay sorted by integer value, conversion keeps every member", () => {
  const ints = ["10", "-3", "9223372036854775807", "-9223372036854775808", "0", "2", "-20", "100"];
  const s = new SetValue();
  for (const m of ints) assert.equal(s.add(m, 512), true);
  assert.equal(s.add("2", 512), false);
  const sorted = [...ints].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  assert.deepEqual(s.members, sorted);
  assert.equal(s.encoding(), "intset");
  s.delete("0");
  s.delete("-20");
  assert.deepEqual(
    s.members,
    sorted.filter((x) => x !== "0" && x !== "-20"),
  );
  for (const m of s.members) assert.equal(s.has(m), true);
  // Not integers as string2ll sees them: leading zero, "-0", "+1", spaces, overflow.
  for (const m of ["01", "-0", "+1", " 1", "9223372036854775808"]) {
    const t = new SetValue();
    t.add("1", 512);
    t.add(m, 512);
    assert.equal(t.encoding(), "hashtable", m);
    assert.equal(t.size, 2);
  }
  const small = new SetValue();
  for (let i = 0; i < 4; i++) small.add(String(i), 3);
  assert.equal(small.encoding(), "hashtable");
  assert.deepEqual([...small.members].sort(), ["0", "1", "2", "3"]);
  assert.equal(compareIntStrings("-5", "-10"), 1);
  assert.equal(compareIntStrings("5", "10"), -1);
  assert.equal(compareIntStrings("-1", "0"), -1);
  assert.equal(compareIntStrings("7", "7"), 0);
});

test("set: hashtable deletes by swap keep the member index right", () => {
  const r = rng(3);
  const s = new SetValue();
  const model = new Set<string>();
  s.add("x", 512);
  model.add("x");
  for (let step = 0; step < 5000; step++) {
    const m = `m${int(r, 200)}`;
    if (r() < 0.55) assert.equal(s.add(m, 512), !model.has(m) && (model.add(m), true));
    else assert.equal(s.delete(m), model.delete(m));
  }
  assert.equal(s.size, model.size);
  assert.deepEqual([...s.members].sort(), [...model].sort());
  for (const m of model) assert.equal(s.has(m), true);
});

/** The model order of a sorted set: score, then member bytes. */
function byScoreMember(a: [string, number], b: [string, number]): number {
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function zsetOrder(z: ZSetValue): [string, number][] {
  const out: [string, number][] = [];
  for (let x = z.zsl.first(); x !== null; x = x.next[0]) out.push([x.member, x.score]);
  return out;
}

test("zset: order by score then member bytes, ranks and backward links under random updates", () => {
  const r = rng(4);
  const z = new ZSetValue();
  z.convert();
  const model = new Map<string, number>();
  const members = ["", "\x00", "\xff", "a", "A", "ab", "b", "\x00\x00", "zz", "é"];
  for (let i = 0; i < 200; i++) members.push(`m${i}`);
  const scores = [0, 1, 1, 1, 2, -1, 0.5, Infinity, -Infinity, 1e300, -2.5];
  for (let step = 0; step < 8000; step++) {
    const m = members[int(r, members.length)];
    const op = r();
    if (op < 0.5) {
      const s = scores[int(r, scores.length)];
      const x = z.dict.get(m);
      if (x === undefined) z.insert(m, s);
      else z.setScore(x, s);
      model.set(m, s);
    } else if (op < 0.75) {
      assert.equal(z.delete(m), model.delete(m));
    } else {
      const x = z.dict.get(m);
      if (x !== undefined) {
        const s = x.score + (r() < 0.5 ? 1 : -1);
        z.setScore(x, s);
        model.set(m, s);
      }
    }
    if (step % 100 === 0) {
      const want = [...model.entries()].sort(byScoreMember);
      assert.deepEqual(zsetOrder(z), want);
      assert.equal(z.size, want.length);
      assert.equal(z.zsl.length, want.length);
      want.forEach(([member], i) => {
        assert.equal(z.rankOf(member, false), i);
        assert.equal(z.rankOf(member, true), want.length - 1 - i);
        assert.equal(z.at(i).member, member);
      });
      // Walking back from the tail gives the reverse order.
      const back: string[] = [];
      for (let x = z.zsl.tail; x !== null; x = x.backward) back.push(x.member);
      assert.deepEqual(back, want.map((e) => e[0]).reverse());
      for (let i = 0; i < z.nodes.length; i++) assert.equal(z.nodes[i].pos, i);
    }
  }
  assert.equal(z.rankOf("not there", false), -1);
});

test("zset: score and lex range searches agree with a filter over the model", () => {
  const r = rng(5);
  const z = new ZSetValue();
  const model: [string, number][] = [];
  for (let i = 0; i < 120; i++) {
    const m = `k${String.fromCharCode(97 + int(r, 26))}${i}`;
    const s = int(r, 10) - 5;
    if (z.dict.has(m)) continue;
    z.insert(m, s);
    model.push([m, s]);
  }
  model.sort(byScoreMember);
  const bounds = [-Infinity, -6, -5, -2.5, 0, 1, 4, 5, Infinity];
  for (let t = 0; t < 400; t++) {
    const range: ScoreRange = {
      min: bounds[int(r, bounds.length)],
      max: bounds[int(r, bounds.length)],
      minex: r() < 0.5,
      maxex: r() < 0.5,
    };
    const inRange = model.filter(([, s]) => scoreGteMin(s, range) && scoreLteMax(s, range));
    const first = z.zsl.firstInRange(range);
    const last = z.zsl.lastInRange(range);
    assert.equal(first?.member, inRange[0]?.[0]);
    assert.equal(last?.member, inRange[inRange.length - 1]?.[0]);
  }
  const lz = new ZSetValue();
  const words = ["", "a", "aa", "ab", "b", "ba", "c", "\x00", "\xff", "b\x00"];
  for (const w of words) lz.insert(w, 0);
  const sortedWords = [...words].sort();
  const lexBounds = [LEX_MIN, LEX_MAX, "", "a", "ab", "b", "bz", "\xff", "zz"] as const;
  for (const min of lexBounds) {
    for (const max of lexBounds) {
      for (const minex of [false, true]) {
        for (const maxex of [false, true]) {
          const range: LexRange = { min, max, minex, maxex };
          const inRange = sortedWords.filter((w) => lexGteMin(w, range) && lexLteMax(w, range));
          assert.equal(lz.zsl.firstInLexRange(range)?.member, inRange[0]);
          assert.equal(lz.zsl.lastInLexRange(range)?.member, inRange[inRange.length - 1]);
        }
      }
    }
  }
  assert.equal(compareLex(LEX_MIN, LEX_MIN), 0);
  assert.equal(compareLex(LEX_MIN, ""), -1);
  assert.equal(compareLex("\xff", LEX_MAX), -1);
});

test("zset: zsetAdd flags, listpack -0, conversion thresholds", () => {
  const lim = { zsetEntries: 3, zsetValue: 4 };
  const z = new ZSetValue();
  assert.equal(zsetAdd(z, -0, "a", 0, lim), ZADD_OUT_ADDED);
  assert.ok(Object.is(z.score("a"), 0), "a listpack stores -0 as 0");
  zsetAdd(z, 1, "b", 0, lim);
  zsetAdd(z, 2, "c", 0, lim);
  assert.equal(z.encoding(), "listpack");
  zsetAdd(z, 5, "b", ZADD_GT, lim);
  assert.equal(z.score("b"), 5);
  zsetAdd(z, 1, "b", ZADD_GT, lim);
  assert.equal(z.score("b"), 5);
  zsetAdd(z, 1, "b", ZADD_NX | ZADD_INCR, lim);
  assert.equal(z.score("b"), 5);
  zsetAdd(z, 1.5, "b", ZADD_INCR, lim);
  assert.equal(z.score("b"), 6.5);
  zsetAdd(z, 3, "d", 0, lim);
  assert.equal(z.encoding(), "skiplist", "a fourth member passes zset-max-listpack-entries 3");
  zsetAdd(z, -0, "e", 0, lim);
  assert.ok(Object.is(z.score("e"), -0), "a skiplist keeps -0");
  const long = new ZSetValue();
  zsetAdd(long, 1, "abcde", 0, lim);
  assert.equal(long.encoding(), "skiplist");
  const copy = z.copy();
  assert.deepEqual(zsetOrder(copy), zsetOrder(z));
  assert.equal(copy.encoding(), "skiplist");
});

test("dense scan: every element present for the whole scan is returned despite swap deletes", () => {
  const r = rng(6);
  for (let round = 0; round < 30; round++) {
    const h = new HashValue();
    h.convert();
    for (let i = 0; i < 300; i++) h.set(`s${i}`, "v");
    const stable = new Set<string>();
    for (let i = 0; i < 300; i += 3) stable.add(`s${i}`);
    const seen = new Set<string>();
    let cursor = 0;
    let extra = 0;
    do {
      cursor = h.scan(cursor, 1 + int(r, 20), (i) => seen.add(h.fields[i]));
      // Between calls: delete and add elements that are not in the stable group.
      for (let k = 0; k < 5; k++) {
        const victim = `s${int(r, 300)}`;
        if (!stable.has(victim)) h.delete(victim);
        h.set(`x${extra++}`, "v");
      }
    } while (cursor !== 0);
    for (const f of stable) assert.ok(seen.has(f), `round ${round}: ${f} missed`);
  }
  assert.equal(
    denseScan(5, 0, 100, () => {}),
    0,
  );
  const visited: number[] = [];
  assert.equal(
    denseScan(5, 0, 2, (i) => visited.push(i)),
    3,
  );
  assert.equal(
    denseScan(5, 3, 2, (i) => visited.push(i)),
    1,
  );
  assert.equal(
    denseScan(5, 1, 2, (i) => visited.push(i)),
    0,
  );
  assert.deepEqual(visited, [4, 3, 2, 1, 0]);
});
