// Records the scripting transcripts against a real redis-server 7.0: for each transcript, in
// RESP2 and RESP3, through EVAL and (unless `# eval-only`) through FUNCTION LOAD + FCALL, each run
// on a fresh server. Writes NAME.json beside NAME.txt; "clients" records the real clients'
// scenarios (clients.ts) into spec/scripting/clients.json.
// Usage: node dist/spec/scripting/record.js [NAME... | clients]

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasBinary, startRedisServer } from "../support/redis-server.js";
import { normalize, recorded, runTranscript } from "../server/transcript.js";
import { serverArgs } from "../server/record.js";
import { ioredisScenario, nodeRedisScenario, redisCliScenario, type ScenarioResult } from "./clients.js";
import {
  loadScriptingTranscript,
  recordingKey,
  SCRIPTING_TRANSCRIPTS,
  stepsFor,
  transcriptNames,
  type Recording,
} from "./cases.js";

async function recordOne(name: string): Promise<void> {
  const t = loadScriptingTranscript(name);
  const result: Recording = {};
  for (const mode of t.evalOnly ? (["eval"] as const) : (["eval", "fcall"] as const)) {
    const steps = stepsFor(t.steps, mode);
    const rec = steps.filter(recorded);
    for (const proto of [2, 3] as const) {
      const srv = await startRedisServer(serverArgs(t.file));
      try {
        const replies = await runTranscript(srv.port, steps, proto);
        result[recordingKey(mode, proto)] = replies.map((r, i) => normalize(rec[i], r));
      } finally {
        await srv.stop();
      }
    }
  }
  fs.writeFileSync(
    path.join(SCRIPTING_TRANSCRIPTS, `${name}.json`),
    JSON.stringify(result, null, 1) + "\n",
    "latin1",
  );
  const n = Object.values(result).reduce((a, r) => a + r.length, 0);
  process.stdout.write(`recorded ${name} (${n} replies)\n`);
}

/** The real clients' scenarios (clients.ts), each against a fresh redis-server. */
export async function runClientScenarios(
  start: () => Promise<{ port: number; stop(): Promise<void> }>,
): Promise<ClientRecording> {
  const fresh = async <T>(f: (port: number) => Promise<T> | T): Promise<T> => {
    const srv = await start();
    try {
      return await f(srv.port);
    } finally {
      await srv.stop();
    }
  };
  return {
    ioredis: await fresh(ioredisScenario),
    nodeRedisResp2: await fresh((p) => nodeRedisScenario(p, 2)),
    nodeRedisResp3: await fresh((p) => nodeRedisScenario(p, 3)),
    redisCli: (await fresh(redisCliScenario)) ?? null,
  };
}

export type ClientRecording = Record<string, ScenarioResult | null>;

export const CLIENTS = path.join(SCRIPTING_TRANSCRIPTS, "..", "clients.json");

async function recordClients(): Promise<void> {
  const result = await runClientScenarios(() => startRedisServer());
  if (result.redisCli === null) throw new Error("redis-cli is not installed; cannot record its scenario");
  fs.writeFileSync(CLIENTS, JSON.stringify(result, null, 1) + "\n", "latin1");
  process.stdout.write(`recorded clients (${Object.keys(result).join(", ")})\n`);
}

async function main(): Promise<void> {
  if (!hasBinary("redis-server")) {
    process.stderr.write("redis-server is not installed; cannot record\n");
    process.exit(1);
  }
  const names = process.argv.length > 2 ? process.argv.slice(2) : [...transcriptNames(), "clients"];
  for (const n of names) {
    if (n === "clients") await recordClients();
    else await recordOne(n);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
