// RESP encoding of long values (server/reply.ts ReplyEncoder): a long bulk string is its own
// chunk, so that with its header it never has to fit in one JS string (a value near V8's
// longest string, 2^29-24 chars, made the executor thread fail on GET).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ReplyEncoder } from "../../server/reply.js";

test("a long bulk string is encoded as header, value and trailer chunks", () => {
  const v = "z".repeat(2 * 1024 * 1024);
  const e = new ReplyEncoder(2);
  e.write(["a", v]);
  assert.equal(e.chunks.join(""), `*2\r\n$1\r\na\r\n$${v.length}\r\n${v}\r\n`);
  assert.ok(e.chunks.includes(v));
});
