// Pub/sub delivery over real sockets with many connections: fan-out to RESP2 and RESP3
// subscribers in publish order, patterns beside channels, a RESP3 subscriber running commands
// while messages arrive, messages published by scripts and transactions, binary and large
// payloads, unsubscribe and disconnect. The pubsub transcript pins the exact replies.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseReply, RespClient, type RespValue } from "../support/resp-client.js";
import { call, client, eachExecutor } from "../support/socket-fixture.js";

/** A message as the subscriber sees it, whatever its protocol: the items of the array or push. */
function items(v: RespValue): RespValue[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === "object" && "push" in v) return v.push;
  throw new Error(`not a message: ${JSON.stringify(v)}`);
}

async function next(c: RespClient): Promise<RespValue[]> {
  return items(parseReply(await c.read()));
}

// Every case runs with the executor inline and on its own thread (as `redlua server` runs it).
eachExecutor(() => {
  describe("pub/sub delivery", () => {
    test("every subscriber gets every message, in publish order (RESP2 arrays, RESP3 pushes)", async () => {
      const pub = await client();
      const subs = await Promise.all(Array.from({ length: 30 }, (_, i) => client(i % 2 === 0 ? 2 : 3)));
      for (const s of subs)
        assert.deepEqual(await next(await (s.send(["SUBSCRIBE", "news"]), s)), ["subscribe", "news", 1]);
      for (let m = 0; m < 100; m++) assert.equal(await call(pub, "PUBLISH", "news", `m${m}`), 30);
      for (const [i, s] of subs.entries()) {
        for (let m = 0; m < 100; m++) {
          const raw = await s.read();
          assert.equal(raw[0], i % 2 === 0 ? 0x2a : 0x3e, "RESP2 array or RESP3 push");
          assert.deepEqual(items(parseReply(raw)), ["message", "news", `m${m}`]);
        }
      }
      assert.deepEqual(await call(pub, "PUBSUB", "NUMSUB", "news"), ["news", 30]);
      for (const s of subs) s.close();
    });

    test("a client subscribed to a channel and a matching pattern gets both messages", async () => {
      const pub = await client();
      const s = await client();
      s.send(["SUBSCRIBE", "ev.1"]);
      await next(s);
      s.send(["PSUBSCRIBE", "ev.*", "ev.?"]);
      await next(s);
      await next(s);
      assert.equal(await call(pub, "PUBLISH", "ev.1", "x"), 3);
      const got = [await next(s), await next(s), await next(s)];
      assert.deepEqual(got[0], ["message", "ev.1", "x"]);
      assert.deepEqual(
        got
          .slice(1)
          .map((g) => g[1])
          .sort(),
        ["ev.*", "ev.?"],
      );
      assert.equal(await call(pub, "PUBLISH", "ev.22", "y"), 1);
      assert.deepEqual(await next(s), ["pmessage", "ev.*", "ev.22", "y"]);
      assert.equal(await call(pub, "PUBSUB", "NUMPAT"), 2);
    });

    test("a RESP3 subscriber runs commands while messages arrive; replies and pushes keep order", async () => {
      const pub = await client();
      const s = await client(3);
      s.send(["SUBSCRIBE", "mix"]);
      await next(s);
      await call(pub, "SET", "k", "v");
      const seen: string[] = [];
      for (let i = 0; i < 50; i++) {
        await call(pub, "PUBLISH", "mix", `before-${i}`);
        s.send(["GET", "k"]);
        // the message published before the GET arrives before its reply
        const first = parseReply(await s.read());
        assert.deepEqual(items(first), ["message", "mix", `before-${i}`]);
        assert.equal(parseReply(await s.read()), "v");
        seen.push(`before-${i}`);
      }
      assert.equal(seen.length, 50);
    });

    test("publishing to a channel one is subscribed to: the message comes before PUBLISH's reply", async () => {
      const s = await client(3);
      s.send(["SUBSCRIBE", "self"]);
      await next(s);
      s.send(["PUBLISH", "self", "hi"]);
      assert.deepEqual(await next(s), ["message", "self", "hi"]);
      assert.equal(parseReply(await s.read()), 1);
    });

    test("messages published by scripts and inside MULTI/EXEC are delivered", async () => {
      const pub = await client();
      const s = await client();
      s.send(["SUBSCRIBE", "scripted"]);
      await next(s);
      assert.equal(
        await call(pub, "EVAL", "return redis.call('publish', KEYS[1], ARGV[1])", "1", "scripted", "lua"),
        1,
      );
      await call(pub, "MULTI");
      await call(pub, "PUBLISH", "scripted", "tx1");
      await call(pub, "PUBLISH", "scripted", "tx2");
      assert.deepEqual(await call(pub, "EXEC"), [1, 1]);
      assert.deepEqual(await next(s), ["message", "scripted", "lua"]);
      assert.deepEqual(await next(s), ["message", "scripted", "tx1"]);
      assert.deepEqual(await next(s), ["message", "scripted", "tx2"]);
    });

    test("binary and large payloads arrive intact", async () => {
      const pub = await client();
      const s = await client();
      s.send(["SUBSCRIBE", "\x00bin\xff"]);
      await next(s);
      const big = Buffer.alloc(1 << 20, "abc\r\n\x00\xff").toString("latin1");
      assert.equal(await call(pub, "PUBLISH", "\x00bin\xff", big), 1);
      assert.deepEqual(await next(s), ["message", "\x00bin\xff", big]);
    });

    test("unsubscribing and disconnecting stop delivery", async () => {
      const pub = await client();
      const a = await client();
      const b = await client();
      for (const c of [a, b]) {
        c.send(["SUBSCRIBE", "bye"]);
        await next(c);
      }
      assert.equal(await call(pub, "PUBLISH", "bye", "1"), 2);
      await next(a);
      await next(b);
      a.send(["UNSUBSCRIBE", "bye"]);
      assert.deepEqual(await next(a), ["unsubscribe", "bye", 0]);
      b.close();
      await b.closed;
      const deadline = Date.now() + 2000;
      while (String(await call(pub, "PUBSUB", "NUMSUB", "bye")) !== "bye,0" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
      }
      assert.equal(await call(pub, "PUBLISH", "bye", "2"), 0);
      assert.deepEqual(await call(a, "PING"), { status: "PONG" });
    });
  });
});
