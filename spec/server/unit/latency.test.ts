// The latency histogram behind INFO latencystats: the bucket layout of hdr_histogram with two
// significant digits over 1 ns .. 1 s, as Redis 7.0 configures it, and hdr_value_at_percentile.

import { test } from "node:test";
import assert from "node:assert/strict";
import { LatencyHistogram, LatencyMonitor, countsIndex, highestEquivalent } from "../../../server/latency.js";

test("every value falls in a count whose highest equivalent value is within 1% above it", () => {
  let prevIndex = -1;
  let prevValue = 0;
  for (let v = 1; v <= 1e9; v = v < 5000 ? v + 1 : Math.ceil(v * 1.0007)) {
    const i = countsIndex(v);
    const hi = highestEquivalent(i);
    assert.ok(hi >= v && hi - v <= v / 100 + 1, `${v} -> ${hi}`);
    // the next value past the highest equivalent one opens the next count
    assert.equal(countsIndex(hi), i);
    assert.equal(countsIndex(hi + 1), i + 1, `${hi + 1}`);
    assert.ok(i >= prevIndex && v > prevValue);
    prevIndex = i;
    prevValue = v;
  }
  assert.equal(countsIndex(1e9) < 24 * 128, true);
});

test("percentiles as redis-server 7.0.15 printed them for whole microseconds", () => {
  // seen in INFO latencystats of redis-server 7.0.15 for commands of 3, 5, 11, 19 and 89 µs
  for (const [us, shown] of [
    [3, "3.007"],
    [5, "5.023"],
    [11, "11.007"],
    [19, "19.071"],
    [89, "89.087"],
  ] as const) {
    const h = new LatencyHistogram();
    h.record(us);
    assert.equal((h.valueAt(50) / 1000).toFixed(3), shown);
  }
});

test("hdr_value_at_percentile: the count reaching percentile × total (rounded), at least one", () => {
  const h = new LatencyHistogram();
  for (let us = 1; us <= 100; us++) h.record(us);
  assert.equal(h.total, 100);
  assert.equal(h.valueAt(50), highestEquivalent(countsIndex(50000)));
  assert.equal(h.valueAt(99), highestEquivalent(countsIndex(99000)));
  assert.equal(h.valueAt(99.9), highestEquivalent(countsIndex(100000)));
  assert.equal(h.valueAt(0), highestEquivalent(countsIndex(1000)));
  assert.equal(h.valueAt(150), h.valueAt(100));
  // durations outside 1 ns .. 1 s count at the ends
  const e = new LatencyHistogram();
  e.record(0);
  e.record(5e6);
  assert.equal(e.valueAt(1), 1);
  assert.equal(e.valueAt(100), highestEquivalent(countsIndex(1e9)));
});

test("LATENCY HISTOGRAM's distribution: power-of-two levels from 1024 ns, where the count grew", () => {
  const h = new LatencyHistogram();
  for (const us of [0.5, 3, 3, 100]) h.record(us);
  // a level's label is its first count's highest value in whole µs: 1031 ns, 4127, 132095
  // (redis-server 7.0.15 labelled commands of 4-8 µs "8", 8-16 µs "16", 66-131 µs "132")
  assert.deepEqual(h.cumulative(), [
    [1, 1],
    [4, 3],
    [132, 4],
  ]);
  const one = new LatencyHistogram();
  one.record(6);
  assert.deepEqual(one.cumulative(), [[8, 1]]);
  one.record(12);
  assert.deepEqual(one.cumulative(), [
    [8, 1],
    [16, 2],
  ]);
});

test("latency monitor: a sample a second at most (the higher kept), 160 kept, RESET", () => {
  const m = new LatencyMonitor();
  m.sample("command", 50);
  assert.equal(m.eventCount, 0, "threshold 0: off");
  m.threshold = 10;
  m.sample("command", 9.99);
  assert.equal(m.eventCount, 0);
  m.sample("command", 12.7);
  m.sample("command", 30);
  m.sample("command", 20);
  const [[name, time, last, max]] = m.latest();
  assert.deepEqual([name, last, max], ["command", 30, 30]);
  assert.ok(Math.abs(time - Date.now() / 1000) < 5);
  assert.equal(m.history("command").length <= 2, true);
  assert.deepEqual(m.history("nosuch"), []);
  assert.equal(m.reset("nosuch"), 0);
  m.sample("expire-cycle", 11);
  assert.equal(m.reset(), 2);
  assert.equal(m.eventCount, 0);
});
