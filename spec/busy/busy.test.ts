// Long-running scripts against redlua with its executor on its own thread, over real sockets:
// the recorded scenarios (spec/busy/cases, from redis-server 7.0) replayed in RESP2 and RESP3 —
// reply bytes and whether each reply waited for busy-reply-threshold — then what can't be
// recorded from Redis: kill latency, SHUTDOWN NOSAVE ending the process, the memory cap.
// Differences listed in spec/known-differences.json ("busy/NAME.txt#LINE") are reported as TODO.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type RedluaServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { knownDifferences } from "../lua/known-differences.js";
import { freePort, waitForPong } from "../support/redis-server.js";
import { RespClient } from "../support/resp-client.js";
import {
  CASES,
  THRESHOLD,
  loadScenario,
  runScenario,
  scenarioNames,
  thresholdOf,
  type Recording,
} from "./scenario.js";

configureLog({ silent: true });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const known = knownDifferences("busy/");
/** busy-reply-threshold for the tests that only need a script to be past it. */
const FAST = 100;

function threaded(config: Record<string, string> = {}, scriptHeapMb?: number): Promise<RedluaServer> {
  return startServer({
    executor: "thread",
    config: { save: "", appendonly: "no", "busy-reply-threshold": String(THRESHOLD), ...config },
    log: { silent: true },
    scriptHeapMb,
  });
}

// one scenario at a time: each compares reply timing against busy-reply-threshold, which CPU
// contention on a small machine would otherwise blur
describe("busy scenarios", { concurrency: 1 }, () => {
  for (const name of scenarioNames()) {
    test(`busy ${name} (RESP2, RESP3)`, async (t) => {
      const expectedFile = path.join(CASES, `${name}.json`);
      assert.ok(
        fs.existsSync(expectedFile),
        `${name}.json not recorded: run node dist/spec/busy/record.js ${name}`,
      );
      const recording: Recording = JSON.parse(fs.readFileSync(expectedFile, "latin1"));
      const steps = loadScenario(name);
      const failures: string[] = [];
      let knownCount = 0;
      for (const proto of [2, 3] as const) {
        const expected = recording[`resp${proto}`];
        const srv = await threaded({ "busy-reply-threshold": String(thresholdOf(steps)) });
        let got;
        try {
          got = await runScenario(srv.port, steps, proto);
        } finally {
          await srv.close();
        }
        assert.equal(got.length, expected.length, `${name}.json is stale: re-record it`);
        got.forEach((o, i) => {
          const e = expected[i];
          const id = `busy/${name}.txt#${o.line}`;
          const same = o.reply === e.reply && o.timing === e.timing;
          if (known.has(id)) {
            if (same) failures.push(`${id} now matches: remove it from spec/known-differences.json`);
            else knownCount++;
            return;
          }
          if (!same) {
            const step = steps.find((s) => s.line === o.line)!;
            failures.push(
              `RESP${proto} line ${o.line}: ${step.text}\n  want ${e.timing} ${JSON.stringify(e.reply)}\n  got  ${o.timing} ${JSON.stringify(o.reply)}`,
            );
          }
        });
      }
      if (knownCount > 0) t.diagnostic(`${knownCount} known difference(s) (spec/known-differences.json)`);
      assert.equal(failures.length, 0, failures.join("\n"));
    });
  }
});

/** Sends EVAL/FCALL on `a` and waits until the script is past the threshold. */
async function busy(a: RespClient, b: RespClient, args: string[]): Promise<void> {
  a.send(args);
  await new Promise((r) => setTimeout(r, FAST + 20));
  assert.match(await b.call("PING"), /^-BUSY /);
}

test("kill latency: SCRIPT KILL to the killed script's error under 50 ms", async (t) => {
  const srv = await threaded({ "busy-reply-threshold": String(FAST) });
  const a = await RespClient.connect(srv.port);
  const b = await RespClient.connect(srv.port);
  try {
    const bodies: [string, string[]][] = [
      ["while true do end", ["EVAL", "while true do end", "0"]],
      [
        "redis.call loop",
        ["EVAL", "local n = 0 while true do n = n + #redis.call('GET', KEYS[1]) end", "1", "k"],
      ],
      [
        "table churn",
        ["EVAL", "local t = {} local i = 0 while true do i = i + 1 t[i % 1000] = {i} end", "0"],
      ],
    ];
    await b.call("SET", "k", "abc");
    const lat: string[] = [];
    for (const [what, args] of bodies) {
      await busy(a, b, args);
      const t0 = performance.now();
      b.send(["SCRIPT", "KILL"]);
      const reply = await a.readString();
      const ms = performance.now() - t0;
      assert.equal(await b.readString(), "+OK\r\n");
      assert.match(
        reply,
        /^-ERR Script killed by user with SCRIPT KILL\.\.\. script: \w+, on @user_script:1\.\r\n$/,
      );
      assert.ok(ms < 50, `${what}: killed after ${ms.toFixed(1)} ms`);
      lat.push(`${what} ${ms.toFixed(1)} ms`);
    }
    t.diagnostic(lat.join(", "));
    assert.equal(await b.call("GET", "k"), "$3\r\nabc\r\n");
  } finally {
    a.close();
    b.close();
    await srv.close();
  }
});

test("the script's own pipelined commands wait for it; other clients' BUSY replies don't", async () => {
  const srv = await threaded({ "busy-reply-threshold": String(FAST) });
  const a = await RespClient.connect(srv.port);
  const b = await RespClient.connect(srv.port);
  try {
    a.send(["EVAL", "while true do end", "0"]);
    a.send(["SET", "after", "1"]);
    await new Promise((r) => setTimeout(r, FAST + 20));
    // many clients answered while the script runs
    const others = await Promise.all(Array.from({ length: 20 }, () => RespClient.connect(srv.port)));
    const replies = await Promise.all(others.map((c) => c.call("GET", "after")));
    for (const r of replies) assert.match(r, /^-BUSY /);
    // answered at full speed: one request per client per round, 5 rounds
    const t0 = performance.now();
    for (let round = 0; round < 5; round++) {
      for (const r of await Promise.all(others.map((c) => c.call("INCR", "n")))) assert.match(r, /^-BUSY /);
    }
    const ms = performance.now() - t0;
    assert.ok(ms < 2000, `100 BUSY replies took ${ms.toFixed(0)} ms`);
    for (const c of others) c.close();
    assert.equal(
      await b.call("EXISTS", "after"),
      "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n",
    );
    assert.equal(await b.call("SCRIPT", "KILL"), "+OK\r\n");
    assert.match(await a.readString(), /^-ERR Script killed/);
    assert.equal(await a.readString(), "+OK\r\n");
    assert.equal(await b.call("GET", "after"), "$1\r\n1\r\n");
    // INFO counts the BUSY rejections answered on the connection side
    const info = await b.call("INFO", "errorstats");
    assert.match(info, /errorstat_BUSY:count=12\d\r\n/);
  } finally {
    a.close();
    b.close();
    await srv.close();
  }
});

test("memory cap: scripts that allocate without bound get 'not enough memory'; data survives", async () => {
  const srv = await threaded({}, 256);
  const a = await RespClient.connect(srv.port);
  try {
    await a.call("SET", "k", "v");
    const cases = [
      "local t = {} while true do t[#t+1] = string.rep('x', 1e6) end",
      "local t = {} local i = 0 while true do i = i + 1 t[i] = {i, tostring(i)} end",
      "local t = {} local s = string.rep('y', 4096) while true do t[#t+1] = s .. #t end",
      "return #string.rep('z', 400 * 1024 * 1024)",
      "local t = {} for i = 1, 1e6 do t[i] = string.rep('w', 1000) end return #table.concat(t)",
    ];
    for (const body of cases) {
      // filling a 256 MB cap takes a while on a loaded machine: allow a minute per reply
      const r = (await a.command(["EVAL", body, "0"], 60_000)).toString("latin1");
      assert.match(r, /^-ERR Error running script \w+, not enough memory\r\n$/, body);
      assert.equal(await a.call("PING"), "+PONG\r\n");
    }
    // pcall catches it, as Lua's LUA_ERRMEM; the script goes on once its garbage is gone
    const caught = (
      await a.command(
        [
          "EVAL",
          "local ok, e = pcall(function() local t = {} while true do t[#t+1] = string.rep('x', 1e6) end end) return e",
          "0",
        ],
        60_000,
      )
    ).toString("latin1");
    assert.equal(caught, "$17\r\nnot enough memory\r\n");
    assert.equal(await a.call("GET", "k"), "$1\r\nv\r\n");
    assert.equal(await a.call("EVAL", "return #string.rep('x', 1e6)", "0"), ":1000000\r\n");
  } finally {
    a.close();
    await srv.close();
  }
});

test("memory cap: a keyspace growing without bound gets the OOM error, not a dead server", async () => {
  // with maxmemory 0 nothing stopped the data from growing until V8 ran out of heap and the
  // server went down with all of it; past the scripts' cap CMD_DENYOOM commands are refused
  const srv = await threaded({}, 96);
  const a = await RespClient.connect(srv.port);
  const OOM = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";
  try {
    await a.call("SET", "keep", "v");
    let refused = "";
    let i = 0;
    for (; i < 8000 && refused === ""; i++) {
      // distinct 64 KB values (strings past ~1 MB live outside V8's heap, as external strings,
      // and don't count); the cron reads the heap 10 times a second
      const r = await a.call("SET", `fill${i}`, String(i).padEnd(1 << 16, "x"));
      if (r !== "+OK\r\n") refused = r;
      else if (i % 16 === 15) await new Promise((res) => setTimeout(res, 20));
    }
    assert.equal(refused, OOM, `after ${i} SETs`);
    assert.ok(i > 1000, `refused after ${i} values of 64 KB`);
    // reads, deletes and commands without CMD_DENYOOM still run; so does a script that only reads
    assert.equal(await a.call("PING"), "+PONG\r\n");
    assert.equal(await a.call("GET", "keep"), "$1\r\nv\r\n");
    assert.equal(await a.call("EVAL", "return redis.call('GET', 'keep')", "0"), "$1\r\nv\r\n");
    assert.equal(
      await a.call("EVAL", "return redis.call('SET', 'x', 'y')", "0"),
      OOM.replace(".\r\n", ". script: 9bbf1ff93e31f3103291317468e5af9beafeff5d, on @user_script:1.\r\n"),
    );
    assert.equal(await a.call("RPUSH", "l", "x"), OOM);
    // once the data is gone (and the cron's GC has seen it), writes are taken again
    assert.equal(await a.call("FLUSHALL"), "+OK\r\n");
    let after = "";
    for (let t = 0; t < 150 && after !== "+OK\r\n"; t++) {
      await new Promise((res) => setTimeout(res, 100));
      after = await a.call("SET", "k", "v");
    }
    assert.equal(after, "+OK\r\n");
    assert.equal(await a.call("GET", "keep"), "$-1\r\n");
  } finally {
    a.close();
    await srv.close();
  }
});

test("memory cap: a script too big to compile gets 'not enough memory'; the server stays up", async () => {
  // compiling builds syntax trees of hundreds of bytes a source byte: a 24 MB table
  // constructor ran the executor out of heap and took the server down
  const srv = await threaded({}, 256);
  const a = await RespClient.connect(srv.port);
  try {
    await a.call("SET", "k", "v");
    const big = "return #{" + "1,".repeat(1_500_000) + "}";
    for (const cmd of [
      ["EVAL", big, "0"],
      ["SCRIPT", "LOAD", big],
    ]) {
      const r = (await a.command(cmd, 60_000)).toString("latin1");
      assert.equal(r, "-ERR Error compiling script (new function): not enough memory\r\n", cmd[0]);
      assert.equal(await a.call("PING"), "+PONG\r\n");
    }
    assert.equal(await a.call("GET", "k"), "$1\r\nv\r\n");
    assert.equal(await a.call("EVAL", "return #{1, 2, 3}", "0"), ":3\r\n");
  } finally {
    a.close();
    await srv.close();
  }
});

test("SHUTDOWN NOSAVE ends `redlua server` at once, mid-script", async () => {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, "bin/redlua.js"),
      "server",
      "--port",
      String(port),
      "--save",
      "",
      "--busy-reply-threshold",
      "100",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    await waitForPong(port, 10000);
    const a = await RespClient.connect(port);
    const b = await RespClient.connect(port);
    a.send(["EVAL", "redis.call('SET', 'x', 1) while true do end", "0"]);
    await new Promise((r) => setTimeout(r, 150));
    assert.match(await b.call("SCRIPT", "KILL"), /^-UNKILLABLE /);
    const t0 = performance.now();
    b.send(["SHUTDOWN", "NOSAVE"]);
    const code = await exited;
    const ms = performance.now() - t0;
    assert.equal(code, 0, out);
    assert.ok(ms < 1000, `exited after ${ms.toFixed(0)} ms`);
    assert.match(out, /Slow script detected: still in execution after \d+ milliseconds/);
    assert.match(out, /User requested shutdown\.\.\.[\s\S]*Redis is now ready to exit, bye bye\.\.\./);
    a.close();
    b.close();
  } finally {
    child.kill("SIGKILL");
  }
});
