// Replies and the sockets they go to, over real sockets. With the executor on its own thread the
// executor writes replies to the sockets itself and hands the connection thread only what a
// socket would not take at once (server/worker/direct.ts): these check that a reply bigger than
// the socket's buffer, and the replies pipelined behind it, arrive whole and in order; that a
// connection closed or killed with replies still going out takes them with it, and the
// connections opened after it (which may get its file descriptor) only ever see their own
// replies. Run with the executor inline too, where the same must hold.

import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { startServer, type RedluaServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { parseReply, RespClient } from "../support/resp-client.js";

configureLog({ silent: true });

/** 4 MB: more than a loopback socket's buffers hold. */
const BIG = "x".repeat(4 * 1024 * 1024);
const BIG_REPLY = `$${BIG.length}\r\n${BIG}\r\n`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const executor of ["inline", "thread"] as const) {
  describe(`executor ${executor}`, () => {
    let srv: RedluaServer;
    const open: RespClient[] = [];

    async function client(): Promise<RespClient> {
      const c = await RespClient.connect(srv.port);
      open.push(c);
      return c;
    }

    before(async () => {
      srv = await startServer({ executor, config: { save: "", appendonly: "no" } });
      const c = await client();
      assert.equal(await c.call("SET", "big", BIG), "+OK\r\n");
    });

    after(async () => {
      for (const c of open.splice(0)) c.close();
      await srv.close();
    });

    test("big replies and the small ones pipelined behind them arrive whole and in order", async () => {
      const c = await client();
      // the client reads nothing for a while: the server's writes fill the socket and wait
      c.socket.pause();
      const expected: string[] = [];
      for (let i = 0; i < 3; i++) {
        c.send(["GET", "big"]);
        expected.push(BIG_REPLY);
        for (let j = 0; j < 50; j++) {
          c.send(["ECHO", `m${i}.${j}`]);
          expected.push(`$${`m${i}.${j}`.length}\r\nm${i}.${j}\r\n`);
        }
        c.send(["INCR", "n"]);
        expected.push(`:${i + 1}\r\n`);
      }
      await sleep(200);
      c.socket.resume();
      const want = expected.join("");
      const got = await c.readBytes(want.length, 20000);
      assert.equal(got.length, want.length);
      assert.ok(got.toString("latin1") === want, "replies out of order or cut");
      // and the connection goes on as before
      assert.equal(await c.call("PING"), "+PONG\r\n");
      assert.equal(await c.call("GET", "n"), "$1\r\n3\r\n");
    });

    test("connections closed with replies going out leave nothing for the next ones", async () => {
      for (let round = 0; round < 20; round++) {
        const a = await client();
        a.socket.pause();
        for (let i = 0; i < 4; i++) a.send(["GET", "big"]);
        await sleep(2);
        a.close();
        // new connections (perhaps on the closed one's fd) see their own replies only
        const bs = await Promise.all(Array.from({ length: 3 }, () => client()));
        for (let i = 0; i < bs.length; i++) {
          const tag = `r${round}.${i}`;
          assert.equal(await bs[i].call("ECHO", tag), `$${tag.length}\r\n${tag}\r\n`);
          assert.equal(bs[i].pending().length, 0);
          bs[i].close();
        }
      }
      const c = await client();
      assert.equal(await c.call("PING"), "+PONG\r\n");
    });

    test("a client that QUITs and closes its socket later leaves the next connections their replies", async () => {
      // QUIT frees the client, and with it the socket's slot, at once; the socket itself goes
      // only when the peer closes its side. Closing it then closed the slot again: another
      // connection's by then, whose replies were dropped from that moment (BullMQ's
      // Queue.close sends QUIT; the next connection hung in ioredis's ready check)
      const other = await client();
      for (let round = 0; round < 3; round++) {
        const quitters: net.Socket[] = [];
        for (let i = 0; i < 4; i++) {
          // half-open allowed: this side stays open after the server's FIN, until end() below
          const q = net.connect({ port: srv.port, host: "127.0.0.1", allowHalfOpen: true });
          await new Promise<void>((res) => q.once("connect", () => res()));
          const ended = new Promise<void>((res) => q.once("end", () => res()));
          q.on("data", () => {});
          q.write("QUIT\r\n");
          await ended;
          quitters.push(q);
        }
        // traffic, so that the connection side hears of the freed slots and reuses them
        assert.equal(await other.call("PING"), "+PONG\r\n");
        const fresh: RespClient[] = [];
        for (let i = 0; i < 4; i++) fresh.push(await client());
        for (const q of quitters) q.end();
        await sleep(50);
        for (const [i, c] of fresh.entries()) {
          assert.equal(await c.call("ECHO", `r${round}c${i}`), `$4\r\nr${round}c${i}\r\n`);
        }
      }
    });

    test("a client killed while a big reply goes out is closed; the others go on", async () => {
      const a = await client();
      const id = parseReply(await a.command(["CLIENT", "ID"])) as number;
      a.socket.pause();
      for (let i = 0; i < 4; i++) a.send(["GET", "big"]);
      await sleep(20);
      const b = await client();
      assert.equal(await b.call("CLIENT", "KILL", "ID", String(id)), ":1\r\n");
      a.socket.resume();
      await a.readUntilClose(10000);
      assert.ok(a.isClosed);
      const c = await client();
      assert.equal(await c.call("ECHO", "after"), "$5\r\nafter\r\n");
      assert.equal(await b.call("PING"), "+PONG\r\n");
    });
  });
}
