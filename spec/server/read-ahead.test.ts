// The executor thread reading clients' next requests itself (Session.readAhead) while the
// connection thread sleeps in its handoff wait. Unit checks of one pass over a real socket:
// which reads it takes (whole multibulk requests, decoded as the connection side decodes
// them) and which it gives back to that side's decoder, what it leaves, and that the count of requests it
// took is published before they run (the connection side counts them as pending from then on:
// a client whose script turns busy must not be answered -BUSY by that side). Then clients
// sending one request at a time to a server with the executor thread, with inline requests,
// requests split across writes, big arguments and protocol errors among them, all answered in
// order.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { Executor } from "../../server/executor.js";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { ControlBlock } from "../../server/worker/control.js";
import { readOutput } from "../../server/worker/link.js";
import { Session } from "../../server/worker/session.js";
import { BatchWriter, encodeRequest, OUT_STRIDE, PEER } from "../../server/worker/wire.js";
import { RespClient } from "../support/resp-client.js";

configureLog({ silent: true });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A session as the executor thread runs it, its output kept, and a socket pair to read. */
async function harness() {
  const ctl = new ControlBlock();
  const published: Buffer[] = [];
  const session = new Session(new Executor(), ctl, {
    reserve: (n) => [Buffer.alloc(n), 0],
    publish: (buf) => published.push(buf),
    slots: ctl.slots,
    shutdown: () => {},
  });
  // the server side of a connection, never read by Node (its fd is the executor's to read)
  const server = net.createServer({ pauseOnConnect: true });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const accepted = new Promise<net.Socket>((r) => server.once("connection", r));
  const client = net.connect((server.address() as net.AddressInfo).port, "127.0.0.1");
  const socket = await accepted;
  const fd = (socket as unknown as { _handle: { fd: number } })._handle.fd;
  let received = "";
  client.on("data", (d: Buffer) => (received += d.toString("latin1")));
  const SLOT = 0;
  const ID = 1;
  ctl.slots.open(SLOT, fd);
  ctl.slots.setReadable(SLOT, true);
  session.open(ID, SLOT, "127.0.0.1:1", "127.0.0.1:2");

  /** Runs `argv` as the connection side would send it: its reply goes to the socket. */
  const run = (argv: string[]) => {
    const b = new BatchWriter();
    const frame = encodeRequest(argv);
    b.frames(ID, frame, 0, frame.length, 1, 0);
    b.finish(0, 0, 0);
    session.handleInput(b.buf, 0, b.len, () => Buffer.alloc(0));
  };
  /** The records of the output published since the last call: [id, done, flags, length, taken, bytes]. */
  const output = () => {
    const recs: [number, number, number, number, number, string][] = [];
    for (const buf of published.splice(0)) {
      const o = readOutput(buf, 0);
      let at = o.start;
      for (let i = 0; i < o.out.length; i += OUT_STRIDE) {
        const n = o.out[i + 3];
        const [id, done, flags, len, taken] = o.out.slice(i, i + OUT_STRIDE);
        recs.push([id, done, flags, len, taken, buf.toString("latin1", at, at + n)]);
        at += n;
      }
    }
    return recs;
  };
  const waitFor = async (s: string) => {
    for (let i = 0; i < 200 && !received.endsWith(s); i++) await sleep(5);
    assert.ok(received.endsWith(s), `received ${JSON.stringify(received)}`);
  };
  const close = () => {
    client.destroy();
    socket.destroy();
    server.close();
  };
  /** The client gets `reply` to `argv` (a candidate for readAhead now), then sends `next`. */
  const answerThenSend = async (argv: string[], reply: string, next: string) => {
    run(argv);
    await waitFor(reply);
    output();
    if (next !== "") client.write(next);
    await sleep(30);
  };
  /** One readAhead pass, granted: what it returned. */
  const pass = () => {
    ctl.grantReads();
    const r = session.readAhead();
    ctl.revokeReads();
    return r;
  };
  return {
    ctl,
    session,
    client,
    run,
    output,
    waitFor,
    close,
    answerThenSend,
    pass,
    SLOT,
    ID,
  };
}

/** A test body run against a fresh harness, closed afterwards. */
function withHarness(f: (h: Awaited<ReturnType<typeof harness>>) => Promise<void>): () => Promise<void> {
  return async () => {
    const h = await harness();
    try {
      await f(h);
    } finally {
      h.close();
    }
  };
}

describe("Session.readAhead", () => {
  // what one read holds, and the requests taken from it (-1: the read is given back whole)
  const cases: [string, string, number][] = [
    ["one request", "*1\r\n$4\r\nPING\r\n", 1],
    ["two requests", "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*1\r\n$4\r\nPING\r\n", 2],
    ["an empty argument", "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n", 1],
    ["binary data with CRLF inside", "*2\r\n$4\r\nECHO\r\n$4\r\na\r\nb\r\n", 1],
    ["an empty multibulk, skipped as Redis skips it", "*0\r\n", 0],
    ["a negative count, skipped as Redis skips it", "*-1\r\n", 0],
    ["data followed by two bytes Redis does not look at", "*1\r\n$4\r\nPINGxx", 1],
    ["a request cut in its data", "*2\r\n$4\r\nECHO\r\n$4\r\nab", -1],
    ["a request cut in a length line", "*2\r\n$4\r\nECHO\r\n$", -1],
    ["a request cut after its count", "*2\r\n", -1],
    ["a whole request and a cut one", "*1\r\n$4\r\nPING\r\n*1\r\n$4", -1],
    ["an inline request", "PING\r\n", -1],
    ["a whole request and an inline one", "*1\r\n$4\r\nPING\r\nPING\r\n", -1],
    ["a count with a leading zero", "*01\r\n$4\r\nPING\r\n", -1],
    ["a length with a leading zero", "*1\r\n$04\r\nPING\r\n", -1],
    ["a count past 1024 * 1024", "*1048577\r\n", -1],
    ["a missing dollar", "*1\r\n:4\r\nPING\r\n", -1],
    ["a count line ended by LF alone", "*1\n$4\r\nPING\r\n", -1],
  ];
  for (const [name, input, want] of cases) {
    test(
      `a read of ${name}`,
      withHarness(async (h) => {
        await h.answerThenSend(["PING"], "+PONG\r\n", input);
        assert.equal(h.pass(), want > 0);
        const flags = PEER.authed | PEER.plain;
        assert.deepEqual(h.output(), [
          want >= 0 ? [h.ID, 0, flags, 0, want, ""] : [h.ID, 0, flags | PEER.input, input.length, 0, input],
        ]);
        assert.equal(h.ctl.slots.mayRead(h.SLOT), want >= 0);
      }),
    );
  }

  test(
    "takes the next whole requests of a client just answered, and says so before running them",
    withHarness(async (h) => {
      await h.answerThenSend(
        ["SET", "k", "v"],
        "+OK\r\n",
        "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*1\r\n$4\r\nPING\r\n",
      );
      assert.equal(h.pass(), true);
      // published before they run: two requests taken, nothing done yet
      assert.deepEqual(h.output(), [[h.ID, 0, PEER.authed | PEER.plain, 0, 2, ""]]);
      h.session.runQueued();
      await h.waitFor("$1\r\nv\r\n+PONG\r\n");
      // then their completion, as for any request
      const recs = h.output();
      assert.equal(recs.length, 1);
      assert.deepEqual(recs[0].slice(0, 2), [h.ID, 2]);
      assert.equal(recs[0][4], 0);
    }),
  );

  test(
    "gives back what is not whole requests, and leaves the socket to the connection side",
    withHarness(async (h) => {
      const cut = "*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nEC";
      await h.answerThenSend(["PING"], "+PONG\r\n", cut);
      assert.equal(h.pass(), false);
      assert.deepEqual(h.output(), [[h.ID, 0, PEER.authed | PEER.plain | PEER.input, cut.length, 0, cut]]);
      assert.equal(h.ctl.slots.mayRead(h.SLOT), false);
      // an inline request too
      h.ctl.slots.setReadable(h.SLOT, true);
      await h.answerThenSend(["PING"], "+PONG\r\n+PONG\r\n", "PING\r\n");
      assert.equal(h.pass(), false);
      assert.deepEqual(h.output(), [[h.ID, 0, PEER.authed | PEER.plain | PEER.input, 6, 0, "PING\r\n"]]);
    }),
  );

  test(
    "reads nothing unless granted and readable, and keeps a client with nothing yet for the next pass",
    withHarness(async (h) => {
      const ping = "*1\r\n$4\r\nPING\r\n";
      // nothing sent yet: an empty read; the client stays a candidate and is read next time
      await h.answerThenSend(["PING"], "+PONG\r\n", "");
      assert.equal(h.pass(), false);
      assert.deepEqual(h.output(), []);
      h.client.write(ping);
      await sleep(30);
      assert.equal(h.pass(), true);
      assert.equal(h.output()[0][4], 1);
      h.session.runQueued();
      await h.waitFor("+PONG\r\n+PONG\r\n");
      h.output();
      // not granted: the connection thread reads
      h.client.write(ping);
      await sleep(30);
      assert.equal(h.session.readAhead(), false);
      // granted but not readable (the decoder holds part of a request): left alone
      h.run(["PING"]);
      h.output();
      h.ctl.slots.setReadable(h.SLOT, false);
      assert.equal(h.pass(), false);
      h.ctl.slots.setReadable(h.SLOT, true);
      h.run(["PING"]);
      h.output();
      assert.equal(h.pass(), true);
      assert.equal(h.output()[0][4], 1);
    }),
  );

  test(
    "a batch sent before the grant and not yet taken goes first: nothing is read",
    withHarness(async (h) => {
      await h.answerThenSend(["PING"], "+PONG\r\n", "*1\r\n$4\r\nPING\r\n");
      const ring = h.ctl.input;
      const at = ring.reserve(4);
      ring.bytes.writeUInt32LE(0, at);
      ring.publish();
      h.ctl.grantReads();
      assert.equal(h.session.readAhead(), false);
      assert.deepEqual(h.output(), []);
      // once the batch is taken, the client (still a candidate) is read
      ring.next();
      ring.release();
      assert.equal(h.session.readAhead(), true);
      h.ctl.revokeReads();
      assert.equal(h.output()[0][4], 1);
    }),
  );

  test(
    "the end of the stream leaves the socket to the connection side",
    withHarness(async (h) => {
      await h.answerThenSend(["PING"], "+PONG\r\n", "");
      h.client.end();
      await sleep(30);
      assert.equal(h.pass(), false);
      assert.deepEqual(h.output(), []);
      assert.equal(h.ctl.slots.mayRead(h.SLOT), false);
    }),
  );

  test(
    "a client that is not authenticated (RESET with requirepass set) is left to the connection side",
    withHarness(async (h) => {
      const ping = "*1\r\n$4\r\nPING\r\n";
      await h.answerThenSend(["CONFIG", "SET", "requirepass", "pw"], "+OK\r\n", "");
      await h.answerThenSend(["RESET"], "+RESET\r\n", ping);
      assert.equal(h.pass(), false);
      assert.deepEqual(h.output(), []);
      await h.answerThenSend(["AUTH", "pw"], "+OK\r\n", "");
      assert.equal(h.pass(), true);
      assert.equal(h.output()[0][4], 1);
    }),
  );
});

describe("clients sending one request at a time (executor thread)", () => {
  test("every reply arrives, in order, whatever reads the requests", async () => {
    const srv = await startServer({ executor: "thread", config: { save: "", appendonly: "no" } });
    try {
      const CLIENTS = 40;
      const ROUNDS = 150;
      const big = "b".repeat(100 * 1024);
      const work = async (k: number) => {
        const c = await RespClient.connect(srv.port);
        try {
          let incrs = 0;
          for (let i = 0; i < ROUNDS; i++) {
            const key = `c${k}`;
            switch ((k + i) % 7) {
              case 0:
                assert.equal(await c.call("INCR", key), `:${++incrs}\r\n`);
                break;
              case 1: {
                // an inline request
                c.socket.write(`ECHO inline-${k}-${i}\r\n`);
                const want = `$${`inline-${k}-${i}`.length}\r\ninline-${k}-${i}\r\n`;
                assert.equal((await c.readBytes(want.length, 10000)).toString("latin1"), want);
                break;
              }
              case 2: {
                // a request split across two writes
                const frame = encodeRequest(["ECHO", `split-${i}`]);
                c.socket.write(frame.subarray(0, 9));
                await sleep(1);
                c.socket.write(frame.subarray(9));
                const want = `$${`split-${i}`.length}\r\nsplit-${i}\r\n`;
                assert.equal((await c.readBytes(want.length, 10000)).toString("latin1"), want);
                break;
              }
              case 3:
                if (k % 5 === 0) {
                  assert.equal(await c.call("SET", `big${k}`, big), "+OK\r\n");
                  assert.equal(await c.call("STRLEN", `big${k}`), `:${big.length}\r\n`);
                } else assert.equal(await c.call("PING"), "+PONG\r\n");
                break;
              default:
                assert.equal(await c.call("ECHO", `m${k}.${i}`), `$${`m${k}.${i}`.length}\r\nm${k}.${i}\r\n`);
            }
          }
          if (k % 8 === 0) {
            // a protocol error after all that: its error, then the connection closes
            c.socket.write("*1\r\n$x\r\n");
            const got = (await c.readBytes(1, 10000)).toString("latin1");
            assert.match(got, /^-/);
          }
        } finally {
          c.close();
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, k) => work(k)));
      const c = await RespClient.connect(srv.port);
      try {
        for (let k = 0; k < CLIENTS; k++) {
          const incrs = Array.from({ length: ROUNDS }, (_, i) => i).filter((i) => (k + i) % 7 === 0).length;
          assert.equal(await c.call("GET", `c${k}`), `$${String(incrs).length}\r\n${incrs}\r\n`);
        }
      } finally {
        c.close();
      }
    } finally {
      await srv.close();
    }
  });
});
