// A bounded soak: 200 connections pipelining mixed commands (SET GET INCR DEL MSET MGET EXISTS
// EXPIRE MULTI/EXEC) for about two seconds. Every reply must arrive, counters must add up, and
// the heap must not keep what the traffic allocated.

import { test } from "node:test";
import v8 from "node:v8";
import vm from "node:vm";
import assert from "node:assert/strict";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { encodeCommand, RespClient, replyEnd } from "../support/resp-client.js";

configureLog({ silent: true });

/** A full GC, so heap figures compare live data rather than garbage not yet collected. */
function collect(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

const CLIENTS = 200;
const BATCH = 32;
const DURATION_MS = 2000;

test("200 pipelining clients: every reply accounted for, keyspace consistent, memory flat", async (t) => {
  const srv = await startServer({ config: { save: "" } });
  try {
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => RespClient.connect(srv.port)));
    const incrs = new Array<number>(CLIENTS).fill(0);
    const deadline = Date.now() + DURATION_MS;
    let sent = 0;
    let received = 0;
    await Promise.all(
      clients.map(async (c, id) => {
        let round = 0;
        while (Date.now() < deadline) {
          const cmds: string[][] = [];
          for (let i = 0; i < BATCH; i++) {
            const k = `soak:${id}:${(round * BATCH + i) % 50}`;
            switch (i % 8) {
              case 0:
                cmds.push(["SET", k, "x".repeat(i * 4)]);
                break;
              case 1:
                cmds.push(["GET", k]);
                break;
              case 2:
                cmds.push(["INCR", `soak:counter:${id}`]);
                incrs[id]++;
                break;
              case 3:
                cmds.push(["MSET", `${k}:a`, "1", `${k}:b`, "2"]);
                break;
              case 4:
                cmds.push(["MGET", `${k}:a`, `${k}:b`, "nosuch"]);
                break;
              case 5:
                cmds.push(["EXPIRE", `${k}:a`, "100"]);
                break;
              case 6:
                cmds.push(["DEL", `${k}:b`]);
                break;
              default:
                cmds.push(["EXISTS", k]);
            }
          }
          c.sendRaw(Buffer.concat(cmds.map((a) => encodeCommand(a))));
          sent += cmds.length;
          for (let i = 0; i < cmds.length; i++) {
            const r = await c.read(10000);
            assert.ok(replyEnd(r, 0) === r.length && r[0] !== 0x2d /* - */, r.toString("latin1"));
            received++;
          }
          round++;
        }
        c.send(["MULTI"]);
        c.send(["INCR", `soak:counter:${id}`]);
        c.send(["GET", `soak:counter:${id}`]);
        c.send(["EXEC"]);
        incrs[id]++;
        assert.equal((await c.read()).toString(), "+OK\r\n");
        assert.equal((await c.read()).toString(), "+QUEUED\r\n");
        assert.equal((await c.read()).toString(), "+QUEUED\r\n");
        const exec = (await c.read()).toString();
        assert.equal(exec, `*2\r\n:${incrs[id]}\r\n$${String(incrs[id]).length}\r\n${incrs[id]}\r\n`);
      }),
    );
    assert.equal(received, sent);
    t.diagnostic(`${sent} commands from ${CLIENTS} clients`);
    assert.ok(sent > CLIENTS * BATCH, `only ${sent} commands`);
    const check = clients[0];
    for (let id = 0; id < CLIENTS; id += 37) {
      assert.equal((await check.call("GET", `soak:counter:${id}`)).split("\r\n")[1], String(incrs[id]));
    }
    for (const c of clients) c.close();
    // Memory: the keyspace is bounded (≤ 151 small keys per client); everything else the
    // traffic allocated must be collectable once the clients are gone.
    await new Promise((r) => setTimeout(r, 200));
    collect();
    const grown = process.memoryUsage().heapUsed - heapBefore;
    assert.ok(grown < 24 * 1024 * 1024, `heap grew by ${grown} bytes`);
    let keys = 0;
    for (const db of srv.ex.dbs) keys += db.size;
    assert.ok(keys <= CLIENTS * 151, `${keys} keys`);
  } finally {
    await srv.close();
  }
});
