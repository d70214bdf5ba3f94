// FCALL next to EVALSHA for the same bodies, against redis-server and redlua in one run, with
// redis-benchmark (50 clients, with and without pipelining). Each body is loaded both as a
// script (SCRIPT LOAD → EVALSHA sha 0) and as a function of one library (FUNCTION LOAD →
// FCALL name 0), so the two paths differ only in how the code is found and called.
// Prints a Markdown table: requests per second, FCALL / EVALSHA on each server, redlua / Redis;
// and one of each server's CPU time per request (from /proc), which the neighbours on a shared
// machine move much less than the throughput.
// Every command is warmed up first (V8 compiles the hot paths), and each figure is the best of
// --rounds runs. A round runs every command once on both servers, the servers' order and
// EVALSHA/FCALL's alternating from round to round, so that a slow spell of the shared machine
// falls on both sides of a ratio. Each body gets a request count that makes a run last a
// few hundred milliseconds on the faster server (a run of ~50 ms is mostly ramp-up and noise).
// usage: node dist/bench/functions.js [--requests N] [--clients N] [--only a,b] [--pipelines 1,16]
//        [--rounds N] [--executor thread|inline]
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { RespClient } from "../spec/support/resp-client.js";
import { cpuSeconds } from "./proc.js";
import { startRedis, startRedlua, type Target } from "./targets.js";
import { BODIES } from "./bodies.js";

/** The cjson body's JSON document: 10,164 bytes (the "10 KB"), 140 small objects. */
function document(): string {
  const items = [];
  for (let i = 0; i < 140; i++) {
    items.push({ id: i, name: `item-${i}`, tags: ["a", "b", "c"], price: i * 1.25, ok: i % 2 === 0 });
  }
  return JSON.stringify({ items, total: 140, note: "benchmark" });
}

/** Requests of one run, as a multiple of --requests, by body and pipelining. */
function requestsFor(name: string, pipeline: number, requests: number): number {
  if (name === "compute") return Math.max(500, Math.floor(requests / 20));
  if (name === "cjson") return Math.max(500, Math.floor(requests / 4));
  return pipeline > 1 ? requests * 5 : requests;
}

/** Loads every body both ways; returns the SHA1 of each script. */
async function prepare(port: number, bodies: typeof BODIES): Promise<Map<string, string>> {
  const c = await RespClient.connect(port);
  const shas = new Map<string, string>();
  try {
    const lib = ["#!lua name=benchlib"];
    for (const [name, , body] of bodies) {
      const r = (await c.command(["SCRIPT", "LOAD", body])).toString("latin1");
      const m = /^\$40\r\n([0-9a-f]{40})\r\n$/.exec(r);
      if (m === null) throw new Error(`SCRIPT LOAD ${name} on port ${port}: ${r}`);
      shas.set(name, m[1]);
      lib.push(`redis.register_function('bench_${name}', function(KEYS, ARGV) ${body} end)`);
    }
    const r = (await c.command(["FUNCTION", "LOAD", "REPLACE", lib.join("\n")])).toString("latin1");
    if (!r.startsWith("$")) throw new Error(`FUNCTION LOAD on port ${port}: ${r}`);
    await c.command(["SET", "bdoc", document()]);
  } finally {
    c.close();
  }
  return shas;
}

/** redis-benchmark's requests per second for one command (its CSV output). */
function benchmark(
  port: number,
  args: string[],
  requests: number,
  clients: number,
  pipeline: number,
): number {
  const r = spawnSync(
    "redis-benchmark",
    [
      "-p",
      String(port),
      "-c",
      String(clients),
      "-n",
      String(requests),
      "-P",
      String(pipeline),
      "--csv",
      ...args,
    ],
    { encoding: "utf8" },
  );
  const line = r.stdout.split("\n").find((l) => /^"[^"]*","[0-9.]+"/.test(l));
  if (line === undefined) throw new Error(`redis-benchmark ${args.join(" ")}: ${r.stdout}${r.stderr}`);
  return Number(line.split(",")[1].replace(/"/g, ""));
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "20000" },
      clients: { type: "string", default: "50" },
      only: { type: "string" },
      pipelines: { type: "string", default: "1,16" },
      rounds: { type: "string", default: "2" },
      executor: { type: "string", default: "thread" },
    },
  });
  const requests = Number(values.requests);
  const clients = Number(values.clients);
  const pipelines = values.pipelines.split(",").map(Number);
  const rounds = Number(values.rounds);
  const only = values.only?.split(",");
  const bodies = BODIES.filter(([n]) => only === undefined || only.includes(n));
  const targets: Target[] = [
    await startRedis(),
    await startRedlua("redlua", ["--executor", values.executor]),
  ];
  try {
    const shas = new Map<string, Map<string, string>>();
    for (const t of targets) shas.set(t.name, await prepare(t.port, bodies));
    const rows: string[] = [];
    const cpuRows: string[] = [];
    for (const [name, what] of bodies) {
      for (const p of pipelines) {
        const n = requestsFor(name, p, requests);
        const runs: [string, Target, string[]][] = [];
        for (const t of targets) {
          runs.push([`${t.name} EVALSHA`, t, ["EVALSHA", shas.get(t.name)!.get(name)!, "0"]]);
          runs.push([`${t.name} FCALL`, t, ["FCALL", `bench_${name}`, "0"]]);
        }
        for (const [, t, args] of runs) benchmark(t.port, args, Math.max(200, Math.floor(n / 5)), clients, p);
        const rps: Record<string, number> = {};
        const cpu: Record<string, number> = {};
        for (let r = 0; r < rounds; r++) {
          // round r: the servers in turn (r's bit 0) and EVALSHA/FCALL in turn (bit 1)
          const order = [0, 1, 2, 3].map((k) => k ^ (r % 2 === 1 ? 2 : 0) ^ ((r >> 1) % 2 === 1 ? 1 : 0));
          for (const k of order) {
            const [key, t, args] = runs[k];
            const c0 = cpuSeconds(t.pid);
            rps[key] = Math.max(rps[key] ?? 0, benchmark(t.port, args, n, clients, p));
            const us = ((cpuSeconds(t.pid) - c0) * 1e6) / n;
            if (!(us >= cpu[key])) cpu[key] = us;
          }
        }
        const cpus = runs.map(([key]) => cpu[key].toFixed(2));
        cpuRows.push(
          `| ${name} | ${p} | ${cpus.join(" | ")} | ${(cpu["redlua EVALSHA"] / cpu["redis EVALSHA"]).toFixed(2)} |`,
        );
        const ratio = (a: number, b: number) => (a / b).toFixed(2);
        rows.push(
          `| ${name} (${what}) | ${p} | ${fmt(rps["redis EVALSHA"])} | ${fmt(rps["redis FCALL"])} | ` +
            `${fmt(rps["redlua EVALSHA"])} | ${fmt(rps["redlua FCALL"])} | ` +
            `${ratio(rps["redlua FCALL"], rps["redlua EVALSHA"])} | ${ratio(rps["redlua FCALL"], rps["redis FCALL"])} | ` +
            `${ratio(rps["redlua EVALSHA"], rps["redis EVALSHA"])} |`,
        );
        process.stderr.write(`${name} -P ${p} done\n`);
      }
    }
    process.stdout.write(
      `redis-benchmark, ${clients} clients, ${requests} requests a run (compute: 1/20 of that, ` +
        `cjson: 1/4, return1/calls10 with -P 16: 5x), ` +
        `best of ${rounds} interleaved runs after a warm-up, requests per second\n\n` +
        "| body | -P | Redis EVALSHA | Redis FCALL | redlua EVALSHA | redlua FCALL | redlua FCALL/EVALSHA | FCALL redlua/Redis | EVALSHA redlua/Redis |\n" +
        "| --- | --: | --: | --: | --: | --: | --: | --: | --: |\n" +
        rows.join("\n") +
        "\n\nServer CPU per request (µs, user + system, all threads, in /proc's 10 ms ticks; the least of the rounds):\n\n" +
        "| body | -P | Redis EVALSHA | Redis FCALL | redlua EVALSHA | redlua FCALL | EVALSHA redlua/Redis |\n" +
        "| --- | --: | --: | --: | --: | --: | --: |\n" +
        cpuRows.join("\n") +
        "\n",
    );
  } finally {
    for (const t of targets) await t.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
