// Differential fuzzer for the scripting layer: seeded random scripts (fuzz-scripts-gen.ts) run
// through EVAL on a real redis-server and on redlua, in RESP2 and in RESP3 (HELLO 3), after the
// same data commands on an emptied database; the raw reply bytes are compared. Each script also
// runs as a function (FUNCTION LOAD REPLACE of the body wrapped as the transcripts' fcall pass
// wraps it, then FCALL), except those that change cjson's settings: the functions' Lua state
// keeps them, and FUNCTION FLUSH doesn't start a new one. A tool, not a test (it needs
// redis-server); uses spec/server/fuzz-driver.ts's seeded generator and server pair.
//   node dist/spec/scripting/fuzz-scripts.js [--seed S] [--count N] [--mode eval|fcall|both]
//   node dist/spec/scripting/fuzz-scripts.js --seed S --case K [--print]   one case (or show it)
// Every difference is printed with the seed and case that reproduce it, the script and its
// arguments as a transcript line (spec/scripting/transcripts format); exit status 1 if any.

import { pathToFileURL } from "node:url";
import { seededRandom, startServerPair } from "../server/fuzz-driver.js";
import type { RespClient } from "../support/resp-client.js";
import { functionLibrary } from "./cases.js";
import { generateCase, type Case } from "./fuzz-scripts-gen.js";

/** How many differences are printed whole; the rest get one line each. */
const SHOWN = 10;

interface Options {
  seed: number;
  count: number;
  only?: number;
  print: boolean;
  modes: Mode[];
}

type Mode = "eval" | "fcall";

function parseOptions(argv: string[]): Options {
  const o: Options = { seed: 1, count: 500, print: false, modes: ["eval", "fcall"] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === "--seed") o.seed = num();
    else if (a === "--count") o.count = num();
    else if (a === "--case") o.only = num();
    else if (a === "--print") o.print = true;
    else if (a === "--mode") {
      const m = argv[++i];
      if (m !== "eval" && m !== "fcall" && m !== "both") throw new Error("--mode is eval, fcall or both");
      o.modes = m === "both" ? ["eval", "fcall"] : [m];
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Case K of seed S: its own generator, so one case can be rerun alone. */
export function caseOf(seed: number, k: number): Case {
  return generateCase(seededRandom(seed * 100_003 + k));
}

/** One argument quoted as the transcripts' inline protocol reads it ("\x00", "\n", "\""). */
function quoteArg(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 32 || c > 126) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

export function transcriptLine(args: string[]): string {
  return args.map((a, i) => (i === 0 || /^[\w.:+-]+$/.test(a) ? a : quoteArg(a))).join(" ");
}

/** The commands of a case in a mode: its data commands, then EVAL (or FUNCTION LOAD + FCALL). */
export function caseCommands(c: Case, mode: Mode): string[][] {
  const ro = c.readOnly === true;
  if (mode === "eval") return [...c.setup, [ro ? "EVAL_RO" : "EVAL", c.script, ...c.args]];
  const lib = functionLibrary(c.script, ro);
  return [...c.setup, ["FUNCTION", "LOAD", "REPLACE", lib], [ro ? "FCALL_RO" : "FCALL", "test", ...c.args]];
}

/** The case as transcript lines (EVAL: the fcall pass of a transcript makes the function). */
export function caseLines(c: Case): string[] {
  return caseCommands(c, "eval").map(transcriptLine);
}

const bytes = (args: string[]): Buffer[] => args.map((a) => Buffer.from(a, "latin1"));

interface Difference {
  mode: Mode;
  proto: 2 | 3;
  line: string;
  redis: string;
  redlua: string;
}

/** Runs a case on both servers over one protocol's connections; the first differing reply. */
async function runCase(
  c: Case,
  mode: Mode,
  proto: 2 | 3,
  ref: RespClient,
  ours: RespClient,
): Promise<Difference | undefined> {
  const commands = caseCommands(c, mode);
  for (const conn of [ref, ours]) await conn.command(["FLUSHALL"]);
  let found: Difference | undefined;
  for (let i = 0; i < commands.length && !found; i++) {
    const [ra, rb] = [await ref.command(bytes(commands[i])), await ours.command(bytes(commands[i]))];
    if (!ra.equals(rb)) {
      const line = transcriptLine(commands[i]);
      found = { mode, proto, line, redis: ra.toString("latin1"), redlua: rb.toString("latin1") };
    }
  }
  if (c.flushScripts) for (const conn of [ref, ours]) await conn.command(["SCRIPT", "FLUSH"]);
  return found;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const cases = o.only === undefined ? Array.from({ length: o.count }, (_, k) => k) : [o.only];
  if (o.print) {
    for (const k of cases)
      process.stdout.write(`# seed ${o.seed} case ${k}\n${caseLines(caseOf(o.seed, k)).join("\n")}\n`);
    return;
  }
  const servers = await startServerPair({ "enable-debug-command": "yes" });
  let bad = 0;
  try {
    const resp2 = await servers.connect();
    const resp3 = await servers.connect();
    for (const conn of resp3) await conn.command(["HELLO", "3"]);
    for (const k of cases) {
      const c = caseOf(o.seed, k);
      const diffs: Difference[] = [];
      const conns = [
        [2, resp2],
        [3, resp3],
      ] as const;
      for (const mode of o.modes) {
        if (mode === "fcall" && c.flushScripts) continue;
        for (const [proto, [ref, ours]] of conns) {
          const d = await runCase(c, mode, proto, ref, ours);
          if (d) diffs.push(d);
        }
      }
      if (diffs.length === 0) continue;
      bad++;
      const where = `--seed ${o.seed} --case ${k}`;
      if (bad > SHOWN) {
        process.stdout.write(
          `${where}: differs (${diffs.map((d) => `${d.mode} RESP${d.proto}`).join(", ")})\n`,
        );
        continue;
      }
      process.stdout.write(`\n${where}\n${caseLines(c).join("\n")}\n`);
      for (const d of diffs) {
        process.stdout.write(
          `  ${d.mode} RESP${d.proto} at ${d.line.slice(0, 60)}\n    redis  ${JSON.stringify(d.redis)}\n    redlua ${JSON.stringify(d.redlua)}\n`,
        );
      }
    }
  } finally {
    await servers.close();
  }
  process.stdout.write(`seed ${o.seed}, ${cases.length} cases: ${bad} differ\n`);
  if (bad > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
