// Tests the test support: RESP reply framing and parsing (always), and starting the reference
// redis-server (skipped with a message when it is not installed).

import { test } from "node:test";
import assert from "node:assert/strict";
import { replyEnd, parseReply, encodeCommand, RespClient } from "./resp-client.js";
import { hasBinary, startRedisServer } from "./redis-server.js";

const b = (s: string) => Buffer.from(s, "latin1");

test("replyEnd frames RESP2 and RESP3 replies and reports incomplete ones", () => {
  const whole = [
    "+OK\r\n",
    "-ERR x\r\n",
    ":12\r\n",
    "$3\r\nabc\r\n",
    "$-1\r\n",
    "*-1\r\n",
    "*2\r\n$1\r\na\r\n:1\r\n",
    "%1\r\n+k\r\n*1\r\n_\r\n",
    ">3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nx\r\n",
    "|1\r\n+key\r\n:1\r\n+after\r\n",
    "=8\r\ntxt:abcd\r\n",
    "$?\r\n;2\r\nab\r\n;0\r\n",
    "*?\r\n:1\r\n:2\r\n.\r\n",
    ",1.5\r\n",
    "#t\r\n",
    "(123\r\n",
  ];
  for (const w of whole) {
    const buf = b(w + "+NEXT\r\n");
    assert.equal(replyEnd(buf, 0), w.length, w);
    for (let i = 0; i < w.length; i++) assert.equal(replyEnd(b(w.slice(0, i)), 0), -1, `${w} cut at ${i}`);
  }
});

test("parseReply builds values", () => {
  assert.deepEqual(parseReply(b("*3\r\n$1\r\na\r\n:9007199254740993\r\n_\r\n")), [
    "a",
    9007199254740993n,
    null,
  ]);
  assert.deepEqual(parseReply(b("%1\r\n+k\r\n#f\r\n")), { map: [{ status: "k" }, false] });
  assert.deepEqual(parseReply(b("=8\r\ntxt:abcd\r\n")), { verbatim: "abcd", format: "txt" });
  assert.deepEqual(encodeCommand(["a", "\xff"]), b("*2\r\n$1\r\na\r\n$1\r\n\xff\r\n"));
});

test(
  "startRedisServer starts and stops the reference",
  { skip: !hasBinary("redis-server") && "redis-server not installed" },
  async () => {
    const srv = await startRedisServer();
    try {
      const c = await RespClient.connect(srv.port);
      assert.equal(await c.call("SET", "k", "\x00\xff"), "+OK\r\n");
      assert.equal(await c.call("GET", "k"), "$2\r\n\x00\xff\r\n");
      c.sendRaw("PING\r\n");
      assert.equal(await c.readString(), "+PONG\r\n");
      c.close();
    } finally {
      await srv.stop();
    }
  },
);
