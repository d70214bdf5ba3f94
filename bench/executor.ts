// The executor's own cost per command, without sockets or threads: Executor.execute in a loop
// (SET, GET, INCR, LPUSH over 1,000 keys; EVALSHA of `return 1` and of bench/functions.ts's
// calls10 body, on half and a tenth as many requests), the best of --rounds rounds after one warm-up, in ns
// per command. With --baseline, the same program runs against another checkout's build
// (DIR/dist/server/executor.js), the two taking turns in child processes, so a change to the
// command path shows against the noise of the shared machine.
// usage: node dist/bench/executor.js [--commands N] [--rounds N] [--runs N] [--baseline DIR]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { BODIES } from "./bodies.js";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** bench/functions.ts's calls10 body: ten redis.call on a hash and a sorted set. */
const CALLS10 = BODIES.find(([name]) => name === "calls10")![2];
const sha1 = (s: string) => createHash("sha1").update(s, "latin1").digest("hex");

/** name, the request for the i-th command, and the fraction of --commands it runs. */
const TESTS: [string, (i: number) => string[], number][] = [
  ["SET", (i) => ["SET", `key:${i}`, "value"], 1],
  ["GET", (i) => ["GET", `key:${i}`], 1],
  ["INCR", () => ["INCR", "counter"], 1],
  ["LPUSH", (i) => ["LPUSH", `list${i % 10}`, "x"], 1],
  ["return1", () => ["EVALSHA", sha1("return 1"), "0"], 1 / 2],
  ["calls10", () => ["EVALSHA", sha1(CALLS10), "0"], 1 / 10],
];

interface ExecutorLike {
  newClient(): unknown;
  execute(c: unknown, argv: string[]): unknown;
  dbs: { clear(): number }[];
}

/** Runs the loops against the executor built in `root`; prints one JSON line of ns/command. */
async function measure(root: string, commands: number, rounds: number): Promise<Record<string, number>> {
  const mod = (await import(pathToFileURL(`${root}/dist/server/executor.js`).href)) as {
    Executor: new () => ExecutorLike;
  };
  const ex = new mod.Executor();
  const c = ex.newClient();
  for (const body of ["return 1", CALLS10]) ex.execute(c, ["SCRIPT", "LOAD", body]);
  const best: Record<string, number> = {};
  for (let round = 0; round <= rounds; round++) {
    for (const [name, make, share] of TESTS) {
      const argvs = Array.from({ length: 1000 }, (_, i) => make(i));
      const n = Math.ceil(commands * share);
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) ex.execute(c, argvs[i % 1000]);
      const ns = Number(process.hrtime.bigint() - t0) / n;
      if (round > 0) best[name] = Math.min(best[name] ?? Infinity, ns);
    }
    ex.dbs[0].clear();
  }
  return best;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      commands: { type: "string", default: "1000000" },
      rounds: { type: "string", default: "6" },
      runs: { type: "string", default: "2" },
      baseline: { type: "string" },
      child: { type: "string" },
    },
  });
  const commands = Number(values.commands);
  const rounds = Number(values.rounds);
  if (values.child !== undefined) {
    process.stdout.write(JSON.stringify(await measure(values.child, commands, rounds)) + "\n");
    return;
  }
  const targets: [string, string][] = [["this", ROOT]];
  if (values.baseline !== undefined) targets.unshift(["baseline", values.baseline]);
  const self = fileURLToPath(import.meta.url);
  console.log(`Executor.execute, ns per command (best of ${rounds} rounds of ${commands})`);
  for (let run = 0; run < Number(values.runs); run++) {
    for (const [name, root] of targets) {
      const args = [self, "--child", root, "--commands", String(commands), "--rounds", String(rounds)];
      const r = spawnSync(process.execPath, args, { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      const best = JSON.parse(r.stdout) as Record<string, number>;
      const cols = TESTS.map(([t]) => `${t} ${best[t].toFixed(1)}`).join("  ");
      console.log(`${name.padEnd(8)} ${cols}`);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
