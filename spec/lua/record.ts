// Records the Lua corpus: runs every spec/lua/cases/<area>/<name>.lua under the real `lua5.1`
// (cwd = the case's folder, TZ=UTC, empty stdin) and writes spec/lua/expected/<area>/<name>.json.
// Each case runs twice and must print the same both times; stale expectations are deleted.
//   node dist/spec/lua/record.js            re-record everything
//   node dist/spec/lua/record.js --check    record in memory, fail if any recorded file differs

import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { EXPECTED_DIR, formatExpectation, listCases, type Expectation, type LuaCase } from "./corpus.js";

const LUA = "lua5.1";

/** The environment every recording (and the fuzzer's reference runs) uses. */
export function referenceEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TZ: "UTC", LC_ALL: "C", LANG: "C" };
}

/** Runs one case under lua5.1 and returns what it printed. */
export function runReference(c: LuaCase): Expectation {
  const r = spawnSync(LUA, [`${c.name}.lua`, ...c.args], {
    cwd: path.dirname(c.file),
    env: referenceEnv(),
    input: "",
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) {
    const why = (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT" ? "ran past 20 s" : r.error.message;
    throw new Error(`${c.id}: cannot run ${LUA}: ${why}`);
  }
  if (r.status === null) throw new Error(`${c.id}: ${LUA} was killed by ${r.signal ?? "a signal"}`);
  return { stdout: r.stdout.toString("latin1"), stderr: r.stderr.toString("latin1"), status: r.status };
}

function lua51Available(): boolean {
  const r = spawnSync(LUA, ["-v"], { encoding: "latin1" });
  return r.status === 0 && /Lua 5\.1/.test(r.stdout + r.stderr);
}

/** Expected files that no longer have a case. */
function staleExpectations(cases: LuaCase[]): string[] {
  const wanted = new Set(cases.map((c) => c.expectedFile));
  const stale: string[] = [];
  if (!existsSync(EXPECTED_DIR)) return stale;
  for (const area of readdirSync(EXPECTED_DIR, { withFileTypes: true })) {
    const dir = path.join(EXPECTED_DIR, area.name);
    if (!area.isDirectory()) {
      stale.push(dir);
      continue;
    }
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (!wanted.has(p)) stale.push(p);
    }
  }
  return stale;
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  if (!lua51Available()) {
    console.error(`spec/lua/record: '${LUA}' (Lua 5.1.x) is not installed or not on PATH; cannot record.`);
    return 2;
  }
  const cases = listCases();
  let written = 0;
  let unchanged = 0;
  const problems: string[] = [];
  for (const c of cases) {
    let first: Expectation;
    let second: Expectation;
    try {
      first = runReference(c);
      second = runReference(c);
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }
    const text = formatExpectation(first);
    if (text !== formatExpectation(second)) {
      problems.push(`${c.id}: not deterministic (two runs of ${LUA} printed different output)`);
      continue;
    }
    const old = existsSync(c.expectedFile) ? readFileSync(c.expectedFile, "utf8") : undefined;
    if (old === text) {
      unchanged++;
      continue;
    }
    if (check) {
      problems.push(`${c.id}: ${old === undefined ? "never recorded" : "recorded file differs from lua5.1"}`);
      continue;
    }
    mkdirSync(path.dirname(c.expectedFile), { recursive: true });
    writeFileSync(c.expectedFile, text, "utf8");
    written++;
  }
  const stale = staleExpectations(cases);
  for (const p of stale) {
    if (check) {
      problems.push(`${path.relative(EXPECTED_DIR, p)}: stale expectation (no such case)`);
    } else {
      unlinkSync(p);
    }
  }
  if (!check && existsSync(EXPECTED_DIR)) {
    for (const area of readdirSync(EXPECTED_DIR)) {
      const dir = path.join(EXPECTED_DIR, area);
      if (readdirSync(dir).length === 0) rmdirSync(dir);
    }
  }
  const mode = check ? "checked" : "recorded";
  console.log(
    `spec/lua: ${mode} ${cases.length} cases (${written} written, ${unchanged} unchanged, ` +
      `${check ? 0 : stale.length} stale deleted)`,
  );
  for (const p of problems) console.error(`  ${p}`);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
