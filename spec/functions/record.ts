// Records the Redis Functions expectations from a real redis-server 7.0: the transcripts under
// spec/functions/transcripts (RESP2 and RESP3, through spec/server/transcript.ts), and
// spec/functions/payloads.json — FUNCTION DUMP payloads made by Redis with the replies its
// functions give, payloads made by redlua with what Redis answers when it restores them, and
// crafted (corrupt or unusual) payloads with Redis's replies; spec/functions/node-redis.json —
// what node-redis's function helpers return; spec/functions/info.json — INFO's scripting fields.
// Usage: node dist/spec/functions/record.js [NAME...]
//   (NAME: a transcript, "payloads", "node-redis" or "info"; none: everything)

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasBinary, startRedisServer } from "../support/redis-server.js";
import { RespClient } from "../support/resp-client.js";
import { serverArgs } from "../server/record.js";
import { loadTranscript, normalize, recorded, runTranscript } from "../server/transcript.js";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { readPayload } from "../../server/scripting/functions-dump.js";
import {
  PAYLOAD_SETS,
  craftedCases,
  type PayloadsFile,
  type RecordedSet,
  type Cmd,
} from "./payload-cases.js";
import { nodeRedisScenario } from "./node-redis-scenario.js";

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../spec/functions");
export const TRANSCRIPTS = path.join(HERE, "transcripts");
export const PAYLOADS = path.join(HERE, "payloads.json");
export const NODE_REDIS = path.join(HERE, "node-redis.json");
export const INFO = path.join(HERE, "info.json");

/** Libraries loaded before INFO is read (3 functions in 2 libraries) and the scripts EVAL'd. */
export const INFO_SETUP: Cmd[] = [
  [
    "FUNCTION",
    "LOAD",
    "#!lua name=i1\nredis.register_function('i1a', function() end)\nredis.register_function('i1b', function() end)",
  ],
  ["FUNCTION", "LOAD", "#!lua name=i2\nredis.register_function('i2a', function() end)"],
  ["EVAL", "return 1", "0"],
  ["FCALL", "i1a", "0"],
];

/** INFO memory's scripting fields (names in order) and their counts. */
export function scriptingInfo(info: string): { names: string[]; counts: Record<string, string> } {
  const names: string[] = [];
  const counts: Record<string, string> = {};
  for (const line of info.split("\r\n")) {
    const m = /^([a-z_]+):(.*)$/.exec(line);
    if (m === null || !/lua|script|function|librar|_vm_/.test(m[1])) continue;
    names.push(m[1]);
    if (m[1].startsWith("number_of_")) counts[m[1]] = m[2];
  }
  return { names, counts };
}

export function transcriptNames(): string[] {
  return fs
    .readdirSync(TRANSCRIPTS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
}

async function recordTranscript(name: string): Promise<void> {
  const file = path.join(TRANSCRIPTS, `${name}.txt`);
  const steps = loadTranscript(file);
  const result: Record<string, string[]> = {};
  for (const proto of [2, 3] as const) {
    const srv = await startRedisServer(serverArgs(file));
    try {
      const replies = await runTranscript(srv.port, steps, proto);
      const rec = steps.filter(recorded);
      result[`resp${proto}`] = replies.map((r, i) => normalize(rec[i], r));
    } finally {
      await srv.stop();
    }
  }
  fs.writeFileSync(path.join(TRANSCRIPTS, `${name}.json`), JSON.stringify(result, null, 1) + "\n", "latin1");
  process.stdout.write(`recorded ${name} (${result.resp2.length} replies)\n`);
}

/**
 * A reply as the payload tests compare it: aggregates sorted at every level, as @sort does
 * (FUNCTION LIST and DUMP follow Redis's hash-table order, seeded at random on start-up).
 */
export function canonical(reply: string): string {
  return normalize({ line: 0, text: "", kind: "sort", args: [] }, reply);
}

/** Sends commands in order on one connection; raw reply bytes (latin1) for each. */
export async function runCommands(c: RespClient, cmds: Cmd[]): Promise<string[]> {
  const out: string[] = [];
  for (const cmd of cmds) {
    const args = cmd.map((a) => (typeof a === "string" ? a : Buffer.from(a.hex, "hex")));
    out.push((await c.command(args, 5000)).toString("latin1"));
  }
  return out;
}

async function recordPayloads(): Promise<void> {
  configureLog({ silent: true });
  const file: PayloadsFile = { sets: [], crafted: [] };
  const redis = await startRedisServer();
  const ours = await startServer({ config: { save: "", appendonly: "no" } });
  try {
    const rc = await RespClient.connect(redis.port);
    const oc = await RespClient.connect(ours.port);
    for (const set of PAYLOAD_SETS) {
      const loads: Cmd[] = set.codes.map((code) => ["FUNCTION", "LOAD", code]);
      // dumped by Redis: its payload and what the functions answer
      await runCommands(rc, [["FUNCTION", "FLUSH"], ...loads]);
      let redisPayload = (await rc.command(["FUNCTION", "DUMP"])) as Buffer;
      if (set.codes.length > 1) redisPayload = await dumpInNameOrder(loads);
      const replies = await runCommands(rc, set.calls);
      // restored into Redis from its own payload: the same answers
      const selfRestore = await runCommands(rc, [
        ["FUNCTION", "FLUSH"],
        ["FUNCTION", "RESTORE", { hex: bulkBody(redisPayload).toString("hex") }],
        ...set.calls,
      ]);
      // dumped by redlua, restored into Redis
      const ourLoad = await runCommands(oc, [["FUNCTION", "FLUSH"], ...loads]);
      const ourPayload = bulkBody((await oc.command(["FUNCTION", "DUMP"])) as Buffer);
      const redisOnOurs = await runCommands(rc, [
        ["FUNCTION", "FLUSH"],
        ["FUNCTION", "RESTORE", { hex: ourPayload.toString("hex") }],
        ...set.calls,
      ]);
      const rec: RecordedSet = {
        name: set.name,
        codes: set.codes,
        calls: set.calls,
        redisPayload: bulkBody(redisPayload).toString("hex"),
        replies: replies.map(canonical),
        redisSelfRestore: selfRestore.slice(1).map(canonical),
        redluaLoad: ourLoad.slice(1),
        redluaPayload: ourPayload.toString("hex"),
        redisRestoreOfRedlua: redisOnOurs.slice(1).map(canonical),
      };
      file.sets.push(rec);
      process.stdout.write(
        `payload set ${set.name}: redis ${rec.redisPayload.length / 2} bytes, redlua ${rec.redluaPayload.length / 2} bytes, ` +
          `redis restores redlua's: ${JSON.stringify(rec.redisRestoreOfRedlua[0])}\n`,
      );
    }
    for (const cc of craftedCases()) {
      const replies = await runCommands(rc, [["FUNCTION", "FLUSH"], ...cc.commands]);
      file.crafted.push({ ...cc, replies: replies.slice(1).map(canonical) });
    }
    process.stdout.write(`crafted payload cases: ${file.crafted.length}\n`);
    rc.close();
    oc.close();
  } finally {
    await ours.close();
    await redis.stop();
  }
  fs.writeFileSync(PAYLOADS, JSON.stringify(file, null, 1) + "\n", "utf8");
}

/**
 * FUNCTION DUMP lists libraries in the order of Redis's hash table, which depends on a seed
 * drawn at start-up; so that re-recording gives the same bytes, restart redis-server until
 * its dump of these libraries comes out in library-name order.
 */
async function dumpInNameOrder(loads: Cmd[]): Promise<Buffer> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const srv = await startRedisServer();
    try {
      const c = await RespClient.connect(srv.port);
      await runCommands(c, loads);
      const dump = (await c.command(["FUNCTION", "DUMP"])) as Buffer;
      c.close();
      const names: string[] = [];
      readPayload(bulkBody(dump), (code) => {
        names.push(/^#!lua name=(\w+)/.exec(code)?.[1] ?? "");
        return undefined;
      });
      if (names.every((n, i) => i === 0 || names[i - 1] < n)) return dump;
    } finally {
      await srv.stop();
    }
  }
  throw new Error("no redis-server start dumped the libraries in name order");
}

/** The payload inside a "$N\r\n...\r\n" bulk reply. */
export function bulkBody(reply: Buffer): Buffer {
  const nl = reply.indexOf("\r\n");
  const n = parseInt(reply.toString("latin1", 1, nl), 10);
  return reply.subarray(nl + 2, nl + 2 + n);
}

async function recordNodeRedis(): Promise<void> {
  const redis = await startRedisServer();
  try {
    const out = {
      resp2: await nodeRedisScenario(redis.port, 2),
      resp3: await nodeRedisScenario(redis.port, 3),
    };
    fs.writeFileSync(NODE_REDIS, JSON.stringify(out, null, 1) + "\n", "utf8");
    process.stdout.write(`recorded node-redis (${out.resp2.length} steps)\n`);
  } finally {
    await redis.stop();
  }
}

async function recordInfo(): Promise<void> {
  const redis = await startRedisServer();
  try {
    const c = await RespClient.connect(redis.port);
    const before = scriptingInfo(
      bulkBody((await c.command(["INFO", "memory"])) as Buffer).toString("latin1"),
    );
    await runCommands(c, INFO_SETUP);
    const after = scriptingInfo(bulkBody((await c.command(["INFO", "memory"])) as Buffer).toString("latin1"));
    c.close();
    fs.writeFileSync(INFO, JSON.stringify({ before, after }, null, 1) + "\n", "utf8");
    process.stdout.write(`recorded info (${after.names.length} fields)\n`);
  } finally {
    await redis.stop();
  }
}

async function main(): Promise<void> {
  if (!hasBinary("redis-server")) {
    process.stderr.write("redis-server is not installed; cannot record\n");
    process.exit(1);
  }
  let names = process.argv.slice(2);
  if (names.length === 0) names = [...transcriptNames(), "payloads", "node-redis", "info"];
  for (const n of names) {
    if (n === "payloads") await recordPayloads();
    else if (n === "node-redis") await recordNodeRedis();
    else if (n === "info") await recordInfo();
    else await recordTranscript(n);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
