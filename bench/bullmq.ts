// BullMQ, a queue built on ~50 Lua scripts, against redis-server and redlua in one run: jobs
// added (Queue.add from concurrent producers, and Queue.addBulk), then processed by a Worker
// (BZPOPMIN on the marker, moveToActive / moveToFinished scripts) with a processor that does
// nothing. Each figure is jobs per second, the best of --rounds runs, the servers taking turns
// within a round; beside it each server's CPU time per job (from /proc, the least of the
// rounds). The client (this process: BullMQ and ioredis) shares the machine with the servers,
// the same for both.
// usage: node dist/bench/bullmq.js [--jobs N] [--rounds N] [--concurrency N] [--producers N]
import { parseArgs } from "node:util";
import { Queue, Worker } from "bullmq";
import { cpuSeconds } from "./proc.js";
import { startRedis, startRedlua, type Target } from "./targets.js";

interface Phase {
  name: string;
  what: string;
  run(port: number, queue: string, jobs: number): Promise<void>;
}

const opts = parseArgs({
  options: {
    jobs: { type: "string", default: "5000" },
    rounds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "50" },
    producers: { type: "string", default: "50" },
  },
}).values;
const CONCURRENCY = Number(opts.concurrency);
const PRODUCERS = Number(opts.producers);

const connection = (port: number) => ({ host: "127.0.0.1", port, maxRetriesPerRequest: null });

const PHASES: Phase[] = [
  {
    name: "add",
    what: `Queue.add, ${PRODUCERS} concurrent producers on 4 connections`,
    async run(port, name, jobs) {
      const queues = [0, 1, 2, 3].map(() => new Queue(name, { connection: connection(port) }));
      await Promise.all(queues.map((q) => q.waitUntilReady()));
      let next = 0;
      const producer = async (q: Queue) => {
        for (let n = next++; n < jobs; n = next++) await q.add("job", { n });
      };
      await Promise.all(Array.from({ length: PRODUCERS }, (_, i) => producer(queues[i % 4])));
      await Promise.all(queues.map((q) => q.close()));
    },
  },
  {
    name: "addBulk",
    what: "Queue.addBulk, 100 jobs a call",
    async run(port, name, jobs) {
      const q = new Queue(name, { connection: connection(port) });
      await q.waitUntilReady();
      for (let i = 0; i < jobs; i += 100) {
        const batch = [];
        for (let n = i; n < Math.min(jobs, i + 100); n++) batch.push({ name: "job", data: { n } });
        await q.addBulk(batch);
      }
      await q.close();
    },
  },
  {
    name: "process",
    what: `Worker, concurrency ${CONCURRENCY}, of the jobs the two phases above added`,
    async run(port, name, jobs) {
      let done = 0;
      let finish: () => void = () => {};
      const all = new Promise<void>((resolve) => (finish = resolve));
      const worker = new Worker(name, async () => "ok", {
        connection: connection(port),
        concurrency: CONCURRENCY,
        autorun: false,
      });
      worker.on("completed", () => {
        if (++done === jobs) finish();
      });
      worker.on("failed", (_job, e) => {
        throw e;
      });
      void worker.run();
      await all;
      await worker.close();
    },
  },
];

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

async function main(): Promise<void> {
  const jobs = Number(opts.jobs);
  const rounds = Number(opts.rounds);
  const targets: Target[] = [await startRedis(), await startRedlua()];
  const best = new Map<string, number>();
  const cpu = new Map<string, number>();
  try {
    // a warm-up round (V8 compiles the hot paths, both servers load the scripts), not counted
    for (let r = -1; r < rounds; r++) {
      const order = r % 2 === 0 ? [...targets].reverse() : targets;
      for (const t of order) {
        const queue = `bench-${r + 1}-${t.name}`;
        for (const p of PHASES) {
          // the process phase takes what add and addBulk left: both phases' jobs
          const n = p.name === "process" ? 2 * jobs : jobs;
          const c0 = cpuSeconds(t.pid);
          const t0 = performance.now();
          await p.run(t.port, queue, n);
          const rate = n / ((performance.now() - t0) / 1000);
          const us = ((cpuSeconds(t.pid) - c0) * 1e6) / n;
          if (process.env.BENCH_TRACE) process.stderr.write(`${t.name} ${p.name}: ${Math.round(rate)}/s\n`);
          if (r < 0) continue;
          const key = `${t.name} ${p.name}`;
          best.set(key, Math.max(best.get(key) ?? 0, rate));
          if (!(us >= (cpu.get(key) ?? Infinity))) cpu.set(key, us);
        }
        process.stderr.write(`round ${r + 1} ${t.name} done\n`);
      }
    }
  } finally {
    for (const t of targets) await t.stop();
  }
  const out: string[] = [
    `BullMQ ${jobs} jobs a phase (process: ${2 * jobs}), best of ${rounds} rounds after a warm-up, jobs per second; ` +
      "server CPU per job in µs (user + system, all threads, in /proc's 10 ms ticks; the least of the rounds)",
    "",
    "| phase | Redis jobs/s | redlua jobs/s | redlua / Redis | Redis CPU µs/job | redlua CPU µs/job | redlua / Redis |",
    "| --- | --: | --: | --: | --: | --: | --: |",
  ];
  for (const p of PHASES) {
    const [a, b] = [best.get(`redis ${p.name}`)!, best.get(`redlua ${p.name}`)!];
    const [ca, cb] = [cpu.get(`redis ${p.name}`)!, cpu.get(`redlua ${p.name}`)!];
    out.push(
      `| ${p.name} (${p.what}) | ${fmt(a)} | ${fmt(b)} | ${(b / a).toFixed(2)} | ${ca.toFixed(1)} | ` +
        `${cb.toFixed(1)} | ${(cb / ca).toFixed(2)} |`,
    );
  }
  process.stdout.write(out.join("\n") + "\n");
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
