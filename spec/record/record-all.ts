// Re-records every expectation under spec/ from the real reference binaries: runs each area's
// recorder (any compiled spec/**/record.js) in turn — spec/lua first, then redis-libs, server,
// scripting, functions, then any other area found — and fails if a reference binary is missing
// or any recorder fails. Recorders are found from the sources (spec/**/record.ts), so a stale
// file left in dist/ is never run.
//   node dist/spec/record/record-all.js [args passed to every recorder]
//   node dist/spec/record/record-all.js --list       print the recorders in run order

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Areas recorded first, in this order; others follow alphabetically. */
const FIRST = ["lua", "redis-libs", "server", "scripting", "functions"];

/** The binaries recorders need, with the Debian package that provides each. */
const REFERENCES: [binary: string, args: string[], pkg: string][] = [
  ["lua5.1", ["-v"], "lua5.1"],
  ["redis-server", ["--version"], "redis-server"],
];

const DIST_SPEC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC_SPEC = path.resolve(DIST_SPEC, "..", "..", "spec");

/** Recorders (spec/**\/record.ts), as paths relative to spec/ of their compiled form ("lua/record.js"). */
export function findRecorders(root = SRC_SPEC): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "record.ts") found.push(path.relative(root, p).replace(/\.ts$/, ".js"));
    }
  };
  if (existsSync(root)) walk(root);
  const rank = (rel: string) => {
    const i = FIRST.indexOf(rel.split(path.sep)[0]);
    return i < 0 ? FIRST.length : i;
  };
  return found.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function main(args: string[]): number {
  if (args.includes("--list")) {
    for (const rel of findRecorders()) console.log(`spec/${rel.replace(/\.js$/, ".ts")}`);
    return 0;
  }
  const missing = REFERENCES.filter(([bin, vargs]) => {
    const r = spawnSync(bin, vargs, { stdio: "ignore" });
    return r.error !== undefined || r.status !== 0;
  });
  if (missing.length > 0) {
    for (const [bin, , pkg] of missing) {
      console.error(
        `record-all: '${bin}' is not installed (Debian package ${pkg}); expectations cannot be recorded.`,
      );
    }
    return 2;
  }
  const recorders = findRecorders();
  const unbuilt = recorders.filter((rel) => !existsSync(path.join(DIST_SPEC, rel)));
  if (recorders.length === 0 || unbuilt.length > 0) {
    console.error(
      `record-all: recorders not built (${unbuilt.join(", ") || "none found"}): run npx tsc -p . first`,
    );
    return 2;
  }
  const failed: string[] = [];
  for (const rel of recorders) {
    console.log(`== spec/${rel.replace(/\.js$/, ".ts")}`);
    const r = spawnSync(process.execPath, [path.join(DIST_SPEC, rel), ...args], { stdio: "inherit" });
    if (r.status !== 0) failed.push(`spec/${rel} (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
  }
  if (failed.length > 0) {
    console.error(`record-all: ${failed.length} recorder(s) failed:\n  ${failed.join("\n  ")}`);
    return 1;
  }
  console.log(`record-all: ${recorders.length} recorder(s) done`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
