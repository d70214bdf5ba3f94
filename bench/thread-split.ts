// What the executor thread costs: redis-benchmark against redis-server, redlua with its executor
// on its own thread (what `redlua server` runs) and redlua with the executor on the connections'
// thread (`--executor inline`), optionally a baseline build (another checkout's bin/redlua.js,
// e.g. the commit before the split), all in one run with the same flags — SET GET INCR LPUSH and
// EVALSHA of `return 1`, 50 clients, without and with -P 16. Each figure is the best of --rounds
// runs, the targets taking turns in alternating order; beside throughput it reports the server
// process's CPU time per request (user + system from /proc, all threads), which the other
// programs sharing the machine disturb less. Then kill latency on the threaded server: SCRIPT
// KILL sent to the killed script's error reply, over --kills runs.
// usage: node dist/bench/thread-split.js [--requests N] [--clients N] [--rounds N]
//        [--baseline /path/to/checkout] [--kills N]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freePort, startRedisServer, waitForPong } from "../spec/support/redis-server.js";
import { RespClient } from "../spec/support/resp-client.js";
import { cpuSeconds } from "./proc.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const TESTS = ["set", "get", "incr", "lpush"];
const RETURN1 = "return 1";

interface Target {
  name: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

async function startRedlua(name: string, bin: string, extra: string[]): Promise<Target> {
  const port = await freePort();
  const args = [bin, "server", "--port", String(port), "--bind", "127.0.0.1", "--save", "", ...extra];
  const proc: ChildProcess = spawn("node", args, { stdio: ["ignore", "ignore", "inherit"] });
  await waitForPong(port, 15000);
  return {
    name,
    port,
    pid: proc.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        proc.on("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

/** requests per second per test from redis-benchmark --csv; `custom` is one command to run. */
function run(port: number, requests: number, clients: number, pipeline: number, custom?: string[]) {
  const args = [
    "-p",
    String(port),
    "-c",
    String(clients),
    "-n",
    String(requests),
    "-P",
    String(pipeline),
    "--csv",
  ];
  if (custom === undefined) args.push("-t", TESTS.join(","));
  else args.push(...custom);
  const r = spawnSync("redis-benchmark", args, { encoding: "utf8" });
  const out = new Map<string, number>();
  for (const line of r.stdout.split("\n")) {
    const m = /^"([^"]+)","([0-9.]+)"/.exec(line);
    if (m) out.set(custom === undefined ? m[1].split(" ")[0].toLowerCase() : "evalsha", Number(m[2]));
  }
  return out;
}

async function scriptLoad(port: number): Promise<string> {
  const c = await RespClient.connect(port);
  try {
    const r = await c.call("SCRIPT", "LOAD", RETURN1);
    return r.split("\r\n")[1];
  } finally {
    c.close();
  }
}

/** SCRIPT KILL → error reply of a `while true do end`, in ms, `n` times. */
async function killLatency(port: number, n: number): Promise<number[]> {
  const a = await RespClient.connect(port);
  const b = await RespClient.connect(port);
  const out: number[] = [];
  try {
    await b.call("CONFIG", "SET", "busy-reply-threshold", "100");
    for (let i = 0; i < n; i++) {
      a.send(["EVAL", "local i = 0 while true do i = i + 1 end", "0"]);
      await new Promise((r) => setTimeout(r, 130));
      const t0 = performance.now();
      b.send(["SCRIPT", "KILL"]);
      const reply = await a.readString(5000);
      out.push(performance.now() - t0);
      if (!reply.startsWith("-ERR Script killed")) throw new Error(`unexpected ${reply}`);
      await b.readString();
    }
  } finally {
    a.close();
    b.close();
  }
  return out.sort((x, y) => x - y);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string" },
      clients: { type: "string" },
      rounds: { type: "string" },
      baseline: { type: "string" },
      kills: { type: "string" },
    },
  });
  const requests = Number(values.requests ?? 100000);
  const clients = Number(values.clients ?? 50);
  const rounds = Number(values.rounds ?? 3);
  const kills = Number(values.kills ?? 20);
  const bin = join(ROOT, "bin/redlua.js");
  const redis = await startRedisServer();
  const targets: Target[] = [
    { name: "redis", port: redis.port, pid: redis.proc.pid!, stop: () => redis.stop() },
    await startRedlua("thread", bin, []),
    await startRedlua("inline", bin, ["--executor", "inline"]),
  ];
  if (values.baseline !== undefined) {
    targets.push(await startRedlua("baseline", join(values.baseline, "bin/redlua.js"), []));
  }
  const best = new Map<string, number>(); // `${target}|${pipeline}|${test}` → rps
  const cpu = new Map<string, number>(); // `${target}|${pipeline}` → best µs/request over all tests
  const tests = [...TESTS, "evalsha"];
  let latencies: number[] = [];
  try {
    const shas = new Map<string, string>();
    for (const t of targets) shas.set(t.name, await scriptLoad(t.port));
    // warm-up: V8 compiles the hot paths
    for (const t of targets) {
      run(t.port, 20000, clients, 1);
      run(t.port, 20000, clients, 1, ["evalsha", shas.get(t.name)!, "0"]);
    }
    for (let round = 0; round < rounds; round++) {
      for (const pipeline of [1, 16]) {
        const order = round % 2 === 0 ? targets : [...targets].reverse();
        for (const t of order) {
          const n = requests * (pipeline === 16 ? 4 : 1);
          const c0 = cpuSeconds(t.pid);
          const rps = run(t.port, n, clients, pipeline);
          for (const [k, v] of run(t.port, n, clients, pipeline, ["evalsha", shas.get(t.name)!, "0"]))
            rps.set(k, v);
          const us = ((cpuSeconds(t.pid) - c0) * 1e6) / (n * tests.length);
          const ck = `${t.name}|${pipeline}`;
          cpu.set(ck, Math.min(cpu.get(ck) ?? Infinity, us));
          for (const [test, v] of rps) {
            const k = `${t.name}|${pipeline}|${test}`;
            best.set(k, Math.max(best.get(k) ?? 0, v));
          }
        }
      }
      process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }
    if (kills > 0) latencies = await killLatency(targets[1].port, kills);
  } finally {
    for (const t of targets) await t.stop();
  }
  const names = targets.map((t) => t.name);
  const lines = [
    `redis-benchmark, ${clients} clients, ${requests} requests (×4 with -P 16), best of ${rounds} alternating rounds`,
    "",
    `| test | -P | ${names.map((n) => `${n} rps`).join(" | ")} | thread / inline |${names.includes("baseline") ? " thread / baseline |" : ""} thread / redis |`,
    `|---|--:|${names.map(() => "--:").join("|")}|--:|${names.includes("baseline") ? "--:|" : ""}--:|`,
  ];
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? "–" : (a / b).toFixed(2);
  for (const pipeline of [1, 16]) {
    for (const test of tests) {
      const v = (n: string) => best.get(`${n}|${pipeline}|${test}`);
      lines.push(
        `| ${test.toUpperCase()} | ${pipeline} | ${names.map((n) => Math.round(v(n) ?? 0)).join(" | ")} | ${ratio(v("thread"), v("inline"))} |${names.includes("baseline") ? ` ${ratio(v("thread"), v("baseline"))} |` : ""} ${ratio(v("thread"), v("redis"))} |`,
      );
    }
  }
  lines.push("", "Server CPU per request (µs, user + system, all threads; best round):", "");
  lines.push(`| -P | ${names.join(" | ")} |`, `|--:|${names.map(() => "--:").join("|")}|`);
  for (const pipeline of [1, 16]) {
    lines.push(
      `| ${pipeline} | ${names.map((n) => (cpu.get(`${n}|${pipeline}`) ?? 0).toFixed(2)).join(" | ")} |`,
    );
  }
  if (latencies.length > 0) {
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    lines.push(
      "",
      `Kill latency (thread), SCRIPT KILL → the script's error reply, ${latencies.length} runs: ` +
        `median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
    );
  }
  process.stdout.write(lines.join("\n") + "\n");
}

void main();
