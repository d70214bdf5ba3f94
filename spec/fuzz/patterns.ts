// Differential fuzz of Lua patterns: random subjects and patterns (well-formed and malformed)
// through string.find/match/gmatch/gsub under the real lua5.1 and under redlua's
// runtime/lib/string.ts, printing every difference. Needs lua5.1, so it is not part of npm test.
//   node dist/spec/fuzz/patterns.js [--seed N] [--count N] [--format] [--save]
// Patterns run through their generated matchers (runtime/lib/lpattern.ts generate) unless
// --interpreted is given.
// --format fuzzes string.format's numeric conversions instead (%d %x %e %f %g with random
// flags, widths and precisions over random doubles, many of them exact decimal ties).
// --save appends the differing calls to spec/unit/string/fuzz-found.json, which the unit tests
// replay (after `node dist/spec/unit/string/record.js` records lua5.1's answers for them).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, repoRoot, runJs, runLua, type Arg, type Call } from "../unit/string/harness.js";
import { setGenerateAfter } from "../../runtime/lib/lpattern.js";

/** mulberry32: a small seeded PRNG, so a seed reproduces a run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly r: () => number) {}
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
}

const SUBJECT_CHARS = [
  "a",
  "b",
  "c",
  "a",
  "b",
  "x",
  "1",
  "2",
  " ",
  "(",
  ")",
  "[",
  "]",
  ".",
  "%",
  "-",
  "\0",
  "\n",
  "\xe9",
  "A",
  "_",
  "=",
];
const LITERALS = ["a", "b", "c", "x", "1", " ", "A", "=", "_", "\xe9", "\n"];
const CLASSES = "acdlpsuwxzACDLPSUWXZ.%()[]-bq";
const QUANTS = ["", "", "", "*", "+", "-", "?"];

function subject(g: Gen): string {
  const n = g.int(g.chance(0.2) ? 30 : 12);
  let s = "";
  for (let i = 0; i < n; i++) s += g.pick(SUBJECT_CHARS);
  return s;
}

function setItem(g: Gen): string {
  let s = "[";
  if (g.chance(0.3)) s += "^";
  const n = 1 + g.int(3);
  for (let i = 0; i < n; i++) {
    const k = g.int(4);
    if (k === 0) s += "%" + g.pick([...CLASSES]);
    else if (k === 1) s += g.pick(LITERALS) + "-" + g.pick(LITERALS);
    else s += g.pick([...LITERALS, "]", "-", "^", "%"]);
  }
  return g.chance(0.93) ? s + "]" : s;
}

function single(g: Gen): string {
  const k = g.int(6);
  if (k === 0) return ".";
  if (k === 1) return "%" + g.pick([...CLASSES]);
  if (k === 2) return setItem(g);
  return g.pick(LITERALS);
}

function pattern(g: Gen, depth = 0): string {
  let p = g.chance(0.15) ? "^" : "";
  const n = 1 + g.int(5);
  let open = 0;
  for (let i = 0; i < n; i++) {
    const k = g.int(20);
    if (k < 10) p += single(g) + g.pick(QUANTS);
    else if (k < 12) {
      p += "(";
      open++;
    } else if (k < 14 && (open > 0 || g.chance(0.1))) {
      p += ")";
      open--;
    } else if (k === 14) p += "()";
    else if (k === 15) p += "%" + (1 + g.int(3));
    else if (k === 16) p += "%b" + g.pick(["()", "[]", "ab", "xx", "(", ""]);
    else if (k === 17) p += "%f" + (g.chance(0.9) ? setItem(g) : g.pick(["", "a"]));
    else if (k === 18 && depth < 1) p += pattern(g, depth + 1);
    else p += g.pick(["$", "%", "[", "]", "^", "\0"]);
  }
  while (open-- > 0 && g.chance(0.8)) p += ")";
  if (g.chance(0.1)) p += single(g) + "*";
  if (g.chance(0.15)) p += "$";
  return p;
}

function call(g: Gen): Call {
  const s = subject(g);
  const p = pattern(g);
  const k = g.int(4);
  if (k === 0) {
    const args: Arg[] = [s, p];
    if (g.chance(0.3)) args.push(g.int(s.length + 4) - 2);
    return { f: "find", args };
  }
  if (k === 1) {
    const args: Arg[] = [s, p];
    if (g.chance(0.3)) args.push(g.int(s.length + 4) - 2);
    return { f: "match", args };
  }
  if (k === 2) return { f: "gmatch", args: [s, p] };
  const repl: Arg = g.pick<Arg>([
    "%0",
    "%1",
    "<%2>",
    "x",
    "%%",
    "",
    "[%1|%0]",
    { fn: "join" },
    { tbl: "map" },
  ]);
  const args: Arg[] = [s, p, repl];
  if (g.chance(0.2)) args.push(g.int(4));
  return { f: "gsub", args };
}

/** A double of one of several kinds: dyadic values (exact ties), wide magnitudes, big integers. */
function number(g: Gen): number {
  switch (g.int(6)) {
    case 0:
      return g.int(100000) / Math.pow(2, g.int(12));
    case 1:
      return (g.r() - 0.5) * Math.pow(10, g.int(40) - 20);
    case 2:
      return g.int(1000000) * Math.pow(10, g.int(12));
    case 3:
      return g.int(1000) + 0.5;
    case 4:
      return (g.r() - 0.5) * Math.pow(2, g.int(200) - 100);
    default:
      return g.pick([0, 1, -1, 2 ** 53, 2 ** 63, -(2 ** 63), 2 ** 64, 1e300, 5e-324, 0.1, 1 / 3]);
  }
}

function formatCall(g: Gen): Call {
  const conv = g.pick([..."dixXoueEfgGc"]);
  const flags = g.pick(["", "", "#", "+", "-", " ", "0", "-#", "+0", "# 0"]);
  const width = g.chance(0.4) ? String(g.int(30)) : "";
  const prec = g.chance(0.6) ? "." + String(g.int(25)) : "";
  return { f: "format", args: [`%${flags}${width}${prec}${conv}`, number(g)] };
}

export const FOUND_FILE = path.join(repoRoot(), "spec", "unit", "string", "fuzz-found.json");

function main(argv: string[]): number {
  const opt = (name: string, def: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : def;
  };
  const seed = opt("--seed", Date.now() % 1000000);
  const count = opt("--count", 20000);
  const g = new Gen(rng(seed));
  // every pattern through its generated matcher (the recorded unit cases cover the interpreter
  // as well as the generated matchers); --interpreted keeps them interpreted
  setGenerateAfter(argv.includes("--interpreted") ? Infinity : 0);
  const calls: Call[] = [];
  const make = argv.includes("--format") ? formatCall : call;
  for (let i = 0; i < count; i++) calls.push(make(g));
  const expected = runLua(calls, 2000);
  const diffs: Call[] = [];
  for (let i = 0; i < calls.length; i++) {
    let got;
    try {
      got = runJs(calls[i]);
    } catch (e) {
      got = ["crash", String(e)];
    }
    if (JSON.stringify(got) !== JSON.stringify(expected[i])) {
      diffs.push(calls[i]);
      if (diffs.length <= 20) {
        console.log(describe(calls[i]));
        console.log("  lua5.1: " + JSON.stringify(expected[i]));
        console.log("  redlua: " + JSON.stringify(got));
      }
    }
  }
  console.log(`seed ${seed}: ${count} calls, ${diffs.length} differences`);
  if (argv.includes("--save") && diffs.length > 0) {
    const old = existsSync(FOUND_FILE) ? (JSON.parse(readFileSync(FOUND_FILE, "latin1")) as Call[]) : [];
    writeFileSync(FOUND_FILE, JSON.stringify([...old, ...diffs], null, 1) + "\n", "latin1");
    console.log(
      `saved ${diffs.length} calls to ${FOUND_FILE}; now re-record: node dist/spec/unit/string/record.js`,
    );
  }
  return diffs.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
