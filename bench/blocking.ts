// Blocking pop wake-up latency under load, redis-server and redlua in one run: 100 clients
// loop on BLPOP over 10 lists (10 waiting per list), producers push timestamps at a fixed total
// rate, and each consumer records push-to-wake latency (the value is the push time). Prints a
// Markdown table of p50/p90/p99/max latency and throughput per server and the redlua / Redis
// ratios (the bar: wake-up latency within 2x of redis-server).
// The producers pace themselves by spinning on setImmediate, so this process keeps a core
// busy: on a 2-core machine a server with two threads then shares the other core with its
// own second thread and with this loop. --nice N lowers this process's priority (the servers
// keep theirs: each is started at 0) so that the servers' threads get the CPU first when
// they wake, as they would with the load coming from another machine.
// --pin gives the load generator the last CPU and the servers the others (taskset): with two
// cores, each server then has one of its own, as it would with its clients on another machine.
// Without it, a woken server thread can wait a scheduler tick (4 ms here) behind this
// process's loop on its core, which is the VM's scheduler showing, not the server: seen with
// `perf sched timehist`, redlua's connection thread waiting 3.9 ms on CPU 1 behind the
// generator while CPU 0 sat idle for 1.3 ms. A server with two threads (redlua's default) has
// two threads on that path for each push, so it meets such waits about twice as often.
// Each server is measured after --warmup seconds (default 2) of the same load, not counted:
// a fresh redlua compiles its hot paths in its first ~1.5 s, and V8 does that work on helper
// threads that then hold a core for 1-5 ms at a time, during which the server's own threads
// wait (perf sched timehist: 42 waits over 1 ms in the second half-second of a run, none
// after 1.5 s). With the earlier 0.5 s warm-up that start-up cost made most of redlua's p99.
// With --rounds N every server runs N times, the servers taking turns, and the table gives the
// median over the rounds of each figure (one run's tail moves by 2-3x on a shared machine),
// then each round's p99 ratio.
// usage: node dist/bench/blocking.js [--seconds N] [--rate PUSHES_PER_S] [--clients N]
//        [--keys N] [--producers N] [--executor thread,inline] [--nice N] [--rounds N] [--pin]
//        [--warmup SECONDS]
import { spawnSync } from "node:child_process";
import { availableParallelism, setPriority } from "node:os";
import { parseArgs } from "node:util";
import { parseReply, RespClient } from "../spec/support/resp-client.js";
import { median } from "./stats.js";
import { startRedis, startRedlua, type Target } from "./targets.js";

/** `redlua server` with its executor on its own thread ("thread") or `--executor NAME`. */
function startExecutor(executor: string): Promise<Target> {
  return executor === "thread"
    ? startRedlua("redlua")
    : startRedlua(`redlua (${executor})`, ["--executor", executor]);
}

interface Result {
  latencies: number[];
  pushed: number;
  served: number;
  seconds: number;
}

async function run(
  t: Target,
  opts: { seconds: number; warmup: number; rate: number; clients: number; keys: number; producers: number },
) {
  const key = (i: number) => `bench:q${i % opts.keys}`;
  const latencies: number[] = [];
  let running = true;
  let served = 0;
  const consumers = await Promise.all(Array.from({ length: opts.clients }, () => RespClient.connect(t.port)));
  const loops = consumers.map(async (c, i) => {
    while (running) {
      c.send(["BLPOP", key(i), "1"]);
      const r = parseReply(await c.read(10000));
      if (!Array.isArray(r)) continue; // timed out (end of run)
      const now = performance.now();
      latencies.push(now - Number(r[1]));
      served++;
    }
  });
  const producers = await Promise.all(
    Array.from({ length: opts.producers }, () => RespClient.connect(t.port)),
  );
  let pushed = 0;
  let acked = 0;
  const readers = producers.map(async (p) => {
    for (;;) {
      try {
        await p.read(60000);
        acked++;
      } catch {
        return;
      }
    }
  });
  // Warm-up (JIT, connections), then the measured window at a steady rate.
  const start = performance.now();
  const warmup = opts.warmup * 1000;
  const end = start + warmup + opts.seconds * 1000;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (now >= end) {
        resolve();
        return;
      }
      const due = Math.floor(((now - start) * opts.rate) / 1000);
      while (pushed < due) {
        const p = producers[pushed % producers.length];
        p.send(["RPUSH", key(pushed * 7), String(performance.now())]);
        pushed++;
      }
      setImmediate(tick);
    };
    tick();
  });
  const warmCount = Math.floor((warmup * opts.rate) / 1000);
  running = false;
  while (acked < pushed) await new Promise((r) => setTimeout(r, 10));
  await Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, 3000))]);
  for (const c of [...consumers, ...producers]) c.close();
  await Promise.all(readers);
  return {
    latencies: latencies.slice(warmCount),
    pushed: pushed - warmCount,
    served,
    seconds: opts.seconds,
  } as Result;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "3" },
      warmup: { type: "string", default: "2" },
      rate: { type: "string", default: "5000" },
      clients: { type: "string", default: "100" },
      keys: { type: "string", default: "10" },
      producers: { type: "string", default: "4" },
      executor: { type: "string", default: "thread,inline" },
      nice: { type: "string", default: "0" },
      rounds: { type: "string", default: "1" },
      pin: { type: "boolean", default: false },
    },
  });
  const opts = {
    seconds: Number(values.seconds),
    warmup: Number(values.warmup),
    rate: Number(values.rate),
    clients: Number(values.clients),
    keys: Number(values.keys),
    producers: Number(values.producers),
  };
  // per server, per round: wake-ups, p50, p90, p99, max
  const names: string[] = [];
  const figures: number[][][] = [];
  // Each server runs alone (the others stopped), redis-server first.
  const starts: (() => Promise<Target>)[] = [
    () => startRedis("redis-server"),
    ...(values.executor as string).split(",").map((e) => () => startExecutor(e)),
  ];
  const nice = Number(values.nice);
  const rounds = Number(values.rounds);
  const cpus = availableParallelism();
  const pinned = values.pin === true && cpus >= 2;
  if (values.pin === true && !pinned) process.stderr.write("--pin needs 2 CPUs or more: not pinned\n");
  const serverCpus = `0-${cpus - 2}`;
  if (pinned) pin(process.pid, String(cpus - 1));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < starts.length; i++) {
      // a server started by this process inherits its priority (going back to 0 needs root)
      if (nice !== 0) setPriority(0);
      const t = await starts[i]();
      if (nice !== 0) setPriority(nice);
      if (pinned) pin(t.pid, serverCpus);
      try {
        const r = await run(t, opts);
        const sorted = [...r.latencies].sort((a, b) => a - b);
        names[i] = t.name;
        (figures[i] ??= []).push([
          sorted.length,
          pct(sorted, 50),
          pct(sorted, 90),
          pct(sorted, 99),
          sorted[sorted.length - 1],
        ]);
      } finally {
        await t.stop();
      }
    }
  }
  const med = figures.map((perRound) => [0, 1, 2, 3, 4].map((j) => median(perRound.map((x) => x[j]))));
  const f = (x: number) => x.toFixed(3);
  let out = `Blocking pop wake-up latency: ${opts.clients} clients in BLPOP on ${opts.keys} lists, `;
  out += `${opts.producers} producers pushing ${opts.rate}/s for ${opts.seconds} s after ${opts.warmup} s `;
  out += "of warm-up (ms, push to wake)";
  out += nice !== 0 ? `, load generator at nice ${nice}` : "";
  out += pinned ? `, load generator on CPU ${cpus - 1} and servers on CPU ${serverCpus}` : "";
  out += rounds > 1 ? `; medians of ${rounds} rounds\n\n` : "\n\n";
  out += "| server | wake-ups | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n";
  med.forEach(([n, p50, p90, p99, max], i) => {
    out += `| ${names[i]} | ${n} | ${f(p50)} | ${f(p90)} | ${f(p99)} | ${f(max)} |\n`;
  });
  const a = med[0];
  for (let i = 1; i < med.length; i++) {
    const b = med[i];
    out += `| ${names[i]} / Redis | | ${(b[1] / a[1]).toFixed(2)}x | ${(b[2] / a[2]).toFixed(2)}x | `;
    out += `${(b[3] / a[3]).toFixed(2)}x | ${(b[4] / a[4]).toFixed(2)}x |\n`;
  }
  if (rounds > 1) {
    out += "\np99 / Redis's p99, round by round:\n";
    for (let i = 1; i < med.length; i++) {
      const ratios = figures[i].map((x, r) => (x[3] / figures[0][r][3]).toFixed(2));
      out += `- ${names[i]}: ${ratios.join(", ")}\n`;
    }
  }
  process.stdout.write(out);
}

/** Every thread of process `pid` to `cpus` (a taskset list). */
function pin(pid: number | undefined, cpus: string): void {
  if (pid === undefined) throw new Error("--pin: no process id");
  const r = spawnSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`taskset ${cpus} ${pid}: ${r.stderr || r.error}`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
