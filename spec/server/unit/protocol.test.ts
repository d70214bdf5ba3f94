// Unit tests for the request decoder (frames split at every byte, limits, errors), sdssplitargs
// and the glob matcher, compared against cases whose answers come from Redis's own rules.

import { test } from "node:test";
import assert from "node:assert/strict";
import { RequestDecoder } from "../../../server/protocol/decoder.js";
import { splitArgs } from "../../../server/protocol/splitargs.js";
import { globMatch } from "../../../server/util/glob.js";

const b = (s: string) => Buffer.from(s, "latin1");

function decodeAll(chunks: string[], authRequired = false): { cmds: string[][]; error?: string } {
  const d = new RequestDecoder({ maxBulkLen: 512 * 1024 * 1024, authRequired });
  const cmds: string[][] = [];
  for (const c of chunks) {
    d.push(b(c));
    for (let a = d.next(); a !== undefined; a = d.next()) cmds.push(a);
  }
  return { cmds, error: d.error };
}

test("a pipeline decodes the same whatever the chunking", () => {
  const wire =
    '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nv\x00\xff\r\n\r\nPING\r\nECHO "a b"\r\n*0\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n';
  const want = [["SET", "k", "v\x00\xff\r\n"], ["PING"], ["ECHO", "a b"], ["ECHO", ""]];
  assert.deepEqual(decodeAll([wire]).cmds, want);
  for (let size = 1; size < 8; size++) {
    const chunks: string[] = [];
    for (let i = 0; i < wire.length; i += size) chunks.push(wire.slice(i, i + size));
    assert.deepEqual(decodeAll(chunks).cmds, want, `chunk size ${size}`);
  }
});

test("a large bulk arriving in many chunks is assembled once", () => {
  const big = "x".repeat(200000);
  const wire = `*2\r\n$4\r\nECHO\r\n$${big.length}\r\n${big}\r\n`;
  const chunks: string[] = [];
  for (let i = 0; i < wire.length; i += 1000) chunks.push(wire.slice(i, i + 1000));
  const r = decodeAll(chunks);
  assert.equal(r.cmds.length, 1);
  assert.equal(r.cmds[0][1].length, big.length);
});

test("protocol errors carry Redis's words", () => {
  assert.equal(decodeAll(["*x\r\n"]).error, "ERR Protocol error: invalid multibulk length");
  assert.equal(decodeAll(["*1\r\n$-2\r\n"]).error, "ERR Protocol error: invalid bulk length");
  assert.equal(decodeAll(["*1\r\n:1\r\n"]).error, "ERR Protocol error: expected '$', got ':'");
  assert.equal(decodeAll(["a".repeat(70000)]).error, "ERR Protocol error: too big inline request");
  assert.equal(
    decodeAll(["*" + "1".repeat(9) + "9".repeat(70000)]).error,
    "ERR Protocol error: too big mbulk count string",
  );
  assert.equal(
    decodeAll(["*1\r\n$" + "1".repeat(70000)]).error,
    "ERR Protocol error: too big bulk count string",
  );
  assert.equal(decodeAll(["*11\r\n"], true).error, "ERR Protocol error: unauthenticated multibulk length");
  assert.equal(
    decodeAll(["*1\r\n$16385\r\n"], true).error,
    "ERR Protocol error: unauthenticated bulk length",
  );
  assert.equal(decodeAll(["*11\r\n"], false).error, undefined);
  assert.equal(decodeAll(["set a 'b\r\n"]).error, "ERR Protocol error: unbalanced quotes in request");
  const d = new RequestDecoder({ maxBulkLen: 1024 * 1024, authRequired: false });
  d.push(b("*1\r\n$1048577\r\n"));
  assert.equal(d.next(), undefined);
  assert.equal(d.error, "ERR Protocol error: invalid bulk length");
});

test("sdssplitargs", () => {
  assert.deepEqual(splitArgs("set \"a b\" 'c d' e"), ["set", "a b", "c d", "e"]);
  assert.deepEqual(splitArgs('"\\x41\\x4a\\n\\r\\t\\b\\a\\z"'), ["AJ\n\r\t\b\x07z"]);
  assert.deepEqual(splitArgs("'it\\'s' 'a\\b'"), ["it's", "a\\b"]);
  assert.deepEqual(splitArgs('a"b c" d'), ["ab c", "d"]);
  assert.equal(splitArgs('a"b c"d'), undefined);
  assert.deepEqual(splitArgs("  "), []);
  assert.deepEqual(splitArgs('"\\xZZ"'), ["xZZ"]);
  assert.equal(splitArgs('"a"b'), undefined);
  assert.equal(splitArgs("'a"), undefined);
  assert.deepEqual(splitArgs("a\x00b c"), ["a"]);
});

test("glob matching as stringmatchlen", () => {
  const cases: [string, string, boolean, boolean?][] = [
    ["*", "", false],
    ["*", "abc", true],
    ["a*", "abc", true],
    ["a?c", "abc", true],
    ["a?c", "ac", false],
    ["[abc]x", "bx", true],
    ["[^abc]x", "bx", false],
    ["[a-c]x", "bx", true],
    ["[c-a]x", "bx", true],
    ["a\\*", "a*", true],
    ["a\\*", "ab", false],
    ["[", "[", false],
    ["a[", "a", false],
    ["*[", "x[", false],
    ["h*o", "hello", true],
    ["H*O", "hello", false],
    ["H*O", "hello", true, true],
    ["[A-Z]", "q", true, true],
    ["**a", "ba", true],
    ["a*b*c", "aXbYc", true],
    ["a*b*c", "aXbY", false],
    ["[\\]]", "]", true],
    ["[]", "]", false],
    ["\xff*", "\xffx", true],
    ["[\x80-\xff]", "\x90", true],
  ];
  for (const [p, s, want, nocase] of cases)
    assert.equal(globMatch(p, s, nocase ?? false), want, `${p} ~ ${s}`);
  // Abusive pattern: must answer quickly.
  const t0 = Date.now();
  assert.equal(globMatch("a*".repeat(50) + "b", "a".repeat(60)), false);
  assert.ok(Date.now() - t0 < 1000);
});
