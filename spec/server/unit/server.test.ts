// Structural checks of redlua over a real socket for replies that can't be compared byte for
// byte with a recording: TIME, INFO, CLIENT LIST/INFO/ID/KILL, RANDOMKEY, SCAN over many pages,
// OBJECT IDLETIME, PTTL, active expiry, requirepass, pipelining, SHUTDOWN.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, type RedluaServer } from "../../../server/index.js";
import { configureLog } from "../../../server/log.js";
import { parseReply, RespClient, type RespValue } from "../../support/resp-client.js";

configureLog({ silent: true });
let srv: RedluaServer;
let c: RespClient;

before(async () => {
  srv = await startServer({ config: { save: "" } });
  c = await RespClient.connect(srv.port);
});
after(async () => {
  c.close();
  await srv.close();
});

async function call(...args: string[]): Promise<RespValue> {
  return parseReply(await c.command(args));
}

test("TIME answers seconds and microseconds near now", async () => {
  const r = (await call("TIME")) as string[];
  assert.equal(r.length, 2);
  assert.match(r[0], /^\d+$/);
  assert.match(r[1], /^\d{1,6}$/);
  assert.ok(Math.abs(Number(r[0]) - Date.now() / 1000) < 5);
});

test("INFO has the fields clients parse", async () => {
  await call("FLUSHALL");
  await call("SET", "x", "1");
  const text = (await call("INFO")) as string;
  for (const f of [
    "redis_version:7.0.15",
    "redis_mode:standalone",
    "loading:0",
    "connected_clients:",
    "used_memory:",
    "role:master",
    "db0:keys=1,expires=0",
  ]) {
    assert.ok(text.includes(f), f);
  }
  assert.match(text, /^# Server\r\n/);
  assert.ok(text.includes(`tcp_port:${srv.port}\r\n`));
  assert.ok(text.includes(`process_id:${process.pid}\r\n`));
  const stats = (await call("INFO", "stats")) as string;
  assert.match(stats, /^# Stats\r\ntotal_connections_received:\d+/);
  assert.ok(!stats.includes("# Server"));
  const all = (await call("INFO", "all")) as string;
  assert.ok(all.includes("# Commandstats") && all.includes("cmdstat_set:calls="));
});

test("CLIENT ID / INFO / LIST / SETNAME / KILL", async () => {
  const id = (await call("CLIENT", "ID")) as number;
  assert.equal(typeof id, "number");
  await call("CLIENT", "SETNAME", "worker-1");
  const info = (await call("CLIENT", "INFO")) as string;
  assert.match(
    info,
    new RegExp(
      `^id=${id} addr=127\\.0\\.0\\.1:\\d+ laddr=127\\.0\\.0\\.1:${srv.port} fd=\\d+ name=worker-1 age=\\d+ idle=\\d+ flags=N db=0 .* cmd=client\\|info user=default redir=-1 resp=2\\n$`,
    ),
  );
  const other = await RespClient.connect(srv.port);
  await other.call("CLIENT", "SETNAME", "victim");
  const list = (await call("CLIENT", "LIST")) as string;
  assert.equal(list.split("\n").filter(Boolean).length, 2);
  assert.ok(list.includes("name=victim"));
  const otherId = parseReply(await other.command(["CLIENT", "ID"])) as number;
  assert.equal(await call("CLIENT", "KILL", "ID", String(otherId)), 1);
  await other.closed;
  assert.ok(other.isClosed);
  const list2 = (await call("CLIENT", "LIST")) as string;
  assert.equal(list2.split("\n").filter(Boolean).length, 1);
  // Old form kills by address and answers OK; it may kill the caller itself.
  const self = await RespClient.connect(srv.port);
  const addr = /addr=(\S+)/.exec(parseReply(await self.command(["CLIENT", "INFO"])) as string)![1];
  assert.equal(await self.call("CLIENT", "KILL", addr), "+OK\r\n");
  await self.closed;
});

test("RANDOMKEY returns existing keys", async () => {
  await call("FLUSHALL");
  assert.equal(await call("RANDOMKEY"), null);
  for (let i = 0; i < 20; i++) await call("SET", `k${i}`, "v");
  const seen = new Set<string>();
  for (let i = 0; i < 50; i++) seen.add((await call("RANDOMKEY")) as string);
  for (const k of seen) assert.match(k, /^k\d+$/);
  assert.ok(seen.size > 3);
});

test("SCAN visits every key exactly once over many pages, with MATCH, COUNT, TYPE", async () => {
  await call("FLUSHALL");
  const n = 1000;
  c.sendRaw(Array.from({ length: n }, (_, i) => `SET key:${i} ${i}\r\n`).join(""));
  for (let i = 0; i < n; i++) await c.read();
  const seen = new Map<string, number>();
  let cursor = "0";
  let pages = 0;
  do {
    const [next, keys] = (await call("SCAN", cursor, "COUNT", "37")) as [string, string[]];
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    cursor = next;
    pages++;
  } while (cursor !== "0");
  assert.equal(seen.size, n);
  assert.ok([...seen.values()].every((x) => x === 1));
  assert.ok(pages > 10);
  let matched = 0;
  cursor = "0";
  do {
    const [next, keys] = (await call("SCAN", cursor, "MATCH", "key:1?", "COUNT", "100")) as [
      string,
      string[],
    ];
    matched += keys.length;
    cursor = next;
  } while (cursor !== "0");
  assert.equal(matched, 10);
  const [, strs] = (await call("SCAN", "0", "COUNT", "5000", "TYPE", "string")) as [string, string[]];
  assert.equal(strs.length, n);
  const [, none] = (await call("SCAN", "0", "COUNT", "5000", "TYPE", "hash")) as [string, string[]];
  assert.equal(none.length, 0);
  assert.deepEqual(await call("SCAN", "abc"), { error: "ERR invalid cursor" });
  assert.deepEqual(await call("SCAN", "0", "COUNT", "0"), { error: "ERR syntax error" });
});

test("OBJECT IDLETIME and PTTL", async () => {
  await call("SET", "idle", "v");
  assert.equal(await call("OBJECT", "IDLETIME", "idle"), 0);
  await call("PEXPIRE", "idle", "10000");
  const pttl = (await call("PTTL", "idle")) as number;
  assert.ok(pttl > 9000 && pttl <= 10000);
});

test("active expiry removes keys nobody reads", async () => {
  await call("FLUSHALL");
  for (let i = 0; i < 200; i++) await call("SET", `e${i}`, "v", "PX", "20");
  await new Promise((r) => setTimeout(r, 600));
  const info = (await call("INFO", "keyspace")) as string;
  assert.ok(!info.includes("db0:"), info);
  const stats = (await call("INFO", "stats")) as string;
  assert.match(stats, /expired_keys:([2-9]\d\d|\d{4,})/);
});

test("a deep pipeline gets every reply in order", async () => {
  const n = 5000;
  let wire = "";
  for (let i = 0; i < n; i++) wire += `*2\r\n$4\r\nECHO\r\n$${String(i).length}\r\n${i}\r\n`;
  c.sendRaw(wire);
  for (let i = 0; i < n; i++)
    assert.equal((await c.read()).toString("latin1"), `$${String(i).length}\r\n${i}\r\n`);
});

test("requirepass: NOAUTH until AUTH, HELLO AUTH, limits before auth", async () => {
  const s2 = await startServer({ config: { requirepass: "secret" } });
  try {
    const a = await RespClient.connect(s2.port);
    assert.equal(await a.call("GET", "x"), "-NOAUTH Authentication required.\r\n");
    assert.equal(
      await a.call("AUTH", "wrong"),
      "-WRONGPASS invalid username-password pair or user is disabled.\r\n",
    );
    assert.equal(await a.call("AUTH", "secret"), "+OK\r\n");
    assert.equal(await a.call("GET", "x"), "$-1\r\n");
    const h = await RespClient.connect(s2.port);
    assert.match(await h.call("HELLO", "3"), /^-NOAUTH HELLO must be called/);
    assert.match(await h.call("HELLO", "3", "AUTH", "default", "secret"), /^%7\r\n/);
    const big = await RespClient.connect(s2.port);
    big.sendRaw("*11\r\n");
    assert.equal(
      (await big.readUntilClose()).toString(),
      "-ERR Protocol error: unauthenticated multibulk length\r\n",
    );
    a.close();
    h.close();
  } finally {
    await s2.close();
  }
});

test("maxmemory: denyoom commands get OOM", async () => {
  const s3 = await startServer({ config: { maxmemory: "1mb" } });
  try {
    const a = await RespClient.connect(s3.port);
    s3.ex.usedMemory = 2 * 1024 * 1024;
    assert.equal(
      await a.call("SET", "x", "1"),
      "-OOM command not allowed when used memory > 'maxmemory'.\r\n",
    );
    assert.equal(await a.call("GET", "x"), "$-1\r\n");
    assert.equal(await a.call("DEL", "x"), ":0\r\n");
    a.close();
  } finally {
    await s3.close();
  }
});

test("SHUTDOWN closes the server", async () => {
  const s4 = await startServer();
  const a = await RespClient.connect(s4.port);
  let done = false;
  s4.whenShutdown(() => (done = true));
  a.send(["SHUTDOWN", "NOSAVE"]);
  await a.closed;
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(done);
});

test("a client that half-closes after a pipeline still gets every reply", async () => {
  const { default: net } = await import("node:net");
  const sock = net.connect(srv.port, "127.0.0.1");
  let out = "";
  sock.on("data", (d) => (out += d.toString("latin1")));
  await new Promise<void>((resolve) => sock.on("connect", () => resolve()));
  sock.end("PING\r\n".repeat(20000));
  await new Promise<void>((resolve) => sock.on("close", () => resolve()));
  assert.equal(out, "+PONG\r\n".repeat(20000));
});

test("INFO commandstats and latencystats time the commands; CONFIG RESETSTAT clears them", async () => {
  await call("CONFIG", "RESETSTAT");
  await call("DEBUG", "SLEEP", "0").catch(() => undefined);
  await call("EVAL", "local s = 0 for i = 1, 200000 do s = s + i end return s", "0");
  await call("SET", "timed", "1");
  const stats = (await call("INFO", "commandstats")) as string;
  // counted once run: this INFO is not in its own output, CONFIG RESETSTAT is
  assert.ok(!stats.includes("cmdstat_info:"));
  assert.match(stats, /cmdstat_config\|resetstat:calls=1,/);
  const m = /cmdstat_eval:calls=1,usec=(\d+),usec_per_call=(\d+\.\d\d),/.exec(stats);
  assert.ok(m, stats);
  assert.ok(Number(m[1]) > 100, `a 200,000-iteration loop took ${m[1]} µs`);
  assert.ok(Math.abs(Number(m[2]) - Number(m[1])) < 1.01);
  const lat = (await call("INFO", "latencystats")) as string;
  assert.match(lat, /^# Latencystats\r\n/);
  const line = /latency_percentiles_usec_eval:p50=(\d+\.\d{3}),p99=(\d+\.\d{3}),p99\.9=(\d+\.\d{3})\r\n/.exec(
    lat,
  );
  assert.ok(line, lat);
  // one call: every percentile is that call, within the histogram's 1%
  assert.ok(Math.abs(Number(line[1]) - Number(m[1])) <= Number(m[1]) / 100 + 1, `${line[1]} vs ${m[1]}`);
  assert.match(lat, /latency_percentiles_usec_set:p50=/);
  await call("CONFIG", "SET", "latency-tracking-info-percentiles", "10 99.99");
  assert.match(
    (await call("INFO", "latencystats")) as string,
    /latency_percentiles_usec_set:p10=\d+\.\d{3},p99\.99=\d+\.\d{3}\r\n/,
  );
  await call("CONFIG", "SET", "latency-tracking", "no");
  await call("CONFIG", "RESETSTAT");
  await call("SET", "timed", "2");
  assert.equal((await call("INFO", "latencystats")) as string, "# Latencystats\r\n");
  assert.match((await call("INFO", "commandstats")) as string, /cmdstat_set:calls=1,usec=\d+,/);
  await call("CONFIG", "SET", "latency-tracking", "yes");
  await call("CONFIG", "SET", "latency-tracking-info-percentiles", "50 99 99.9");
});

test("SLOWLOG logs a slow script with its duration and time", async () => {
  await call("CONFIG", "SET", "slowlog-log-slower-than", "2000");
  await call("SLOWLOG", "RESET");
  await call("SET", "quick", "1");
  const before = Math.floor(Date.now() / 1000);
  await call(
    "EVAL",
    "local t = redis.call('TIME') local s = t[1] * 1e6 + t[2] repeat t = redis.call('TIME') until t[1] * 1e6 + t[2] - s >= 5000 return 1",
    "0",
  );
  const log = (await call("SLOWLOG", "GET")) as RespValue[][];
  // the RESET itself took less than 2 ms, the SET too: only the script is there
  assert.equal(log.length, 1, JSON.stringify(log));
  const [id, time, duration, argv, peer, name] = log[0] as [number, number, number, string[], string, string];
  assert.ok(typeof id === "number" && id >= 0);
  assert.ok(time >= before && time <= Math.floor(Date.now() / 1000));
  assert.ok(duration >= 5000 && duration < 5_000_000, `${duration}`);
  assert.equal(argv[0], "EVAL");
  assert.match(peer, /^127\.0\.0\.1:\d+$/);
  assert.equal(name, ((await call("CLIENT", "GETNAME")) as string | null) ?? "");
  await call("CONFIG", "SET", "slowlog-log-slower-than", "10000");
});
