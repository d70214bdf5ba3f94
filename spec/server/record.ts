// Records every transcript (or those named on the command line) against a real redis-server 7.0
// in RESP2 and RESP3: each run gets a fresh server on a free loopback port. Writes NAME.json
// beside NAME.txt. Usage: node dist/spec/server/record.js [NAME...]

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasBinary, startRedisServer } from "../support/redis-server.js";
import { loadTranscript, normalize, recorded, runTranscript } from "./transcript.js";

export const TRANSCRIPTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../spec/server/transcripts",
);

/** Extra server arguments a transcript needs, from a "#! --opt value" first line. */
export function serverArgs(file: string): string[] {
  const first = fs.readFileSync(file, "latin1").split("\n")[0];
  if (!first.startsWith("#!")) return [];
  return first.slice(2).trim().split(/\s+/).filter(Boolean);
}

export async function recordOne(name: string): Promise<void> {
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

async function main(): Promise<void> {
  if (!hasBinary("redis-server")) {
    process.stderr.write("redis-server is not installed; cannot record\n");
    process.exit(1);
  }
  let names = process.argv.slice(2);
  if (names.length === 0) {
    names = fs
      .readdirSync(TRANSCRIPTS)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => f.slice(0, -4))
      .sort();
  }
  for (const n of names) await recordOne(n);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
