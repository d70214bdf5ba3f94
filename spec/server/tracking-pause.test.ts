// Client-side caching and CLIENT PAUSE over real sockets, for what the transcripts can't pin:
// CLIENT LIST flags and redir= (ids vary), INFO's tracking and blocked counts, the
// tracking-table-max-keys limit, how long paused clients wait, clients that go away while
// postponed, and CLIENT UNBLOCK on a postponed client (0 here; redis-server 7.0.15 crashes).
// The tracking and pause transcripts pin the exact replies.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseReply, RespClient, type RespValue } from "../support/resp-client.js";
import { call, client, eachExecutor } from "../support/socket-fixture.js";

async function text(c: RespClient, ...args: string[]): Promise<string> {
  const v = await call(c, ...args);
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object" && "verbatim" in v) return v.verbatim;
  throw new Error(`not text: ${JSON.stringify(v)}`);
}

/** A field of CLIENT LIST's line for the client with this id. */
async function clientField(c: RespClient, id: number, field: string): Promise<string> {
  const line = (await text(c, "CLIENT", "LIST", "ID", String(id))).trim();
  const m = new RegExp(`(?:^| )${field}=(\\S*)`).exec(line);
  assert.ok(m, `no ${field}= in ${line}`);
  return m[1];
}

async function info(c: RespClient, field: string): Promise<number> {
  const m = new RegExp(`^${field}:(\\d+)`, "m").exec(await text(c, "INFO", "everything"));
  assert.ok(m, `no ${field} in INFO`);
  return Number(m[1]);
}

/** The items of a RESP3 push. */
function pushItems(v: RespValue): RespValue[] {
  assert.ok(v !== null && typeof v === "object" && !Array.isArray(v) && "push" in v, JSON.stringify(v));
  return v.push;
}

const OK = { status: "OK" };

const idOf = async (c: RespClient) => (await call(c, "CLIENT", "ID")) as number;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Every case runs with the executor inline and on its own thread (as `redlua server` runs it).
eachExecutor(() => {
  describe("client-side caching", () => {
    test("CLIENT LIST flags t, B, R and redir=; INFO's tracking counts", async () => {
      const admin = await client();
      const t = await client(3);
      const b = await client(3);
      const target = await client();
      const [tid, bid, targetId] = [await idOf(t), await idOf(b), await idOf(target)];
      assert.equal(await clientField(admin, tid, "flags"), "N");
      assert.equal(await clientField(admin, tid, "redir"), "-1");
      await call(t, "CLIENT", "TRACKING", "on", "REDIRECT", String(targetId));
      await call(b, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "x", "PREFIX", "y");
      assert.equal(await clientField(admin, tid, "flags"), "t");
      assert.equal(await clientField(admin, tid, "redir"), String(targetId));
      assert.equal(await clientField(admin, bid, "flags"), "tB");
      assert.equal(await clientField(admin, bid, "redir"), "0");
      await call(t, "MGET", "k1", "k2", "k3");
      assert.equal(await info(admin, "tracking_clients"), 2);
      assert.equal(await info(admin, "tracking_total_keys"), 3);
      assert.equal(await info(admin, "tracking_total_items"), 3);
      assert.equal(await info(admin, "tracking_total_prefixes"), 2);
      // the redirection target goes away: broken, shown as R
      target.close();
      await sleep(50);
      await call(admin, "SET", "k1", "v");
      assert.equal(await clientField(admin, tid, "flags"), "tR");
      assert.deepEqual(parseReply(await t.read()), { push: ["tracking-redir-broken", targetId] });
      await call(t, "CLIENT", "TRACKING", "off");
      await call(b, "CLIENT", "TRACKING", "off");
      assert.equal(await info(admin, "tracking_clients"), 0);
      assert.equal(await info(admin, "tracking_total_prefixes"), 0);
      await call(admin, "FLUSHALL");
      assert.equal(await info(admin, "tracking_total_keys"), 0);
    });

    test("tracking-table-max-keys: past the limit, tracked keys are invalidated", async () => {
      const admin = await client();
      const t = await client(3);
      await call(admin, "CONFIG", "SET", "tracking-table-max-keys", "3");
      try {
        await call(t, "CLIENT", "TRACKING", "on");
        const keys = Array.from({ length: 10 }, (_, i) => `lim${i}`);
        await call(t, "MGET", ...keys);
        // the next command (any client's) brings the table back under the limit, unless the
        // cron (serverCron's trackingLimitUsedSlots) came first: the pushes may precede PONG
        t.send(["PING"]);
        const invalidated: RespValue[] = [];
        let pong = false;
        while (!pong || invalidated.length < 7) {
          const r = parseReply(await t.read());
          if (!pong && JSON.stringify(r) === JSON.stringify({ status: "PONG" })) {
            pong = true;
            continue;
          }
          const p = pushItems(r);
          assert.equal(p[0], "invalidate");
          invalidated.push(...(p[1] as RespValue[]));
        }
        assert.equal(new Set(invalidated).size, 7);
        assert.equal(await info(admin, "tracking_total_keys"), 3);
        await call(t, "CLIENT", "TRACKING", "off");
      } finally {
        await call(admin, "CONFIG", "SET", "tracking-table-max-keys", "1000000");
        await call(admin, "FLUSHALL");
      }
    });

    test("a client that goes away stops tracking; its ids in the table are skipped", async () => {
      const admin = await client();
      const t = await client(3);
      await call(t, "CLIENT", "TRACKING", "on");
      await call(t, "GET", "gone");
      t.close();
      // the server notices the close in its own time (a loaded machine: more than 50 ms)
      for (let i = 0; i < 100 && (await info(admin, "tracking_clients")) !== 0; i++) await sleep(50);
      assert.equal(await info(admin, "tracking_clients"), 0);
      assert.deepEqual(await call(admin, "SET", "gone", "1"), OK);
      assert.equal(await info(admin, "tracking_total_keys"), 0);
    });
  });

  describe("CLIENT PAUSE", () => {
    test("ALL: every client waits for the timeout, then runs in order", async () => {
      const admin = await client();
      const a = await client();
      const b = await client();
      const start = Date.now();
      await call(admin, "CLIENT", "PAUSE", "400", "ALL");
      a.send(["SET", "pa", "1"]);
      b.send(["GET", "pa"]);
      assert.deepEqual(parseReply(await a.read(3000)), OK);
      assert.equal(parseReply(await b.read(3000)), "1");
      const waited = Date.now() - start;
      assert.ok(waited >= 390, `waited ${waited} ms`);
      assert.ok(waited < 2000, `waited ${waited} ms`);
      await call(admin, "DEL", "pa");
    });

    test("WRITE: a postponed client shows b, counts as blocked, and CLIENT UNBLOCK leaves it", async () => {
      const admin = await client();
      const w = await client();
      const wid = await idOf(w);
      await call(admin, "CLIENT", "PAUSE", "100000", "WRITE");
      try {
        w.send(["INCR", "pw"]);
        w.send(["GET", "pw"]);
        await sleep(50);
        assert.equal(await clientField(admin, wid, "flags"), "b");
        assert.equal(await clientField(admin, wid, "cmd"), "incr");
        assert.equal(await info(admin, "blocked_clients"), 1);
        // redis-server 7.0.15 crashes here (replyToBlockedClientTimedOut: unknown btype)
        assert.equal(await call(admin, "CLIENT", "UNBLOCK", String(wid)), 0);
        assert.equal(await call(admin, "CLIENT", "UNBLOCK", String(wid), "ERROR"), 0);
        assert.equal(w.pending().length, 0);
      } finally {
        await call(admin, "CLIENT", "UNPAUSE");
      }
      assert.equal(parseReply(await w.read()), 1);
      assert.equal(parseReply(await w.read()), "1");
      assert.equal(await info(admin, "blocked_clients"), 0);
      await call(admin, "DEL", "pw");
    });

    test("a postponed client that goes away is forgotten", async () => {
      const admin = await client();
      const w = await client();
      await call(admin, "CLIENT", "PAUSE", "100000", "WRITE");
      w.send(["SET", "forgotten", "1"]);
      await sleep(50);
      assert.equal(await info(admin, "blocked_clients"), 1);
      w.close();
      await sleep(50);
      assert.equal(await info(admin, "blocked_clients"), 0);
      await call(admin, "CLIENT", "UNPAUSE");
      assert.equal(await call(admin, "EXISTS", "forgotten"), 0);
    });

    test("expired keys stay while paused and go once the pause is over", async () => {
      const admin = await client();
      await call(admin, "FLUSHALL");
      await call(admin, "SET", "pexp", "v", "PX", "100");
      await call(admin, "CLIENT", "PAUSE", "100000", "WRITE");
      try {
        await sleep(300);
        assert.equal(await call(admin, "GET", "pexp"), null);
        assert.equal(await call(admin, "DBSIZE"), 1);
        assert.equal(await call(admin, "RANDOMKEY"), null);
      } finally {
        await call(admin, "CLIENT", "UNPAUSE");
      }
      await sleep(300);
      assert.equal(await call(admin, "DBSIZE"), 0);
    });
  });
});
