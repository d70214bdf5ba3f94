// The Lua engine benchmark: runs bench/lua/*.lua under redlua, lua5.1, luajit and fengari
// side by side in one run and prints Markdown tables of medians and ratios (in-process
// timing through bench/lua/harness.lua, then whole-process wall time), the compile time
// of a 1,000-line script, and the interrupt latency of `while true do end`.
// usage: node dist/bench/run.js [--only a,b] [--runs N] [--skip-fengari] [--skip-process]
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compile } from "../compiler/index.js";
import { LuaEngine } from "../runtime/engine.js";
import { LuaInterrupt } from "../runtime/errors.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const LUA_DIR = join(ROOT, "bench/lua");
const REDLUA = join(ROOT, "bin/redlua.js");

/** Benchmark programs and the size argument used for in-process timing (all engines). */
const PROGRAMS: [string, string][] = [
  ["fib", "27"],
  ["loops", "1000000"],
  ["tables_array", "100"],
  ["tables_hash", "200"],
  ["closures", "150000"],
  ["methods", "150000"],
  ["sort", "4"],
  ["strings", "25"],
];

interface Engine {
  name: string;
  cmd: string[];
  available: boolean;
}

function which(bin: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;
}

function engines(skipFengari: boolean): Engine[] {
  return [
    { name: "redlua", cmd: ["node", "--stack-size=3900", REDLUA, "run"], available: true },
    { name: "lua5.1", cmd: ["lua5.1"], available: which("lua5.1") },
    { name: "luajit", cmd: ["luajit"], available: which("luajit") },
    {
      name: "fengari",
      cmd: ["node", join(ROOT, "bench/fengari-run.cjs")],
      available: !skipFengari && existsSync(join(ROOT, "node_modules/fengari")),
    },
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

function fmt(x: number | undefined, digits = 3): string {
  return x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(digits);
}

/** In-process: the harness prints the median seconds of RUNS timed runs after warm-up. */
function inProcess(e: Engine, prog: string, size: string, runs: number): number | undefined {
  const args = [
    ...e.cmd,
    join(LUA_DIR, "harness.lua"),
    join(LUA_DIR, prog + ".lua"),
    String(runs),
    "2",
    size,
  ];
  const r = spawnSync(args[0], args.slice(1), { encoding: "latin1", timeout: 600_000 });
  const t = parseFloat(r.stdout.trim().split("\n").pop() ?? "");
  if (r.status !== 0 || !Number.isFinite(t)) {
    process.stderr.write(`${e.name} ${prog}: failed (${r.status}) ${r.stderr.slice(0, 300)}\n`);
    return undefined;
  }
  return t;
}

/** Whole process: wall time of `engine FILE`, start-up and compilation included. */
function wholeProcess(e: Engine, prog: string, runs: number): number | undefined {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(e.cmd[0], [...e.cmd.slice(1), join(LUA_DIR, prog + ".lua")], { timeout: 600_000 });
    const t = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) {
      process.stderr.write(`${e.name} ${prog}: failed (${r.status}) ${String(r.stderr).slice(0, 300)}\n`);
      return undefined;
    }
    times.push(t);
  }
  return median(times);
}

/** A synthetic 1,000-line script with functions, loops, tables and string work. */
function thousandLines(): string {
  const lines: string[] = [];
  let i = 0;
  while (lines.length < 1000) {
    lines.push(
      `local function f${i}(a, b, ...)`,
      `  local t = {a, b, x = ${i}, [a] = b, ...}`,
      `  for k = 1, #t do t[k] = (t[k] or 0) + k * ${i} end`,
      `  if a and b > ${i} then return a .. b, select('#', ...) elseif not a then return nil end`,
      `  local s = string.format("%d:%s", ${i}, tostring(t.x))`,
      `  while #s < 10 do s = s .. "." end`,
      `  return s, t`,
      `end`,
    );
    i++;
  }
  return lines.join("\n") + "\n";
}

function compileTime(): number {
  const src = thousandLines();
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    compile(src, { chunkName: "bench" });
    times.push(performance.now() - t0);
  }
  return median(times.slice(5));
}

/** How long after the deadline `while true do end` is stopped by the interrupt hook. */
function interruptLatency(): { median: number; max: number } {
  const engine = new LuaEngine({ profile: "redis" });
  const f = engine.load("while true do end", "spin");
  const lat: number[] = [];
  for (let i = 0; i < 20; i++) {
    const deadline = performance.now() + 20;
    let stoppedAt = 0;
    engine.interrupts.check = () => {
      const now = performance.now();
      if (now >= deadline) {
        stoppedAt = now;
        throw new LuaInterrupt("deadline", "timeout");
      }
    };
    try {
      f();
    } catch (e) {
      if (!(e instanceof LuaInterrupt)) throw e;
    }
    lat.push(stoppedAt - deadline);
  }
  return { median: median(lat), max: Math.max(...lat) };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      runs: { type: "string" },
      "skip-fengari": { type: "boolean" },
      "skip-process": { type: "boolean" },
    },
  });
  const only = values.only?.split(",");
  const runs = Number(values.runs ?? 5);
  const progs = PROGRAMS.filter(([p]) => only === undefined || only.includes(p));
  const es = engines(values["skip-fengari"] === true).filter((e) => e.available);
  const out: string[] = [];

  out.push("### In-process (median seconds after warm-up; ratio = lua5.1 time / engine time)", "");
  out.push(`| program | ${es.map((e) => e.name).join(" | ")} | ${es.map((e) => `×${e.name}`).join(" | ")} |`);
  out.push(`|---|${es.map(() => "---:").join("|")}|${es.map(() => "---:").join("|")}|`);
  const ratios = new Map<string, number[]>(es.map((e) => [e.name, []]));
  for (const [p, size] of progs) {
    const t = es.map((e) => inProcess(e, p, size, runs));
    const base = t[es.findIndex((e) => e.name === "lua5.1")];
    const r = t.map((x) => (x !== undefined && base !== undefined ? base / x : undefined));
    r.forEach((x, i) => x !== undefined && ratios.get(es[i].name)!.push(x));
    out.push(`| ${p} | ${t.map((x) => fmt(x)).join(" | ")} | ${r.map((x) => fmt(x, 2)).join(" | ")} |`);
    process.stderr.write(`in-process ${p} done\n`);
  }
  out.push(
    `| **geomean** | ${es.map(() => "").join(" | ")} | ${es
      .map((e) => fmt(ratios.get(e.name)!.length ? geomean(ratios.get(e.name)!) : undefined, 2))
      .join(" | ")} |`,
    "",
  );

  if (values["skip-process"] !== true) {
    const pe = es.filter((e) => e.name !== "fengari");
    out.push("### Whole process (median wall seconds of `ENGINE FILE.lua`, start-up included)", "");
    out.push(
      `| program | ${pe.map((e) => e.name).join(" | ")} | ${pe.map((e) => `×${e.name}`).join(" | ")} |`,
    );
    out.push(`|---|${pe.map(() => "---:").join("|")}|${pe.map(() => "---:").join("|")}|`);
    const pr = new Map<string, number[]>(pe.map((e) => [e.name, []]));
    for (const [p] of progs) {
      const t = pe.map((e) => wholeProcess(e, p, 3));
      const base = t[pe.findIndex((e) => e.name === "lua5.1")];
      const r = t.map((x) => (x !== undefined && base !== undefined ? base / x : undefined));
      r.forEach((x, i) => x !== undefined && pr.get(pe[i].name)!.push(x));
      out.push(`| ${p} | ${t.map((x) => fmt(x)).join(" | ")} | ${r.map((x) => fmt(x, 2)).join(" | ")} |`);
      process.stderr.write(`whole-process ${p} done\n`);
    }
    out.push(
      `| **geomean** | ${pe.map(() => "").join(" | ")} | ${pe
        .map((e) => fmt(pr.get(e.name)!.length ? geomean(pr.get(e.name)!) : undefined, 2))
        .join(" | ")} |`,
      "",
    );
  }

  out.push(`Compile time of a 1,000-line script: ${fmt(compileTime(), 1)} ms (median, warm).`);
  const il = interruptLatency();
  out.push(
    `Interrupt latency of \`while true do end\` past its deadline: median ${fmt(il.median, 3)} ms, max ${fmt(il.max, 3)} ms.`,
  );
  process.stdout.write(out.join("\n") + "\n");
}

main();
