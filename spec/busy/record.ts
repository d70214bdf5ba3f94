// Records every busy-script scenario (or those named on the command line) against a real
// redis-server 7.0 with busy-reply-threshold at THRESHOLD (or the scenario's), in RESP2 and RESP3, each run on a
// fresh server (scenarios end it with SHUTDOWN NOSAVE, or leave a script to be stopped).
// Writes NAME.json beside NAME.txt. Usage: node dist/spec/busy/record.js [NAME...]

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasBinary, startRedisServer } from "../support/redis-server.js";
import { CASES, loadScenario, runScenario, scenarioNames, thresholdOf, type Recording } from "./scenario.js";

export async function recordOne(name: string): Promise<void> {
  const steps = loadScenario(name);
  const result: Partial<Recording> = {};
  for (const proto of [2, 3] as const) {
    const srv = await startRedisServer(["--busy-reply-threshold", String(thresholdOf(steps))]);
    try {
      result[`resp${proto}`] = await runScenario(srv.port, steps, proto);
    } finally {
      // a script still running (UNKILLABLE) is ended with the server
      srv.proc.kill("SIGKILL");
      await srv.stop();
    }
  }
  fs.writeFileSync(path.join(CASES, `${name}.json`), JSON.stringify(result, null, 1) + "\n", "latin1");
  process.stdout.write(`recorded ${name} (${result.resp2!.length} replies)\n`);
}

async function main(): Promise<void> {
  if (!hasBinary("redis-server")) {
    process.stderr.write("redis-server is not installed; cannot record\n");
    process.exit(1);
  }
  const names = process.argv.length > 2 ? process.argv.slice(2) : scenarioNames();
  for (const n of names) await recordOne(n);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
