// RESP encoding of long values (server/reply.ts ReplyEncoder): a long bulk string is its own
// chunk, so that with its header it never has to fit in one JS string (a value near V8's
// longest string, 2^29-24 chars, made the executor thread fail on GET), and so are long status,
// error, big number and verbatim texts; a text longer than a string is given in pieces.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BigNumberReply,
  bulkOfBytes,
  encodeReply,
  ErrorReply,
  LongTextReply,
  ReplyEncoder,
  StatusReply,
  VerbatimReply,
} from "../../server/reply.js";

test("a long bulk string is encoded as header, value and trailer chunks", () => {
  const v = "z".repeat(2 * 1024 * 1024);
  const e = new ReplyEncoder(2);
  e.write(["a", v]);
  assert.equal(e.chunks.join(""), `*2\r\n$1\r\na\r\n$${v.length}\r\n${v}\r\n`);
  assert.ok(e.chunks.includes(v));
});

test("long status, error, big number and verbatim texts are chunks of their own", () => {
  const v = "t".repeat(2 * 1024 * 1024);
  for (const [r, p2, p3] of [
    [new StatusReply(v), `+${v}\r\n`, `+${v}\r\n`],
    [new ErrorReply(v), `-${v}\r\n`, `-${v}\r\n`],
    [new BigNumberReply(v), `$${v.length}\r\n${v}\r\n`, `(${v}\r\n`],
    [new VerbatimReply("txt", v), `$${v.length}\r\n${v}\r\n`, `=${v.length + 4}\r\ntxt:${v}\r\n`],
  ] as const) {
    for (const [proto, want] of [
      [2, p2],
      [3, p3],
    ] as const) {
      const e = new ReplyEncoder(proto);
      e.write(r);
      assert.equal(e.chunks.join(""), want);
      assert.ok(e.chunks.includes(v));
    }
  }
});

test("a text given in pieces is encoded as the status, bulk or verbatim string of their bytes", () => {
  const pieces = ["ab", "", "cde"];
  const cases = [
    [new LongTextReply("status", pieces), "+abcde\r\n", "+abcde\r\n"],
    [new LongTextReply("bulk", pieces), "$5\r\nabcde\r\n", "$5\r\nabcde\r\n"],
    [new LongTextReply("verbatim", pieces), "$5\r\nabcde\r\n", "=9\r\ntxt:abcde\r\n"],
  ] as const;
  for (const [r, p2, p3] of cases) {
    assert.equal(encodeReply(r, 2).toString("latin1"), p2);
    assert.equal(encodeReply(r, 3).toString("latin1"), p3);
  }
  // bytes up to V8's longest string are one bulk string; the pieces' bytes are the buffer's
  assert.equal(bulkOfBytes(Buffer.from("x\xffy", "latin1")), "x\xffy");
});
