// BullMQ end to end against redlua, with the executor inline and on its own thread. The main
// scenario: two producers add jobs (single, bulk, delayed, retried with fixed and exponential
// backoff, prioritized, a duplicate job id), two workers process them (BZPOPMIN on the marker,
// ~50 Lua scripts through EVALSHA), QueueEvents follows the events stream with XREAD BLOCK; every
// job must complete exactly once, with its return value, after its delay and its retries, with
// its events, and no command or script may fail. A second test walks much of the rest of the API
// (pause/resume, deduplication, logs, progress, job schedulers, flows, clean, drain, obliterate).
// BULLMQ_REDIS_PORT=<port> runs the same tests against another server (e.g. a redis-server, to
// check the tests' own expectations); by default they start a redlua server.

import { test } from "node:test";
import assert from "node:assert/strict";
import { FlowProducer, Queue, QueueEvents, Worker, type Job } from "bullmq";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";

configureLog({ silent: true });

interface Data {
  n: number;
  /** attempts that throw before one succeeds */
  failTimes?: number;
  delay?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const executor of ["inline", "thread"] as const) {
  test(`BullMQ (executor ${executor}): pause, priorities, delays, deduplication, logs, schedulers, flows, clean`, () =>
    apiSurface(executor));
  test(`BullMQ (executor ${executor}): every job completes exactly once (delayed, retried, prioritized, bulk, events)`, () =>
    scenario(executor));
}

async function scenario(executor: "inline" | "thread"): Promise<void> {
  const external = process.env.BULLMQ_REDIS_PORT;
  const srv =
    external === undefined
      ? await startServer({ executor, config: { save: "", appendonly: "no" } })
      : undefined;
  const port = srv?.port ?? Number(external);
  const connection = { host: "127.0.0.1", port, maxRetriesPerRequest: null };
  const name = `e2e-${Date.now()}`;
  const errors: string[] = [];
  const producers = [new Queue<Data>(name, { connection }), new Queue<Data>(name, { connection })];
  for (const q of producers) q.on("error", (e) => errors.push(`queue: ${e.message}`));
  // From the stream's start, so no event is missed however the first XREAD races the adds.
  const events = new QueueEvents(name, { connection, lastEventId: "0-0" });
  events.on("error", (e) => errors.push(`events: ${e.message}`));
  await events.waitUntilReady();

  const attempts = new Map<string, number>();
  const succeeded = new Map<string, number>();
  const processor = async (job: Job<Data>) => {
    const id = job.id as string;
    attempts.set(id, (attempts.get(id) ?? 0) + 1);
    if ((job.data.failTimes ?? 0) > job.attemptsMade) throw new Error(`planned failure ${job.attemptsMade}`);
    await sleep(job.data.n % 3);
    succeeded.set(id, (succeeded.get(id) ?? 0) + 1);
    return { double: job.data.n * 2 };
  };
  const workers = [
    new Worker<Data>(name, processor, { connection, concurrency: 5 }),
    new Worker<Data>(name, processor, { connection, concurrency: 3 }),
  ];
  const workerCompleted = new Map<string, number>();
  let workerFailed = 0;
  for (const w of workers) {
    w.on("error", (e) => errors.push(`worker: ${e.message}`));
    w.on("completed", (job) =>
      workerCompleted.set(job.id as string, (workerCompleted.get(job.id as string) ?? 0) + 1),
    );
    w.on("failed", () => workerFailed++);
  }
  const eventCompleted = new Map<string, unknown>();
  const eventCounts = new Map<string, number>();
  const count = (ev: string) => () => eventCounts.set(ev, (eventCounts.get(ev) ?? 0) + 1);
  for (const ev of ["added", "delayed", "failed", "retries-exhausted", "duplicated"] as const)
    events.on(ev, count(ev));
  events.on("completed", ({ jobId, returnvalue }) => eventCompleted.set(jobId, returnvalue));
  // when the server promoted each delayed job: the ms part of its "waiting" event's stream id
  const promotedAt = new Map<string, number>();
  events.on("waiting", ({ jobId, prev }, id) => {
    if (prev === "delayed" && !promotedAt.has(jobId)) promotedAt.set(jobId, Number(id.split("-")[0]));
  });

  // Producers add concurrently: plain, delayed, retried (fixed and exponential backoff), prioritized.
  const expected = new Map<string, Data>();
  const adds: Promise<Job<Data>>[] = [];
  for (let n = 0; n < 120; n++) {
    const data: Data = { n };
    const opts: Parameters<Queue<Data>["add"]>[2] = {};
    if (n % 8 === 1) {
      data.delay = 100 + (n % 5) * 50;
      opts.delay = data.delay;
    }
    if (n % 6 === 2) {
      data.failTimes = 1 + (n % 2);
      opts.attempts = 3;
      opts.backoff = n % 4 === 0 ? { type: "exponential", delay: 20 } : { type: "fixed", delay: 30 };
    }
    if (n % 10 === 5) opts.priority = 1 + (n % 3);
    adds.push(producers[n % 2].add("job", data, opts));
  }
  const bulk = producers[1].addBulk(
    Array.from({ length: 30 }, (_, i) => ({ name: "bulk", data: { n: 1000 + i } as Data })),
  );
  const jobs = [...(await Promise.all(adds)), ...(await bulk)];
  for (const j of jobs) expected.set(j.id as string, j.data);
  // The same custom job id twice is one job.
  const d1 = await producers[0].add("dup", { n: 5000 }, { jobId: "dup-1" });
  const d2 = await producers[1].add("dup", { n: 5000 }, { jobId: "dup-1" });
  assert.equal(d1.id, "dup-1");
  assert.equal(d2.id, "dup-1");
  expected.set("dup-1", { n: 5000 });

  const deadline = Date.now() + 30000;
  while (eventCompleted.size < expected.size && Date.now() < deadline) await sleep(50);
  await sleep(100);

  try {
    assert.deepEqual(errors, []);
    assert.equal(eventCompleted.size, expected.size, "a completed event for every job");
    for (const [id, data] of expected) {
      assert.equal(succeeded.get(id), 1, `job ${id} succeeded once`);
      assert.equal(workerCompleted.get(id), 1, `job ${id} completed once`);
      assert.deepEqual(eventCompleted.get(id), { double: data.n * 2 });
      assert.equal(attempts.get(id), (data.failTimes ?? 0) + 1, `job ${id} attempts`);
    }
    // A failed attempt with attempts left is retried after its backoff (a "delayed" event); no
    // job fails for good.
    const planned = [...expected.values()].reduce((a, d) => a + (d.failTimes ?? 0), 0);
    const delayed = [...expected.values()].filter((d) => d.delay !== undefined).length;
    assert.equal(workerFailed, planned, "a worker failed event per planned failure");
    assert.deepEqual(Object.fromEntries(eventCounts), {
      added: expected.size,
      delayed: delayed + planned,
      duplicated: 1,
    });
    for (const j of jobs) {
      const job = await producers[0].getJob(j.id as string);
      assert.ok(job !== undefined);
      assert.deepEqual(job.returnvalue, { double: j.data.n * 2 });
      assert.equal(job.attemptsMade, (j.data.failTimes ?? 0) + 1);
      if (j.data.delay !== undefined) {
        // Promoted no earlier than its delay: the server moves a delayed job once a caller's
        // timestamp (the client's Date.now()) has reached it, so the promotion's own event is
        // at least that late. processedOn is the timestamp of the call that took the job, which
        // BullMQ reads before sending: a call that read the clock earlier but ran after another
        // worker's promotion takes the job with an older processedOn (seen once: "job 25 waited
        // its delay" failed), so it is held to the promotion only when it is itself early.
        const waited = (job.processedOn as number) - job.timestamp;
        const promoted = (promotedAt.get(j.id as string) ?? 0) - job.timestamp;
        assert.ok(
          waited >= j.data.delay || promoted >= j.data.delay,
          `job ${j.id} waited its delay (${j.data.delay} ms): processed after ${waited} ms, promoted after ${promoted} ms`,
        );
      }
    }
    const counts = await producers[0].getJobCounts();
    assert.deepEqual(counts, {
      active: 0,
      completed: expected.size,
      delayed: 0,
      failed: 0,
      prioritized: 0,
      waiting: 0,
      "waiting-children": 0,
    });
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await events.close();
    for (const q of producers) await q.obliterate({ force: true });
    await Promise.all(producers.map((q) => q.close()));
    await srv?.close();
  }
}

/**
 * Much of BullMQ's API, each call a Lua script or two: the states and values it reports are
 * those a redis-server 7.0 gives (checked with BULLMQ_REDIS_PORT).
 */
async function apiSurface(executor: "inline" | "thread"): Promise<void> {
  const external = process.env.BULLMQ_REDIS_PORT;
  const srv =
    external === undefined
      ? await startServer({ executor, config: { save: "", appendonly: "no" } })
      : undefined;
  const connection = { host: "127.0.0.1", port: srv?.port ?? Number(external), maxRetriesPerRequest: null };
  const q = new Queue(`api-${Date.now()}`, { connection });
  const errors: string[] = [];
  q.on("error", (e) => errors.push(`queue: ${e.message}`));
  const closing: { close(): Promise<void> }[] = [];
  try {
    await q.pause();
    assert.equal(await q.isPaused(), true);
    const j1 = await q.add("a", { x: 1 }, { jobId: "j1" });
    await q.add("b", { x: 2 }, { jobId: "j2", priority: 5 });
    await q.add("c", { x: 3 }, { jobId: "j3", delay: 100000 });
    await q.add("d", { x: 4 }, { jobId: "j4", deduplication: { id: "dd" } });
    await q.add("e", { x: 5 }, { jobId: "j5", deduplication: { id: "dd" } });
    assert.deepEqual(await q.getJobCounts(), {
      active: 0,
      completed: 0,
      delayed: 1,
      failed: 0,
      prioritized: 1,
      waiting: 2,
      "waiting-children": 0,
    });
    assert.deepEqual(
      (await q.getWaiting()).map((j) => j.id),
      ["j1", "j4"],
    );
    assert.deepEqual(
      (await q.getDelayed()).map((j) => j.id),
      ["j3"],
    );
    assert.deepEqual(
      (await q.getPrioritized()).map((j) => j.id),
      ["j2"],
    );
    await j1.updateProgress(42);
    await j1.log("hello");
    assert.deepEqual(await q.getJobLogs("j1"), { logs: ["hello"], count: 1 });
    await j1.updateData({ x: 10 });
    assert.deepEqual((await q.getJob("j1"))?.data, { x: 10 });
    assert.equal((await q.getJob("j1"))?.progress, 42);
    await q.promoteJobs();
    assert.equal((await q.getJobCounts()).waiting, 3);
    await q.resume();
    assert.equal(await q.isPaused(), false);
    await q.upsertJobScheduler("sched", { every: 50 }, { name: "rep", data: { r: 1 } });
    assert.deepEqual(
      (await q.getJobSchedulers()).map((s) => s.key),
      ["sched"],
    );
    const seen = new Set<string>();
    const w = new Worker(
      q.name,
      async (job) => {
        seen.add(job.name);
        if (job.name === "b") throw new Error("bad");
        return job.name;
      },
      { connection, limiter: { max: 100, duration: 1000 } },
    );
    closing.push(w);
    w.on("error", (e) => errors.push(`worker: ${e.message}`));
    const until = Date.now() + 10000;
    while (((await q.getJobCounts()).completed < 5 || seen.size < 5) && Date.now() < until) await sleep(50);
    await q.removeJobScheduler("sched");
    await sleep(100);
    await w.close();
    assert.deepEqual([...seen].sort(), ["a", "b", "c", "d", "rep"]);
    assert.deepEqual(
      (await q.getFailed()).map((j) => [j.id, j.failedReason]),
      [["j2", "bad"]],
    );
    assert.equal((await q.clean(0, 100, "failed")).length, 1);
    assert.equal((await q.getJobCounts()).failed, 0);
    const flow = new FlowProducer({ connection });
    closing.push(flow);
    const tree = await flow.add({
      name: "parent",
      queueName: q.name,
      data: {},
      children: [
        { name: "child1", queueName: q.name, data: {} },
        { name: "child2", queueName: q.name, data: {} },
      ],
    });
    assert.equal(await tree.job.getState(), "waiting-children");
    const w2 = new Worker(
      q.name,
      async (job) => (job.name === "parent" ? Object.keys(await job.getChildrenValues()).length : job.name),
      { connection },
    );
    closing.push(w2);
    w2.on("error", (e) => errors.push(`worker: ${e.message}`));
    const until2 = Date.now() + 10000;
    while ((await q.getJob(tree.job.id as string))?.returnvalue !== 2 && Date.now() < until2) await sleep(50);
    assert.equal((await q.getJob(tree.job.id as string))?.returnvalue, 2);
    await w2.close();
    await q.drain(true);
    await q.obliterate({ force: true });
    assert.deepEqual(errors, []);
  } finally {
    for (const c of closing) await c.close();
    await q.close();
    await srv?.close();
  }
}
