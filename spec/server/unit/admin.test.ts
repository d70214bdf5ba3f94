// MONITOR, DEBUG, persistence and replication commands where a recording can't be compared byte
// for byte: MONITOR lines' time and address, flag O, delivery from the executor thread; DEBUG
// SLEEP stopping the server; enable-debug-command "local"; what redlua refuses (replication,
// SAVE/BGSAVE/BGREWRITEAOF: no persistence), which the reference would carry out.

import { test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../../../server/index.js";
import { configureLog } from "../../../server/log.js";
import { RespClient } from "../../support/resp-client.js";

configureLog({ silent: true });

for (const executor of ["inline", "thread"] as const) {
  test(`MONITOR lines carry the time, db and client address; flag O until RESET (${executor})`, async () => {
    const srv = await startServer({ config: { save: "" }, executor });
    const m = await RespClient.connect(srv.port);
    const c = await RespClient.connect(srv.port);
    try {
      assert.equal(await m.call("MONITOR"), "+OK\r\n");
      const before = Date.now() / 1000;
      assert.equal(await c.call("SELECT", "5"), "+OK\r\n");
      assert.equal(await c.call("SET", "a", "b c"), "+OK\r\n");
      const after = Date.now() / 1000;
      const port = c.socket.localPort;
      for (const [db, args] of [
        [5, '"SELECT" "5"'],
        [5, '"SET" "a" "b c"'],
      ] as const) {
        const line = await m.readString();
        const r = /^\+(\d+)\.(\d{6}) \[(\d+) 127\.0\.0\.1:(\d+)\] (.*)\r\n$/.exec(line);
        assert.ok(r, line);
        const t = Number(`${r[1]}.${r[2]}`);
        assert.ok(t >= before - 0.01 && t <= after + 0.01, `${t} within [${before}, ${after}]`);
        assert.equal(Number(r[3]), db);
        assert.equal(Number(r[4]), port);
        assert.equal(r[5], args);
      }
      const list = await c.call("CLIENT", "LIST");
      const mine = list.split("\n").find((l) => l.includes(`:${m.socket.localPort} `));
      assert.match(mine ?? "", / flags=O /);
      assert.equal(await m.call("RESET"), "+RESET\r\n");
      const again = await c.call("CLIENT", "LIST");
      assert.match(again.split("\n").find((l) => l.includes(`:${m.socket.localPort} `)) ?? "", / flags=N /);
      // no longer a monitor: no line for this command, and keyspace commands work again
      assert.equal(await c.call("SET", "x", "1"), "+OK\r\n");
      assert.equal(await m.call("GET", "a"), "$-1\r\n");
    } finally {
      m.close();
      c.close();
      await srv.close();
    }
  });
}

test("DEBUG SLEEP stops the server: another client's PING waits (executor thread)", async () => {
  const srv = await startServer({ config: { save: "", "enable-debug-command": "yes" }, executor: "thread" });
  const a = await RespClient.connect(srv.port);
  const b = await RespClient.connect(srv.port);
  try {
    const start = performance.now();
    a.send(["DEBUG", "SLEEP", "0.3"]);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(await b.call("PING"), "+PONG\r\n");
    const waited = performance.now() - start;
    assert.ok(waited >= 280, `PING answered after ${waited} ms`);
    assert.equal(await a.readString(), "+OK\r\n");
  } finally {
    a.close();
    b.close();
    await srv.close();
  }
});

test('enable-debug-command "local" allows loopback clients', async () => {
  const srv = await startServer({ config: { save: "", "enable-debug-command": "local" } });
  const c = await RespClient.connect(srv.port);
  try {
    assert.equal(await c.call("DEBUG", "SLEEP", "0"), "+OK\r\n");
  } finally {
    c.close();
    await srv.close();
  }
});

test("no persistence and no replication: clear errors; LASTSAVE is the start-up time", async () => {
  const srv = await startServer({ config: { save: "" } });
  const c = await RespClient.connect(srv.port);
  try {
    const noPersist = (what: string) =>
      `-ERR ${what} is not supported: redlua does not persist data (no RDB or AOF)\r\n`;
    assert.equal(await c.call("SAVE"), noPersist("SAVE"));
    assert.equal(await c.call("BGSAVE"), noPersist("BGSAVE"));
    assert.equal(await c.call("BGSAVE", "SCHEDULE"), noPersist("BGSAVE"));
    assert.equal(await c.call("BGREWRITEAOF"), noPersist("BGREWRITEAOF"));
    const noRepl = "-ERR Replication is not supported: redlua is a standalone master\r\n";
    assert.equal(await c.call("REPLICAOF", "127.0.0.1", "6379"), noRepl);
    assert.equal(await c.call("SLAVEOF", "localhost", "0"), noRepl);
    assert.equal(await c.call("SYNC"), noRepl);
    assert.equal(await c.call("PSYNC", "?", "-1"), noRepl);
    assert.equal(await c.call("REPLICAOF", "NO", "ONE"), "+OK\r\n");
    assert.match(await c.call("INFO", "replication"), /role:master\r\nconnected_slaves:0\r\n/);
    const last = Number((await c.call("LASTSAVE")).slice(1));
    assert.equal(last, srv.ex.lastSave);
    assert.ok(last <= Date.now() / 1000 && last > Date.now() / 1000 - 600);
    // a monitor is a replica: SYNC is ignored, REPLICAOF host port refused
    assert.equal(await c.call("MONITOR"), "+OK\r\n");
    assert.equal(
      await c.call("REPLICAOF", "h", "1"),
      "-ERR Command is not valid when client is a replica.\r\n",
    );
    c.send(["SYNC"]);
    assert.equal(await c.call("ECHO", "x"), "$1\r\nx\r\n");
  } finally {
    c.close();
    await srv.close();
  }
});
