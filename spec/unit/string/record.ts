// Records what lua5.1 answers for every call in cases.ts into spec/unit/string/expected/<group>.json.
//   node dist/spec/unit/string/record.js           re-record every group
//   node dist/spec/unit/string/record.js --check   fail if a recorded file differs from lua5.1 now
// Expected files are only ever written by this script.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GROUPS } from "./cases.js";
import { describe, repoRoot, runLua, type Recorded } from "./harness.js";

export const EXPECTED_DIR = path.join(repoRoot(), "spec", "unit", "string", "expected");

function main(argv: string[]): number {
  const check = argv.includes("--check");
  let bad = 0;
  for (const [name, make] of Object.entries(GROUPS)) {
    const calls = make();
    const outs = runLua(calls);
    const rec: Recorded[] = calls.map((call, i) => ({ lua: describe(call), out: outs[i] }));
    const text = rec.map((r) => JSON.stringify(r)).join("\n") + "\n";
    const file = path.join(EXPECTED_DIR, `${name}.jsonl`);
    const old = existsSync(file) ? readFileSync(file, "latin1") : undefined;
    if (old === text) continue;
    if (check) {
      console.error(`${file}: differs from what lua5.1 answers now`);
      bad++;
    } else {
      writeFileSync(file, text, "latin1");
      console.log(`wrote ${file} (${rec.length} calls)`);
    }
  }
  return bad === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
