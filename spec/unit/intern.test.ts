// Request arguments through the interning table (server/protocol/intern.ts): whatever the bucket
// holds, the string returned is the bytes asked for.
import { test } from "node:test";
import assert from "node:assert/strict";
import { argString } from "../../server/protocol/intern.js";

function bytes(s: string): Buffer {
  return Buffer.from(`..${s}..`, "latin1");
}

test("argString returns the bytes asked for, whatever shares their bucket", () => {
  const seen = new Set<string>();
  // many short strings (they collide in 512 buckets), equal lengths with different bytes,
  // bytes over 127, empty and long ones, each asked for twice in a shuffled order
  const all: string[] = ["", "a", "A", "\u00ff\u0000\u0080", "x".repeat(32), "y".repeat(33), "z".repeat(300)];
  for (let i = 0; i < 3000; i++) all.push(`k${i}`, String(i), `${i}`.padStart(8, "\u00e9"));
  const order = [...all, ...all.slice().reverse()];
  for (const s of order) {
    const b = bytes(s);
    assert.equal(argString(b, 2, b.length - 2), s);
    seen.add(s);
  }
  assert.equal(seen.size, new Set(all).size);
});
