// The Lua conformance corpus on disk: cases are spec/lua/cases/<area>/<name>.lua, their recorded
// expectations spec/lua/expected/<area>/<name>.json. Shared by the recorder (record.ts), the runner
// (corpus.test.ts) and the differential fuzzer (spec/fuzz/lua-diff.ts). Uses node:fs and node:path only.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the nearest directory above this module holding package.json. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error("spec/lua: cannot find the repository root (no package.json above)");
    dir = up;
  }
}

export const ROOT = repoRoot();
export const CASES_DIR = path.join(ROOT, "spec", "lua", "cases");
export const EXPECTED_DIR = path.join(ROOT, "spec", "lua", "expected");

/** What `lua5.1 <name>.lua` printed, as recorded: bytes kept as latin1 strings. */
export interface Expectation {
  stdout: string;
  stderr: string;
  status: number;
}

export interface LuaCase {
  /** "core", "syntax", ... : the folder under spec/lua/cases/. */
  area: string;
  /** "closures": the file name without ".lua". */
  name: string;
  /** The id used in spec/known-differences.json: "lua/<area>/<name>.lua". */
  id: string;
  /** Absolute path of the .lua file. */
  file: string;
  /** Absolute path of the recorded expectation. */
  expectedFile: string;
  /** Command-line arguments after the script name, from a leading `-- args: a b c` line. */
  args: string[];
}

/** Every case, sorted by area then name (deterministic order for recorder and runner). */
export function listCases(): LuaCase[] {
  const out: LuaCase[] = [];
  if (!existsSync(CASES_DIR)) return out;
  const areas = readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const area of areas) {
    const files = readdirSync(path.join(CASES_DIR, area))
      .filter((f) => f.endsWith(".lua"))
      .sort();
    for (const f of files) {
      const name = f.slice(0, -".lua".length);
      const file = path.join(CASES_DIR, area, f);
      out.push({
        area,
        name,
        id: `lua/${area}/${f}`,
        file,
        expectedFile: path.join(EXPECTED_DIR, area, `${name}.json`),
        args: parseArgsHeader(readFileSync(file, "latin1")),
      });
    }
  }
  return out;
}

/**
 * A case may start with `-- args: x y z` (whitespace-separated, no quoting) to be run as
 * `lua5.1 name.lua x y z`. Only the first line is looked at.
 */
export function parseArgsHeader(source: string): string[] {
  const firstLine = source.split("\n", 1)[0];
  const m = /^--\s*args:(.*)$/.exec(firstLine);
  if (m === null) return [];
  return m[1].split(/\s+/).filter((s) => s !== "");
}

/** The recorded expectation of a case, or undefined if it was never recorded. */
export function readExpectation(c: LuaCase): Expectation | undefined {
  if (!existsSync(c.expectedFile)) return undefined;
  const parsed = JSON.parse(readFileSync(c.expectedFile, "utf8")) as Expectation;
  return parsed;
}

/** The serialised form of an expectation, exactly as the recorder writes it. */
export function formatExpectation(e: Expectation): string {
  return JSON.stringify({ stdout: e.stdout, stderr: e.stderr, status: e.status }, null, 2) + "\n";
}

/** The first line of an error output (the `lua5.1: chunk:LINE: message` line), without its newline. */
export function firstLine(text: string): string {
  const i = text.indexOf("\n");
  return i < 0 ? text : text.slice(0, i);
}

/** "line N: expected ... / actual ..." for the first line where two outputs differ. */
export function firstDifference(actual: string, expected: string): string {
  const a = actual.split("\n");
  const e = expected.split("\n");
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) {
      const show = (s: string | undefined) => (s === undefined ? "(no line)" : JSON.stringify(s));
      return `line ${i + 1}:\n  expected ${show(e[i])}\n  actual   ${show(a[i])}`;
    }
  }
  return "(no difference)";
}
