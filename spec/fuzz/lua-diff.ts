// Randomized differential test of the Lua engine: generates seeded Lua programs
// (spec/fuzz/lua-diff-gen.ts), runs them under the real lua5.1 (batched, lua-diff-run.ts) and
// through redlua's engine, and prints every seed whose stdout, exit status or first stderr line
// differ, with the program shrunk to the blocks that still show the difference.
//   node dist/spec/fuzz/lua-diff.js [--seed N] [--count N] [--batch N] [--save] [--no-minimize]
//   node dist/spec/fuzz/lua-diff.js --print --seed N      show one program
// --save writes each difference to spec/lua/cases/fuzz/seed-N.lua (a permanent corpus case:
// then run node dist/spec/lua/record.js). Needs lua5.1; not part of npm test.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CASES_DIR, firstDifference, firstLine, type Expectation } from "../lua/corpus.js";
import { runRedlua } from "../lua/run-redlua.js";
import { generate, render, type Program } from "./lua-diff-gen.js";
import { runReferenceBatch } from "./lua-diff-run.js";

/** How many differences are printed with their (shrunk) program; the rest get one line each. */
const SHOWN = 10;

interface Options {
  seed: number;
  count: number;
  batch: number;
  save: boolean;
  minimize: boolean;
  print: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { seed: 1, count: 100, batch: 100, save: false, minimize: true, print: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === "--seed") o.seed = num();
    else if (a === "--count") o.count = num();
    else if (a === "--batch") o.batch = Math.max(1, num());
    else if (a === "--save") o.save = true;
    else if (a === "--no-minimize") o.minimize = false;
    else if (a === "--print") o.print = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** How redlua's run differs from lua5.1's, or undefined when they agree. */
export function difference(actual: Expectation, expected: Expectation): string | undefined {
  if (actual.stdout !== expected.stdout) {
    const err =
      actual.stderr === "" ? "" : `\n  redlua's stderr: ${JSON.stringify(firstLine(actual.stderr))}`;
    return `stdout differs at ${firstDifference(actual.stdout, expected.stdout)}${err}`;
  }
  if (firstLine(actual.stderr) !== firstLine(expected.stderr)) {
    return `stderr differs:\n  expected ${JSON.stringify(firstLine(expected.stderr))}\n  actual   ${JSON.stringify(firstLine(actual.stderr))}`;
  }
  if (actual.status !== expected.status)
    return `exit status: expected ${expected.status}, actual ${actual.status}`;
  return undefined;
}

function runOurs(seed: number, text: string): Expectation {
  try {
    return runRedlua(text, `seed-${seed}.lua`, [], 10_000);
  } catch (e) {
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { stdout: "", stderr: `redlua threw a JS exception: ${msg}\n`, status: -1 };
  }
}

function differs(seed: number, text: string): string | undefined {
  const ref = runReferenceBatch([{ seed, text }]).get(seed);
  if (ref === undefined) return "lua5.1 produced no result";
  return difference(runOurs(seed, text), ref);
}

/** Drops blocks one at a time while the program still differs (greedy, last block first). */
function minimize(p: Program): string {
  const keep = p.blocks.map(() => true);
  for (let i = p.blocks.length - 1; i >= 0; i--) {
    keep[i] = false;
    if (differs(p.seed, render(p, keep)) === undefined) keep[i] = true;
  }
  return render(p, keep);
}

function main(argv: string[]): number {
  const o = parseOptions(argv);
  if (o.print) {
    process.stdout.write(render(generate(o.seed)));
    return 0;
  }
  process.env.TZ = "UTC";
  const found: { seed: number; why: string; text: string }[] = [];
  let same = 0;
  const last = o.seed + o.count - 1;
  for (let start = o.seed; start <= last; start += o.batch) {
    const programs: Program[] = [];
    for (let s = start; s <= Math.min(last, start + o.batch - 1); s++) programs.push(generate(s));
    const ref = runReferenceBatch(programs.map((p) => ({ seed: p.seed, text: render(p) })));
    for (const p of programs) {
      const text = render(p);
      const expected = ref.get(p.seed);
      if (expected?.syntaxError) {
        throw new Error(`generator bug: lua5.1 cannot compile seed ${p.seed}: ${firstLine(expected.stderr)}`);
      }
      const why =
        expected === undefined ? "lua5.1 produced no result" : difference(runOurs(p.seed, text), expected);
      if (why === undefined) {
        same++;
        continue;
      }
      // shrink (and show) the first few in full; with --save, every one is shrunk and saved
      const detail = found.length < SHOWN || o.save;
      const small = o.minimize && detail ? minimize(p) : text;
      const smallWhy = small !== text ? (differs(p.seed, small) ?? why) : why;
      found.push({ seed: p.seed, why: smallWhy, text: small });
      if (found.length <= SHOWN) console.log(`seed ${p.seed}: ${smallWhy}\n${small.replace(/^/gm, "  | ")}`);
      else console.log(`seed ${p.seed}: ${smallWhy.split("\n").join(" ")}`);
    }
  }
  console.log(`lua-diff: seeds ${o.seed}..${last}: ${same} same, ${found.length} differ`);
  if (o.save && found.length > 0) {
    const dir = path.join(CASES_DIR, "fuzz");
    mkdirSync(dir, { recursive: true });
    for (const f of found) writeFileSync(path.join(dir, `seed-${f.seed}.lua`), f.text, "latin1");
    console.log(
      `saved ${found.length} case(s) under spec/lua/cases/fuzz/; record them: node dist/spec/lua/record.js`,
    );
  }
  return found.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`lua-diff: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  }
}
