// Blocking commands over real sockets, many connections at once: FIFO order of wake-ups on one
// key and across keys, timeouts (float seconds, XREAD's ms), wake-ups from scripts, MULTI/EXEC
// and BLMOVE chains, a blocked client's pipelined commands, disconnects and kills while blocked,
// and INFO's blocked_clients. The recorded transcripts (blocking*, streams-read) pin the exact
// replies; these check what needs many clients or a clock.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseReply, RespClient } from "../support/resp-client.js";
import { call, client, eachExecutor } from "../support/socket-fixture.js";

/** Waits until `n` clients show as blocked (INFO blocked_clients). */
async function blockedCount(ctl: RespClient, n: number): Promise<void> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const info = (await call(ctl, "INFO", "clients")) as string;
    const m = /blocked_clients:(\d+)/.exec(info);
    if (m !== null && Number(m[1]) === n) return;
    if (Date.now() > deadline) throw new Error(`expected ${n} blocked clients: ${info}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Blocks `clients` one after the other (so their order is known) with the command for each. */
async function blockInOrder(
  ctl: RespClient,
  clients: RespClient[],
  cmd: (i: number) => string[],
): Promise<void> {
  const before = Number(/blocked_clients:(\d+)/.exec((await call(ctl, "INFO", "clients")) as string)?.[1]);
  for (let i = 0; i < clients.length; i++) {
    clients[i].send(cmd(i));
    await blockedCount(ctl, before + i + 1);
  }
}

// Every case runs with the executor inline and on its own thread (as `redlua server` runs it).
eachExecutor(() => {
  describe("blocking: order", () => {
    test("clients blocked on one key are served first-come first-served, one element each", async () => {
      const ctl = await client();
      const cs = await Promise.all(Array.from({ length: 20 }, () => client()));
      await blockInOrder(ctl, cs, () => ["BLPOP", "fifo", "0"]);
      // One push of 20 elements: client i gets element i.
      await call(ctl, "RPUSH", "fifo", ...Array.from({ length: 20 }, (_, i) => `e${i}`));
      for (let i = 0; i < 20; i++) assert.deepEqual(parseReply(await cs[i].read()), ["fifo", `e${i}`]);
      assert.equal(await call(ctl, "EXISTS", "fifo"), 0);
    });

    test("pushes one at a time wake the waiters in order; a later waiter waits its turn", async () => {
      const ctl = await client();
      const cs = await Promise.all(Array.from({ length: 6 }, () => client()));
      await blockInOrder(ctl, cs, (i) =>
        i % 2 === 0 ? ["BRPOP", "one", "0"] : ["BLPOP", "other", "one", "0"],
      );
      for (let i = 0; i < 6; i++) {
        await call(ctl, "LPUSH", "one", `v${i}`);
        assert.deepEqual(parseReply(await cs[i].read()), ["one", `v${i}`]);
      }
    });

    test("keys made ready by one transaction are served in the order they were written", async () => {
      const ctl = await client();
      const [a, b, c] = await Promise.all([client(), client(), client()]);
      await blockInOrder(
        ctl,
        [a, b, c],
        (i) =>
          [
            ["BLPOP", "kx", "ky", "0"],
            ["BLPOP", "ky", "0"],
            ["BLPOP", "kx", "0"],
          ][i],
      );
      await call(ctl, "MULTI");
      await call(ctl, "RPUSH", "ky", "y1");
      await call(ctl, "RPUSH", "kx", "x1", "x2");
      assert.deepEqual(await call(ctl, "EXEC"), [1, 2]);
      // ky was written first: a (first on ky) takes y1; then kx serves c (a is gone).
      assert.deepEqual(parseReply(await a.read()), ["ky", "y1"]);
      assert.deepEqual(parseReply(await c.read()), ["kx", "x1"]);
      assert.deepEqual(await call(ctl, "LRANGE", "kx", "0", "-1"), ["x2"]);
      await call(ctl, "RPUSH", "ky", "y2");
      assert.deepEqual(parseReply(await b.read()), ["ky", "y2"]);
      await call(ctl, "DEL", "kx");
    });

    test("a BLMOVE chain hands an element down three lists within one command", async () => {
      const ctl = await client();
      const [m1, m2, m3] = await Promise.all([client(), client(), client()]);
      await blockInOrder(
        ctl,
        [m1, m2, m3],
        (i) =>
          [
            ["BLMOVE", "c1", "c2", "LEFT", "RIGHT", "0"],
            ["BLMOVE", "c2", "c3", "LEFT", "RIGHT", "0"],
            ["BLPOP", "c3", "0"],
          ][i],
      );
      await call(ctl, "RPUSH", "c1", "token");
      assert.equal(parseReply(await m1.read()), "token");
      assert.equal(parseReply(await m2.read()), "token");
      assert.deepEqual(parseReply(await m3.read()), ["c3", "token"]);
      assert.equal(await call(ctl, "EXISTS", "c1", "c2", "c3"), 0);
    });

    test("XREADGROUP consumers of one group share entries; XREAD readers all get them", async () => {
      const ctl = await client();
      await call(ctl, "XGROUP", "CREATE", "xs", "g", "$", "MKSTREAM");
      const cs = await Promise.all(Array.from({ length: 4 }, () => client()));
      await blockInOrder(ctl, cs, (i) =>
        i < 2
          ? ["XREADGROUP", "GROUP", "g", `c${i}`, "BLOCK", "0", "STREAMS", "xs", ">"]
          : ["XREAD", "BLOCK", "0", "STREAMS", "xs", "$"],
      );
      await call(ctl, "XADD", "xs", "1-0", "n", "1");
      const entry = [["xs", [["1-0", ["n", "1"]]]]];
      assert.deepEqual(parseReply(await cs[0].read()), entry);
      assert.deepEqual(parseReply(await cs[2].read()), entry);
      assert.deepEqual(parseReply(await cs[3].read()), entry);
      await call(ctl, "XADD", "xs", "2-0", "n", "2");
      assert.deepEqual(parseReply(await cs[1].read()), [["xs", [["2-0", ["n", "2"]]]]]);
      assert.deepEqual(await call(ctl, "XPENDING", "xs", "g"), [
        2,
        "1-0",
        "2-0",
        [
          ["c0", "1"],
          ["c1", "1"],
        ],
      ]);
    });
  });

  describe("blocking: timeouts", () => {
    test("BLPOP and BZPOPMIN time out after their float seconds with a null array", async () => {
      const c = await client();
      for (const [cmd, ms] of [
        [["BLPOP", "nokey", "0.2"], 200],
        [["BZPOPMIN", "nokey", "0.15"], 150],
        [["BLMPOP", "0.1", "1", "nokey", "LEFT"], 100],
      ] as const) {
        const t0 = performance.now();
        const r = (await c.command([...cmd])).toString("latin1");
        const took = performance.now() - t0;
        assert.equal(r, "*-1\r\n");
        assert.ok(took >= ms - 5 && took < ms + 500, `${cmd[0]} took ${took} ms`);
      }
    });

    test("XREAD BLOCK times out after its milliseconds; RESP3 answers null", async () => {
      const c = await client();
      await c.command(["HELLO", "3"]);
      const t0 = performance.now();
      assert.equal(
        (await c.command(["XREAD", "BLOCK", "120", "STREAMS", "nostream", "$"])).toString(),
        "_\r\n",
      );
      const took = performance.now() - t0;
      assert.ok(took >= 115 && took < 700, `XREAD took ${took} ms`);
    });

    test("timeouts of many clients fire independently of each other", async () => {
      const ctl = await client();
      const cs = await Promise.all(Array.from({ length: 10 }, () => client()));
      const t0 = performance.now();
      cs.forEach((c, i) => c.send(["BRPOP", `to${i}`, String(0.05 + i * 0.02)]));
      const done = await Promise.all(
        cs.map(async (c) => ((await c.read()).toString(), performance.now() - t0)),
      );
      done.forEach((took, i) => assert.ok(took >= 45 + i * 20, `client ${i} answered after ${took} ms`));
      await blockedCount(ctl, 0);
    });

    test("waiters leaving the timeout table from its middle and ends leave the rest to time out in order", async () => {
      const ctl = await client();
      const cs = await Promise.all(Array.from({ length: 5 }, () => client()));
      const id4 = (await call(cs[4], "CLIENT", "ID")) as number;
      const timeouts = ["0.3", "0.3", "5", "0.3", "5"];
      await blockInOrder(ctl, cs, (i) => ["BLPOP", `mid${i}`, timeouts[i]]);
      const inTable = async () =>
        Number(/clients_in_timeout_table:(\d+)/.exec((await call(ctl, "INFO", "clients")) as string)?.[1]);
      assert.equal(await inTable(), 5);
      const t0 = performance.now();
      await call(ctl, "RPUSH", "mid1", "x"); // served: leaves from the middle
      assert.deepEqual(parseReply(await cs[1].read()), ["mid1", "x"]);
      assert.equal(await call(ctl, "CLIENT", "UNBLOCK", String(id4)), 1); // the last one
      assert.equal((await cs[4].read()).toString(), "*-1\r\n");
      cs[2].close(); // gone while blocked: from the middle again
      await blockedCount(ctl, 2);
      assert.equal(await inTable(), 2);
      const late = await Promise.all(
        [0, 3].map(async (i) => ((await cs[i].read()).toString(), performance.now() - t0)),
      );
      late.forEach((took) => assert.ok(took >= 290, `timed out after ${took} ms`));
      assert.equal(await inTable(), 0);
      // the table empties and fills again
      cs[0].send(["BLPOP", "mid0", "0.05"]);
      assert.equal((await cs[0].read()).toString(), "*-1\r\n");
      await blockedCount(ctl, 0);
    });

    test("a client blocked without timeout keeps waiting, then is served", async () => {
      const ctl = await client();
      const c = await client();
      c.send(["BLPOP", "late", "0"]);
      await blockedCount(ctl, 1);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(c.pending().length, 0);
      await call(ctl, "RPUSH", "late", "x");
      assert.deepEqual(parseReply(await c.read()), ["late", "x"]);
    });
  });

  describe("blocking: wake-ups from scripts and transactions", () => {
    test("a script's pushes are served after the script, in the order its keys were written", async () => {
      const ctl = await client();
      const cs = await Promise.all(Array.from({ length: 3 }, () => client()));
      await blockInOrder(ctl, cs, (i) => ["BLPOP", `s${i}`, "0"]);
      const script =
        "for i = #KEYS, 1, -1 do redis.call('rpush', KEYS[i], 'v'..i) end return redis.call('llen', KEYS[1])";
      assert.equal(await call(ctl, "EVAL", script, "3", "s0", "s1", "s2"), 1);
      for (let i = 0; i < 3; i++) assert.deepEqual(parseReply(await cs[i].read()), [`s${i}`, `v${i + 1}`]);
    });

    test("a script that pushes and pops leaves blocked clients blocked", async () => {
      const ctl = await client();
      const c = await client();
      c.send(["BLPOP", "sp", "0"]);
      await blockedCount(ctl, 1);
      await call(
        ctl,
        "EVAL",
        "redis.call('rpush', KEYS[1], 'a') return redis.call('lpop', KEYS[1])",
        "1",
        "sp",
      );
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(c.pending().length, 0);
      await call(
        ctl,
        "FUNCTION",
        "LOAD",
        "#!lua name=wake\nredis.register_function('push', function(k, a) return redis.call('rpush', k[1], a[1]) end)",
      );
      await call(ctl, "FCALL", "push", "1", "sp", "fn");
      assert.deepEqual(parseReply(await c.read()), ["sp", "fn"]);
    });

    test("XADD from a script wakes XREAD BLOCK readers", async () => {
      const ctl = await client();
      const c = await client();
      c.send(["XREAD", "BLOCK", "0", "STREAMS", "sx", "$"]);
      await blockedCount(ctl, 1);
      await call(ctl, "EVAL", "return redis.call('xadd', KEYS[1], '5-5', 'from', 'lua')", "1", "sx");
      assert.deepEqual(parseReply(await c.read()), [["sx", [["5-5", ["from", "lua"]]]]]);
    });
  });

  describe("blocking: connections", () => {
    test("commands pipelined behind a blocked command run once it is served, in order", async () => {
      const ctl = await client();
      const c = await client();
      c.sendRaw(
        "*3\r\n$5\r\nBLPOP\r\n$2\r\npl\r\n$1\r\n0\r\n*2\r\n$4\r\nECHO\r\n$1\r\n1\r\n*1\r\n$4\r\nPING\r\n",
      );
      await blockedCount(ctl, 1);
      assert.equal(c.pending().length, 0);
      await call(ctl, "RPUSH", "pl", "x");
      assert.deepEqual(parseReply(await c.read()), ["pl", "x"]);
      assert.equal(parseReply(await c.read()), "1");
      assert.deepEqual(parseReply(await c.read()), { status: "PONG" });
    });

    test("a blocked client that disconnects or is killed is forgotten; its key is not consumed", async () => {
      const ctl = await client();
      const gone = await client();
      const killed = await client();
      const id = String(await call(killed, "CLIENT", "ID"));
      gone.send(["BLPOP", "dk", "0"]);
      killed.send(["BLPOP", "dk", "0"]);
      await blockedCount(ctl, 2);
      gone.close();
      await blockedCount(ctl, 1);
      assert.equal(await call(ctl, "CLIENT", "KILL", "ID", id), 1);
      await killed.closed;
      await blockedCount(ctl, 0);
      await call(ctl, "RPUSH", "dk", "kept");
      assert.deepEqual(await call(ctl, "LRANGE", "dk", "0", "-1"), ["kept"]);
    });

    test("CLIENT LIST flags a blocked client with b; CLIENT UNBLOCK answers it", async () => {
      const ctl = await client();
      const c = await client();
      const id = String(await call(c, "CLIENT", "ID"));
      c.send(["BZPOPMAX", "cu", "0"]);
      await blockedCount(ctl, 1);
      const list = (await call(ctl, "CLIENT", "LIST", "ID", id)) as { verbatim: string } | string;
      assert.match(typeof list === "string" ? list : list.verbatim, /flags=b /);
      assert.equal(await call(ctl, "CLIENT", "UNBLOCK", id, "ERROR"), 1);
      assert.deepEqual(parseReply(await c.read()), {
        error: "UNBLOCKED client unblocked via CLIENT UNBLOCK",
      });
      assert.deepEqual(await call(c, "PING"), { status: "PONG" });
    });
  });
});
