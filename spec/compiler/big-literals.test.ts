// String literals of tens of MB compile (EVAL takes bodies up to proto-max-bulk-len, 512 MB):
// the lexer, the literal's value and its JS text used to be built a char at a time, a string
// piece per char, and a 64 MB literal ran the process out of heap.
import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { compile } from "../../compiler/index.js";

const N = 2 ** 26;

test("a 64 MB quoted literal and a 64 MB long string compile", () => {
  const r = compile(`return '${"x".repeat(N)}', [[${"y".repeat(N)}]]`, { chunkName: "=big" });
  assert.ok(r.js.length > 2 * N);
  assert.ok(r.js.includes(`"${"x".repeat(1000)}`));
});

test("escapes in long literals keep their bytes", () => {
  const bytes = Array.from({ length: 256 }, (_, i) => i);
  const lua = bytes
    .map((b) => `\\${b}`)
    .join("")
    .repeat(300);
  const r = compile(`return "${lua}"`, { chunkName: "=esc" });
  // the emitted JS holds the value as one string literal: read it back
  const m = /"((?:[^"\\]|\\.)*)"/.exec(r.js.slice(r.js.indexOf("return")));
  assert.ok(m !== null);
  const value = vm.runInNewContext(`"${m[1]}"`) as string;
  assert.equal(value, String.fromCharCode(...bytes).repeat(300));
});
