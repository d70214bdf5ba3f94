// The Lua engine benchmark: runs bench/lua/*.lua under redlua, lua5.1, luajit and fengari
// side by side in one run and prints Markdown tables of medians and ratios (in-process
// timing through bench/lua/harness.lua, then whole-process wall time), the compile time
// of a 1,000-line script, and the interrupt latency of `while true do end`. Then the
// string-heavy set (bench/lua/str_*.lua: redlua through bench/lua-host.ts, which lets them
// require cjson as lua5.1 requires Debian's lua-cjson), and cmsgpack round trips through EVAL
// on redis-server and on `redlua server`.
// usage: node dist/bench/run.js [--only a,b] [--runs N] [--skip-fengari] [--skip-process]
//        [--set lua|strings|all] [--skip-servers]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compile } from "../compiler/index.js";
import { LuaEngine } from "../runtime/engine.js";
import { LuaInterrupt } from "../runtime/errors.js";
import { median } from "./stats.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const LUA_DIR = join(ROOT, "bench/lua");
const REDLUA = join(ROOT, "bin/redlua.js");

/** The string-heavy set (issue 3) and its in-process sizes; lua5.1 loads cjson with require. */
const STRING_PROGRAMS: [string, string][] = [
  ["str_gsub", "40"],
  ["str_format", "40"],
  ["str_concat", "40"],
  ["str_cjson", "1200"],
];

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

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

function fmt(x: number | undefined, digits = 3): string {
  return x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(digits);
}

/** The engines of the string set: redlua with Redis's libraries reachable through require. */
function stringEngines(): Engine[] {
  return [
    {
      name: "redlua",
      cmd: ["node", "--stack-size=3900", join(ROOT, "dist/bench/lua-host.js")],
      available: true,
    },
    { name: "lua5.1", cmd: ["lua5.1"], available: which("lua5.1") },
    { name: "luajit", cmd: ["luajit"], available: which("luajit") },
  ];
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

const TIME = "/usr/bin/time";

/**
 * Whole process: seconds of one `engine FILE`, start-up and compilation included: CPU time (user
 * + system, all threads, from /usr/bin/time) when that is there, as it moves far less than wall
 * time on a shared machine; else wall time.
 */
function wholeProcessOnce(e: Engine, prog: string): number | undefined {
  const file = join(LUA_DIR, prog + ".lua");
  const cpu = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = cpu
    ? spawnSync(TIME, ["-f", "@@cpu %U %S", ...e.cmd, file], { encoding: "latin1", timeout: 600_000 })
    : spawnSync(e.cmd[0], [...e.cmd.slice(1), file], { encoding: "latin1", timeout: 600_000 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    process.stderr.write(`${e.name} ${prog}: failed (${r.status}) ${String(r.stderr).slice(0, 300)}\n`);
    return undefined;
  }
  if (!cpu) return wall;
  const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  // /usr/bin/time counts in 10 ms steps: a shorter run counts as one step
  return m === null ? undefined : Math.max(0.01, Number(m[1]) + Number(m[2]));
}

/**
 * The best of `runs` wall times per engine, the engines taking turns in each round so that a
 * burst of load on a shared machine falls on all of them alike.
 */
function wholeProcess(es: Engine[], prog: string, runs: number): (number | undefined)[] {
  const best: (number | undefined)[] = es.map(() => Infinity);
  for (let i = 0; i < runs; i++) {
    es.forEach((e, k) => {
      const t = best[k] === undefined ? undefined : wholeProcessOnce(e, prog);
      best[k] = t === undefined ? undefined : Math.min(best[k]!, t);
    });
  }
  return best;
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

/** The in-process table of one program set: medians, ratios to lua5.1, geomeans. */
function inProcessTable(
  out: string[],
  title: string,
  es: Engine[],
  progs: [string, string][],
  runs: number,
): void {
  out.push(title, "");
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
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until `redis-cli -p port PING` answers PONG. */
async function waitReady(port: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const r = spawnSync("redis-cli", ["-p", String(port), "PING"], { encoding: "latin1" });
    if (r.stdout.trim() === "PONG") return true;
    await new Promise((res) => setTimeout(res, 100));
  }
  return false;
}

/**
 * cmsgpack round trips (bench/lua/str_cmsgpack.lua as an EVAL body) on redis-server and on
 * `redlua server`, each started on a free loopback port: best wall time of RUNS EVALs.
 */
async function cmsgpackVsRedis(out: string[], runs: number): Promise<void> {
  if (!which("redis-server") || !which("redis-cli")) return;
  const body = readFileSync(join(LUA_DIR, "str_cmsgpack.lua"), "latin1");
  const rounds = "1500";
  const servers: [string, (port: number) => ChildProcess][] = [
    [
      "redis-server",
      (port) => spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"]),
    ],
    ["redlua", (port) => spawn(REDLUA, ["server", "--port", String(port), "--bind", "127.0.0.1"])],
  ];
  const times: (number | undefined)[] = [];
  for (const [name, start] of servers) {
    const port = await freePort();
    const child = start(port);
    child.stdout?.resume();
    child.stderr?.resume();
    try {
      if (!(await waitReady(port))) {
        process.stderr.write(`${name}: did not start\n`);
        times.push(undefined);
        continue;
      }
      let best = Infinity;
      for (let i = 0; i < runs + 1; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync("redis-cli", ["-p", String(port), "EVAL", body, "0", rounds], {
          encoding: "latin1",
        });
        const t = Number(process.hrtime.bigint() - t0) / 1e9;
        if (r.status !== 0 || !/^\d+/.test(r.stdout.trim())) {
          process.stderr.write(`${name}: EVAL failed: ${r.stdout}${r.stderr}\n`);
          best = NaN;
          break;
        }
        if (i > 0) best = Math.min(best, t); // the first EVAL warms up (and loads the script)
      }
      times.push(Number.isFinite(best) ? best : undefined);
    } finally {
      child.kill("SIGKILL");
    }
  }
  const [redis, redlua] = times;
  out.push(
    "### cmsgpack round trips through EVAL (bench/lua/str_cmsgpack.lua, " +
      `${rounds} pack+unpack of a nested document; best wall seconds of ${runs})`,
    "",
    "| redis-server 7.0 | redlua server | ×redis |",
    "|---:|---:|---:|",
    `| ${fmt(redis)} | ${fmt(redlua)} | ${fmt(redis !== undefined && redlua !== undefined ? redis / redlua : undefined, 2)} |`,
    "",
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      runs: { type: "string" },
      set: { type: "string" },
      "skip-fengari": { type: "boolean" },
      "skip-process": { type: "boolean" },
      "skip-servers": { type: "boolean" },
    },
  });
  const only = values.only?.split(",");
  const runs = Number(values.runs ?? 5);
  const set = values.set ?? "all";
  const progs = PROGRAMS.filter(([p]) => (only === undefined || only.includes(p)) && set !== "strings");
  const sprogs = STRING_PROGRAMS.filter(([p]) => (only === undefined || only.includes(p)) && set !== "lua");
  const es = engines(values["skip-fengari"] === true).filter((e) => e.available);
  const out: string[] = [];
  out.push(
    `Run on ${new Date().toISOString().slice(0, 10)}: \`node dist/bench/run.js ${process.argv.slice(2).join(" ")}\``,
    "",
  );

  if (progs.length > 0) {
    inProcessTable(
      out,
      "### In-process (median seconds after warm-up; ratio = lua5.1 time / engine time)",
      es,
      progs,
      runs,
    );
  }

  if (values["skip-process"] !== true && progs.length > 0) {
    const pe = es.filter((e) => e.name !== "fengari");
    out.push(
      `### Whole process (best of 3 \`ENGINE FILE.lua\`, engines in turn, in ${existsSync(TIME) ? "CPU" : "wall"} seconds; start-up included)`,
      "",
    );
    out.push(
      `| program | ${pe.map((e) => e.name).join(" | ")} | ${pe.map((e) => `×${e.name}`).join(" | ")} |`,
    );
    out.push(`|---|${pe.map(() => "---:").join("|")}|${pe.map(() => "---:").join("|")}|`);
    const pr = new Map<string, number[]>(pe.map((e) => [e.name, []]));
    for (const [p] of progs) {
      const t = wholeProcess(pe, p, 3);
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

  if (progs.length > 0) {
    out.push(`Compile time of a 1,000-line script: ${fmt(compileTime(), 1)} ms (median, warm).`);
    const il = interruptLatency();
    out.push(
      `Interrupt latency of \`while true do end\` past its deadline: median ${fmt(il.median, 3)} ms, max ${fmt(il.max, 3)} ms.`,
      "",
    );
  }

  if (sprogs.length > 0) {
    inProcessTable(
      out,
      "### String-heavy programs, in-process (median seconds after warm-up; ratio = lua5.1 time / engine time; " +
        "str_cjson is the decode + encode round trip of a 10 KB nested document, lua5.1 and luajit with Debian's lua-cjson)",
      stringEngines().filter((e) => e.available),
      sprogs,
      runs,
    );
    if (values["skip-servers"] !== true) await cmsgpackVsRedis(out, runs);
  }
  process.stdout.write(out.join("\n") + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exitCode = 1;
});
