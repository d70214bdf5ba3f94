// The server benchmark (issue 4): redis-benchmark against redlua and redis-server in one run,
// same flags — SET GET INCR LPUSH RPOP SADD HSET ZADD LRANGE_100 MSET, 50 clients, without
// and with pipelining (-P 16). Each test alternates the two servers and keeps the best of
// --rounds runs. Prints a Markdown table of requests per second and redlua / Redis.
// usage: node dist/bench/server.js [--requests N] [--clients N] [--rounds N] [--tests a,b]
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { startRedis, startRedlua, type Target } from "./targets.js";

const TESTS = ["set", "get", "incr", "lpush", "rpop", "sadd", "hset", "zadd", "lrange_100", "mset"];

/** requests per second per test name from redis-benchmark --csv. */
function run(port: number, tests: string[], requests: number, clients: number, pipeline: number) {
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
      "-t",
      tests.join(","),
    ],
    { encoding: "utf8" },
  );
  const out = new Map<string, number>();
  for (const line of r.stdout.split("\n")) {
    const m = /^"([^"]+)","([0-9.]+)"/.exec(line);
    if (m) out.set(m[1].split(" ")[0].toLowerCase(), Number(m[2]));
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string" },
      clients: { type: "string" },
      rounds: { type: "string" },
      tests: { type: "string" },
    },
  });
  const requests = Number(values.requests ?? 100000);
  const clients = Number(values.clients ?? 50);
  const rounds = Number(values.rounds ?? 3);
  const tests = values.tests ? values.tests.split(",") : TESTS;
  const redlua = await startRedlua();
  const targets: Target[] = [await startRedis(), redlua];
  const best = new Map<string, number>(); // `${target}|${pipeline}|${test}`
  try {
    // warm-up: V8 compiles the hot paths
    run(redlua.port, tests, Math.min(requests, 20000), clients, 1);
    for (let round = 0; round < rounds; round++) {
      for (const pipeline of [1, 16]) {
        const order = round % 2 === 0 ? targets : [...targets].reverse();
        for (const t of order) {
          for (const [test, rps] of run(
            t.port,
            tests,
            requests * (pipeline === 16 ? 4 : 1),
            clients,
            pipeline,
          )) {
            const k = `${t.name}|${pipeline}|${test}`;
            best.set(k, Math.max(best.get(k) ?? 0, rps));
          }
        }
      }
      process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }
  } finally {
    for (const t of targets) await t.stop();
  }
  const lines = [
    `redis-benchmark, ${clients} clients, ${requests} requests (×4 with -P 16), best of ${rounds} alternating rounds`,
    "",
    "| test | -P | redis-server rps | redlua rps | redlua / redis |",
    "|---|--:|--:|--:|--:|",
  ];
  for (const pipeline of [1, 16]) {
    for (const test of tests) {
      const a = best.get(`redis|${pipeline}|${test}`);
      const b = best.get(`redlua|${pipeline}|${test}`);
      if (a === undefined || b === undefined) continue;
      lines.push(
        `| ${test.toUpperCase()} | ${pipeline} | ${Math.round(a)} | ${Math.round(b)} | ${(b / a).toFixed(2)} |`,
      );
    }
  }
  process.stdout.write(lines.join("\n") + "\n");
}

void main();
