// A batch whose replies are bigger than a JS string or a single output message may be: one
// client pipelining 600 GETs of a 1 MB value (600 MB of replies, past V8's longest string,
// ~512 MB) and three clients pipelining 30 each at once. The executor joins a client's replies
// in pieces and sends the clients in several messages (server/worker/session.ts flush); before,
// joining them threw and took the executor thread, and the server, down. Run with the executor
// inline and on its own thread. And requests the other way: six clients' 16 MB SETs at once.

import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { constants } from "node:buffer";
import net from "node:net";
import { startServer, type RedluaServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { ThreadLink } from "../../server/worker/link.js";
import { encodeRequest } from "../../server/worker/wire.js";
import { RespClient } from "../support/resp-client.js";

configureLog({ silent: true });

const MB = 1024 * 1024;
const VALUE = "v".repeat(MB - 7) + "*end*\r\n".slice(0, 7);
const REPLY_LEN = `$${VALUE.length}\r\n`.length + VALUE.length + 2;

/** Sends `count` GETs of `key` in one write; resolves with the bytes of replies received and whether each was the value. */
function pipelinedGets(port: number, key: string, count: number): Promise<{ bytes: number; ok: boolean }> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, "127.0.0.1");
    const want = count * REPLY_LEN;
    const header = Buffer.from(`$${VALUE.length}\r\n`, "latin1");
    let got = 0;
    let ok = true;
    // each reply starts at a multiple of REPLY_LEN: check its header and its last bytes
    s.on("data", (d: Buffer) => {
      for (let i = 0; i < d.length; i++) {
        const at = (got + i) % REPLY_LEN;
        if (at < header.length) {
          if (d[i] !== header[at]) ok = false;
        } else if (at >= REPLY_LEN - 9) {
          const k = at - header.length;
          const expect = k < VALUE.length ? VALUE.charCodeAt(k) : k === VALUE.length ? 13 : 10;
          if (d[i] !== expect) ok = false;
        }
      }
      got += d.length;
      if (got >= want) {
        s.destroy();
        resolve({ bytes: got, ok });
      }
    });
    s.on("error", reject);
    // a server that went down closes the connection before the replies are all there
    s.on("close", () => reject(new Error(`connection closed after ${got} of ${want} bytes`)));
    const get = encodeRequest(["GET", key]);
    s.write(Buffer.concat(Array.from({ length: count }, () => get)));
  });
}

for (const executor of ["inline", "thread"] as const) {
  describe(`executor ${executor}`, () => {
    let srv: RedluaServer;

    before(async () => {
      srv = await startServer({ executor, config: { save: "", appendonly: "no" } });
      const c = await RespClient.connect(srv.port);
      assert.equal(await c.call("SET", "big", VALUE), "+OK\r\n");
      c.close();
    });

    after(async () => {
      await srv.close();
    });

    test(
      "600 MB of replies to one pipeline arrive whole, and the server stays up",
      { timeout: 120_000 },
      async () => {
        const r = await pipelinedGets(srv.port, "big", 600);
        assert.equal(r.bytes, 600 * REPLY_LEN);
        assert.ok(r.ok);
        const c = await RespClient.connect(srv.port);
        assert.equal(await c.call("PING"), "+PONG\r\n");
        c.close();
      },
    );

    test("six clients' 16 MB requests at once are all taken whole", { timeout: 60_000 }, async () => {
      // more than a batch takes before it is sent on (server/worker/link.ts BATCH_SPILL_BYTES;
      // 0 here, so that whatever the timing of the reads each request is sent on before the
      // next one is added)
      if (srv.link instanceof ThreadLink) srv.link.batchSpillBytes = 0;
      const size = 16 * MB;
      const cs = await Promise.all([0, 1, 2, 3, 4, 5].map(() => RespClient.connect(srv.port)));
      const values = cs.map((_, i) => String.fromCharCode(97 + i).repeat(size - 1) + String(i));
      cs.forEach((c, i) => c.send(["SET", `in:${i}`, values[i], "GET"]));
      for (const c of cs) assert.equal((await c.readString(30_000)).slice(0, 4), "$-1\r");
      const c = cs[0];
      for (let i = 0; i < cs.length; i++) {
        assert.equal(await c.call("STRLEN", `in:${i}`), `:${size}\r\n`);
        assert.equal(
          await c.call("GETRANGE", `in:${i}`, String(size - 3), "-1"),
          `$3\r\n${values[i].slice(-3)}\r\n`,
        );
      }
      for (const x of cs) x.close();
    });

    test("a bulk longer than V8's longest string is refused as an invalid bulk length", async () => {
      // Redis takes up to proto-max-bulk-len (512 MB); a JS string holds 2^29-24 chars
      const c = await RespClient.connect(srv.port);
      c.sendRaw(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${constants.MAX_STRING_LENGTH + 1}\r\n`);
      assert.equal((await c.readUntilClose()).toString(), "-ERR Protocol error: invalid bulk length\r\n");
      const d = await RespClient.connect(srv.port);
      assert.equal(await d.call("PING"), "+PONG\r\n");
      d.close();
    });

    test("three clients' 30 MB each at once arrive whole", { timeout: 60_000 }, async () => {
      const rs = await Promise.all([0, 1, 2].map(() => pipelinedGets(srv.port, "big", 30)));
      for (const r of rs) {
        assert.equal(r.bytes, 30 * REPLY_LEN);
        assert.ok(r.ok);
      }
    });
  });
}
