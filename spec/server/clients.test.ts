// Real clients against redlua: ioredis (connect + ready check, pipeline, MULTI, reconnect),
// node-redis (HELLO 3 / RESP3, pipeline, MULTI), and redis-cli (including inline mode; skipped
// with a message when redis-cli is not installed).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { startServer, type RedluaServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { hasBinary } from "../support/redis-server.js";

configureLog({ silent: true });
let srv: RedluaServer;

before(async () => {
  srv = await startServer({ config: { save: "" } });
});
after(async () => {
  await srv.close();
});

test("ioredis: connect, commands, binary values, pipeline, MULTI, reconnect", async () => {
  const r = new Redis({ port: srv.port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 3 });
  try {
    await r.connect();
    assert.equal(await r.set("io:k", "v"), "OK");
    assert.equal(await r.get("io:k"), "v");
    const bin = Buffer.from([0, 1, 2, 255, 254, 13, 10]);
    await r.set("io:bin", bin);
    assert.deepEqual(await r.getBuffer("io:bin"), bin);
    assert.equal(await r.incrby("io:n", 5), 5);
    const p = await r.pipeline().set("io:a", "1").incr("io:a").get("io:a").exec();
    assert.deepEqual(p, [
      [null, "OK"],
      [null, 2],
      [null, "2"],
    ]);
    const m = await r.multi().set("io:m", "x").get("io:m").exec();
    assert.deepEqual(m, [
      [null, "OK"],
      [null, "x"],
    ]);
    await assert.rejects(r.incr("io:m"), /ERR value is not an integer or out of range/);
    await r.client("SETNAME", "io-client");
    const list = (await r.client("LIST")) as string;
    assert.ok(list.includes("name=io-client"));
    // Reconnect after the server drops the connection.
    const id = (await r.client("ID")) as number;
    const killer = new Redis({ port: srv.port, host: "127.0.0.1" });
    await killer.client("KILL", "ID", String(id));
    killer.disconnect();
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(await r.get("io:k"), "v");
  } finally {
    r.disconnect();
  }
});

test("node-redis: RESP3 via HELLO 3, pipeline, MULTI", async () => {
  const client = createClient({ socket: { port: srv.port, host: "127.0.0.1" }, RESP: 3 });
  client.on("error", () => {});
  await client.connect();
  try {
    assert.equal(await client.set("nr:k", "v"), "OK");
    assert.equal(await client.get("nr:k"), "v");
    assert.equal(await client.incr("nr:n"), 1);
    const results = await client.multi().set("nr:a", "1").incr("nr:a").get("nr:a").exec();
    assert.deepEqual(results, ["OK", 2, "2"]);
    const [a, b] = await Promise.all([client.get("nr:a"), client.get("nr:k")]);
    assert.deepEqual([a, b], ["2", "v"]);
    const info = await client.info("server");
    assert.ok(info.includes("redis_version:7.0.15"));
    const cfg = await client.configGet("maxmemory");
    assert.deepEqual({ ...cfg }, { maxmemory: "0" });
  } finally {
    await client.quit();
  }
});

const cliSkip = hasBinary("redis-cli") ? false : "redis-cli is not installed";

/** Runs redis-cli asynchronously (the server under test lives in this process). */
function runCli(
  port: number,
  args: string[],
  input?: string,
): Promise<{ stdout: string; status: number | null }> {
  return new Promise((resolve) => {
    const p = spawn("redis-cli", ["-p", String(port), ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    p.stdout.setEncoding("latin1");
    p.stdout.on("data", (d: string) => (stdout += d));
    const t = setTimeout(() => p.kill("SIGKILL"), 10000);
    p.on("close", (status) => {
      clearTimeout(t);
      resolve({ stdout, status });
    });
    p.stdin.end(input ?? "");
  });
}

test("redis-cli: commands, inline mode from stdin, RESP3", { skip: cliSkip }, async () => {
  const cli = (args: string[], input?: string) => runCli(srv.port, args, input);
  assert.equal((await cli(["SET", "cli:k", "hello world"])).stdout, "OK\n");
  assert.equal((await cli(["GET", "cli:k"])).stdout, "hello world\n");
  assert.equal((await cli(["--no-raw", "INCR", "cli:n"])).stdout, "(integer) 1\n");
  assert.equal((await cli(["--no-raw", "GET", "nosuch"])).stdout, "(nil)\n");
  assert.equal(
    (await cli(["--no-raw", "FOO"])).stdout,
    "(error) ERR unknown command 'FOO', with args beginning with: \n",
  );
  // Commands piped on stdin (redis-cli sends them as RESP); then raw inline bytes with --pipe.
  assert.equal((await cli([], "SET cli:a 1\nINCR cli:a\nGET cli:a\n")).stdout, "OK\n2\n2\n");
  const piped = await cli(["--pipe"], "SET cli:p 1\r\nINCR cli:p\r\n");
  assert.match(piped.stdout, /errors: 0, replies: 2/);
  assert.equal((await cli(["-3", "--no-raw", "HELLO", "3"])).status, 0);
  assert.match((await cli(["-3", "--no-raw", "CONFIG", "GET", "maxmemory"])).stdout, /1# "maxmemory" => "0"/);
  assert.match((await cli(["--no-raw", "PING"])).stdout, /PONG/);
});
