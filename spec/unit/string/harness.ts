// Runs string-library calls two ways and renders the outcomes in one shape: under the real
// lua5.1 (a generated script, many calls per process) and through redlua's runtime/lib/string.ts
// directly from JS. Shared by the recorder (record.ts), the unit tests and spec/fuzz/patterns.ts.
// Outcomes are arrays of tagged strings: "s:<text>", "n:<number>", "b:true", "nil", "f" (an
// iterator), or ["error", message]. Calls are made as from a built-in (pcall(string.f, ...)),
// so errors have no position and name the function '?', as when JS calls redlua's.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LuaError } from "../../../runtime/errors.js";
import { formatG, NEGATIVE_NAN } from "../../../runtime/number.js";
import { tostring } from "../../../runtime/ops.js";
import { LuaTable } from "../../../runtime/table.js";
import { all, type LuaValue } from "../../../runtime/value.js";
import { makeStringLib } from "../../../runtime/lib/string.js";

/** An argument: a Lua value, or one of the named replacement functions/tables below. */
export type Arg = string | number | boolean | null | { fn: string } | { tbl: string };

/** One call: `string.<f>(args...)`; f "gmatch" collects every iteration. */
export interface Call {
  f: string;
  args: Arg[];
}

export type Outcome = string[] | ["error", string];

/** A recorded outcome, with its call written as Lua source (JSON can't hold NaN or -0). */
export interface Recorded {
  lua: string;
  out: Outcome;
}

/** The repository root (nearest directory above this module with package.json). */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("no package.json above " + dir);
    dir = up;
  }
  return dir;
}

// ---- the Lua side -------------------------------------------------------------------

/** Replacement functions and tables for gsub, the same in Lua and in JS. */
const LUA_PRELUDE = String.raw`
local NEGZERO = -tonumber("0")
local FN = {
  upper = function(s) return string.upper(s) end,
  join = function(...) local t = {} for i = 1, select('#', ...) do t[i] = tostring((select(i, ...))) end return table.concat(t, ",") end,
  count = function(...) return select('#', ...) end,
  none = function() end,
  no = function() return false end,
  tbl = function() return {} end,
  half = function(x) return x * 0.5 end,
  two = function(a, b) return b, a end,
}
local TB = {
  map = setmetatable({ a = "A", b = 1.5, c = false, hello = "HI", ["1"] = "one", [2] = "TWO" }, { __index = function(t, k) if k == "z" then return "zed" end end }),
  bad = { a = {}, b = true },
}
local function enc(v)
  local t = type(v)
  if t == "string" then
    return '"s:' .. v:gsub('[%c"\\\128-\255]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
  elseif t == "number" then
    local s
    if v ~= v then s = "nan" elseif v == 1/0 then s = "inf" elseif v == -1/0 then s = "-inf" else s = string.format("%.17g", v) end
    return '"n:' .. s .. '"'
  elseif t == "nil" then return '"nil"'
  elseif t == "boolean" then return '"b:' .. tostring(v) .. '"'
  elseif t == "function" then return '"f"'
  else return '"' .. t .. '"' end
end
local function out(ok, ...)
  local parts = {}
  if not ok then
    local msg = tostring((...)):gsub("^[^:]*:%d+: ", "")
    io.write('["error","', enc(msg):sub(4), ']\n')
    return
  end
  local n = select('#', ...)
  for i = 1, n do parts[i] = enc((select(i, ...))) end
  io.write("[", table.concat(parts, ","), "]\n")
end
local function pack(...) return { n = select('#', ...), ... } end
local function gm(...)
  local ok, it = pcall(string.gmatch, ...)
  if not ok then return out(false, it) end
  local res = {}
  for _ = 1, 1000 do
    local r = pack(pcall(it))
    if not r[1] then return out(false, r[2]) end
    if r[2] == nil then break end
    for i = 2, r.n do res[#res + 1] = r[i] end
    res[#res + 1] = "|"
  end
  out(true, unpack(res))
end
`;

/** A JS number as Lua source that reads back as the same double. */
function luaNumber(n: number): string {
  if (n !== n) return "(0/0)";
  if (n === Infinity) return "(1/0)";
  if (n === -Infinity) return "(-1/0)";
  // a -0 constant would be folded into an existing 0 constant (lcode.c), so compute it
  if (Object.is(n, -0)) return "NEGZERO";
  const s = Number.isInteger(n) && Math.abs(n) < 1e21 ? String(n) : n.toPrecision(17);
  return n < 0 ? `(${s})` : s;
}

/** A byte string as a Lua string literal. */
export function luaString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c < 127 && c !== 34 && c !== 92) out += s[i];
    else out += "\\" + String(c).padStart(3, "0");
  }
  return out + '"';
}

function luaArg(a: Arg): string {
  if (a === null) return "nil";
  if (typeof a === "string") return luaString(a);
  if (typeof a === "number") return luaNumber(a);
  if (typeof a === "boolean") return String(a);
  if ("fn" in a) return `FN.${a.fn}`;
  return `TB.${a.tbl}`;
}

/** The Lua statement that runs one call and prints its outcome as one JSON line. */
function luaCall(c: Call): string {
  const args = c.args.map(luaArg).join(", ");
  if (c.f === "gmatch") return `gm(${args})`;
  // called straight from pcall, as the unit tests call it from JS: no Lua caller, so errors
  // name the function '?' and carry no position
  return `out(pcall(string.${c.f}${args ? ", " + args : ""}))`;
}

/** Runs calls under lua5.1, batched, and returns their outcomes. */
export function runLua(calls: Call[], batch = 2000): Outcome[] {
  const outs: Outcome[] = [];
  for (let k = 0; k < calls.length; k += batch) {
    const chunk = calls.slice(k, k + batch);
    // each call in its own function: a chunk has a limit on locals and constants
    const body = chunk.map((c) => `do ${luaCall(c)} end`).join("\n");
    const r = spawnSync("lua5.1", ["-"], {
      input: Buffer.from(LUA_PRELUDE + body + "\n", "latin1"),
      env: { ...process.env, LC_ALL: "C", LANG: "C" },
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    const lines = r.stdout.toString("latin1").split("\n");
    if (r.status !== 0 || lines.length < chunk.length) {
      throw new Error(`lua5.1 failed (status ${r.status}): ${r.stderr.toString("latin1")}`);
    }
    for (let i = 0; i < chunk.length; i++) outs.push(JSON.parse(lines[i]) as Outcome);
  }
  return outs;
}

// ---- the JS side -----------------------------------------------------------------------

const lib = makeStringLib();

function fn(name: string): (...args: LuaValue[]) => LuaValue | LuaValue[] {
  const f = lib.getStr(name);
  if (typeof f !== "function") throw new Error(`string.${name} is missing`);
  return f;
}

const upper = fn("upper");

const JS_FN: Record<string, (...args: LuaValue[]) => LuaValue | LuaValue[]> = {
  upper: (s) => upper(s),
  join: (...args) => args.map((v) => tostring(v)).join(","),
  count: (...args) => args.length,
  none: () => [],
  no: () => false,
  tbl: () => new LuaTable(),
  half: (x) => (x as number) * 0.5,
  two: (a, b) => [b, a],
};

function makeTables(): Record<string, LuaTable> {
  const map = new LuaTable();
  for (const [k, v] of [
    ["a", "A"],
    ["b", 1.5],
    ["c", false],
    ["hello", "HI"],
    ["1", "one"],
  ] as [string, LuaValue][]) {
    map.setStr(k, v);
  }
  map.setNum(2, "TWO");
  const meta = new LuaTable();
  meta.setStr("__index", (_t: LuaValue, k: LuaValue) => (k === "z" ? "zed" : undefined));
  map.metatable = meta;
  const bad = new LuaTable();
  bad.setStr("a", new LuaTable());
  bad.setStr("b", true);
  return { map, bad };
}
const JS_TB = makeTables();

function jsArg(a: Arg): LuaValue {
  if (a === null) return undefined;
  // the Lua side writes NaN as (0/0), which x86 computes with the sign bit set
  if (typeof a === "number" && a !== a) return NEGATIVE_NAN;
  if (typeof a !== "object") return a;
  if ("fn" in a) return JS_FN[a.fn];
  return JS_TB[a.tbl];
}

/** A value in the outcome notation (numbers as C's %.17g, like the Lua side). */
export function tag(v: LuaValue): string {
  switch (typeof v) {
    case "string":
      return "s:" + v;
    case "number": {
      if (v !== v) return "n:nan";
      if (v === Infinity) return "n:inf";
      if (v === -Infinity) return "n:-inf";
      return "n:" + formatG(v, 17);
    }
    case "undefined":
      return "nil";
    case "boolean":
      return "b:" + String(v);
    case "function":
      return "f";
    default:
      return "table";
  }
}

/** Runs one call through redlua's string library. */
export function runJs(c: Call): Outcome {
  try {
    const args = c.args.map(jsArg);
    if (c.f === "gmatch") {
      const it = fn("gmatch")(...args) as () => LuaValue | LuaValue[];
      const res: string[] = [];
      for (let k = 0; k < 1000; k++) {
        const r = all(it());
        if (r[0] === undefined) break;
        for (const v of r) res.push(tag(v));
        res.push("s:|");
      }
      return res;
    }
    return all(fn(c.f)(...args)).map(tag);
  } catch (e) {
    if (e instanceof LuaError) {
      const msg = typeof e.value === "string" ? e.value.replace(/^[^:]*:\d+: /, "") : tag(e.value);
      return ["error", msg];
    }
    throw e;
  }
}

/** A call written as Lua source, for messages. */
export function describe(c: Call): string {
  return `string.${c.f}(${c.args.map(luaArg).join(", ")})`;
}
