// Records the hostile corpus (spec/hostile/*.txt) against a real redis-server 7.0 in RESP2 and RESP3,
// writing NAME.json beside NAME.txt. Cases Redis itself can't take (they crash or stall it) are not
// in the .txt files: spec/hostile/hostile.test.ts checks them against redlua alone.
// Usage: node dist/spec/hostile/record.js [NAME...]

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasBinary, startRedisServer } from "../support/redis-server.js";
import { loadTranscript, normalize, recorded, runTranscript } from "../server/transcript.js";

export const HOSTILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../spec/hostile");

export function hostileNames(): string[] {
  return fs
    .readdirSync(HOSTILE)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
}

async function recordOne(name: string): Promise<void> {
  const steps = loadTranscript(path.join(HOSTILE, `${name}.txt`));
  const rec = steps.filter(recorded);
  const result: Record<string, string[]> = {};
  for (const proto of [2, 3] as const) {
    const srv = await startRedisServer();
    try {
      const replies = await runTranscript(srv.port, steps, proto);
      result[`resp${proto}`] = replies.map((r, i) => normalize(rec[i], r));
    } finally {
      await srv.stop();
    }
  }
  fs.writeFileSync(path.join(HOSTILE, `${name}.json`), JSON.stringify(result, null, 1) + "\n", "latin1");
  process.stdout.write(`recorded ${name} (${result.resp2.length} replies)\n`);
}

async function main(): Promise<void> {
  if (!hasBinary("redis-server")) {
    process.stderr.write("redis-server is not installed; cannot record\n");
    process.exit(1);
  }
  const names = process.argv.length > 2 ? process.argv.slice(2) : hostileNames();
  for (const n of names) await recordOne(n);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
