// Seeded generator of random, always-terminating Lua 5.1 programs for the differential test
// (spec/fuzz/lua-diff.ts): expressions over numbers, strings, booleans and nil with coercions,
// control flow, tables, closures, varargs, string operations, metamethods, coroutines and errors.
// A program is a fixed prelude plus independent blocks, each run under pcall with its results
// printed, so one error does not hide the rest and blocks can be dropped when minimising.

/** A small fast PRNG (mulberry32); the same seed always gives the same program. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Program {
  seed: number;
  /** Helpers and the shared locals every block sees. */
  prelude: string;
  /** Independent statements (each a pcall'd block, or a final top-level statement). */
  blocks: string[];
}

/** The whole program text, optionally with only some blocks kept (for minimising). */
export function render(p: Program, keep?: readonly boolean[]): string {
  const blocks = p.blocks.filter((_, i) => keep === undefined || keep[i]);
  return `-- lua-diff seed ${p.seed}\n${p.prelude}${blocks.join("")}`;
}

// show() prints a count and every value; tables, functions and threads by type only, so that
// no address reaches the output. It writes with io.write, not print (whose fputs stops at a
// NUL byte: that quirk has its own corpus cases).
const SHOW = `local function show(...)
  local n = select('#', ...)
  local parts = {}
  for i = 1, n do
    local v = select(i, ...)
    local tv = type(v)
    if tv == "string" then parts[i] = '"' .. v .. '"'
    elseif tv == "number" or tv == "boolean" or tv == "nil" then parts[i] = tostring(v)
    else parts[i] = tv end
  end
  io.write(n, ": ", table.concat(parts, ", "), "\\n")
end
local function tostr(v)
  local tv = type(v)
  if tv == "table" or tv == "function" or tv == "thread" or tv == "userdata" then return tv end
  return tostring(v)
end
`;

const UPVALUES = ["u1", "u2", "u3", "u4", "u5"];
const GLOBALS = ["g1", "g2"];
const BINOPS = ["+", "-", "*", "/", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=", "and", "or"];
const STRINGS = [
  "",
  "a",
  "abc",
  "Hello",
  "10",
  "3.5",
  "-2",
  " 7 ",
  "0x1F",
  "1e2",
  "1e",
  "x1",
  "nil",
  "a b",
  "\n",
  "tab\t",
  'q"uote',
  "back\\slash",
  "nul\0byte",
  "\x80\xff",
];
const NUMBERS = [
  "0",
  "1",
  "2",
  "3",
  "-1",
  "10",
  "100",
  "0.5",
  "1.5",
  "-2.25",
  "0.1",
  "1e15",
  "1e16",
  "1e100",
  "2^53",
  "123456789012",
  "0x10",
  ".5",
  "1e-3",
  "7",
];

/**
 * Looks like a constant numeric expression (conservatively: also matches some names). Lua 5.1
 * folds those at compile time and keeps one constant per value, with -0 and 0 the same key, so
 * a folded -0 prints as "0" or a literal 0 as "-0" depending on which came first in the function
 * (spec/lua/cases/core/negative-zero-constants.lua). The generator never folds to -0.
 */
const NUMERAL = /^[\d\s.()+\-*/%^a-fA-FxX]+$/;

class Gen {
  private readonly r: () => number;
  private tmp = 0;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  fresh(prefix: string): string {
    return `${prefix}${++this.tmp}`;
  }
}

/** Lua source for a string constant (bytes outside printable ASCII as \ddd). */
export function luaString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (c === 10) out += "\\n";
    else if (c < 32 || c >= 127) out += "\\" + c;
    else out += ch;
  }
  return out + '"';
}

/** What names an expression may use where it is generated. */
interface Scope {
  names: string[];
  /** varargs available (inside a vararg function) */
  vararg: boolean;
  /** inside a loop (break allowed) */
  loop: boolean;
  depth: number;
  /** helpers this expression must not call (a function's own body, metamethods: no recursion) */
  ban?: readonly string[];
}

function literal(g: Gen): string {
  const k = g.int(0, 9);
  if (k <= 3) return g.pick(NUMBERS);
  if (k <= 6) return luaString(g.pick(STRINGS));
  if (k === 7) return g.pick(["true", "false"]);
  if (k === 8) return "nil";
  return String(g.int(-5, 20));
}

function expr(g: Gen, s: Scope, depth: number): string {
  if (depth <= 0 || g.chance(0.25)) {
    if (s.names.length > 0 && g.chance(0.55)) return g.pick(s.names);
    return literal(g);
  }
  const d = depth - 1;
  switch (g.int(0, 21)) {
    case 0:
    case 1:
    case 2:
    case 3: {
      const l = expr(g, s, d);
      const r = expr(g, s, d);
      let op = g.pick(BINOPS);
      if ((op === "*" || op === "/") && NUMERAL.test(l) && NUMERAL.test(r)) op = "+";
      return `(${l} ${op} ${r})`;
    }
    case 4: {
      const operand = expr(g, s, d);
      let op = g.pick(["- ", "not ", "#"]);
      if (op === "- " && NUMERAL.test(operand)) op = "not ";
      return `(${op}${operand})`;
    }
    case 5:
      return allowed(s, "f1") ? `f1(${expr(g, s, d)}, ${expr(g, s, d)})` : literal(g);
    case 6:
      return allowed(s, "f2") ? `(f2(${args(g, s, d)}))` : literal(g);
    case 7:
      return allowed(s, "f2") ? `select('#', f2(${args(g, s, d)}))` : literal(g);
    case 8:
      return `tostr(${expr(g, s, d)})`;
    case 9:
      return `tonumber(${expr(g, s, d)})`;
    case 10:
      return `type(${expr(g, s, d)})`;
    case 11:
      return `string.rep(${expr(g, s, d)}, ${g.int(-1, 3)})`;
    case 12:
      return `string.sub(${expr(g, s, d)}, ${g.int(-4, 4)}, ${g.int(-4, 4)})`;
    case 13:
      return `(${expr(g, s, d)}):${g.pick(["upper", "lower", "len", "reverse"])}()`;
    case 14:
      return `({ ${expr(g, s, d)}, ${expr(g, s, d)}, k = ${expr(g, s, d)} })[${g.pick(["1", "2", '"k"', "3"])}]`;
    case 15:
      if (!allowed(s, "M")) return literal(g);
      return `M ${g.pick(["+", "-", "*", "..", "<", "<=", "=="])} ${expr(g, s, d)}`;
    case 16:
      if (!allowed(s, "M")) return literal(g);
      return g.pick([`M.${g.pick(["x", "y", "key"])}`, `M[${expr(g, s, d)}]`, `M(${args(g, s, d)})`, `(-M)`]);
    case 17:
      return `(function(a, b) return ${expr(g, { ...s, vararg: false, names: [...s.names, "a", "b"] }, d)} end)(${args(g, s, d)})`;
    case 18:
      return s.vararg ? g.pick(["...", "select('#', ...)", "(...)", "{...}"]) : literal(g);
    case 19:
      return `math.${g.pick(["floor", "abs", "ceil"])}(${expr(g, s, d)})`;
    case 20:
      return g.pick(["nosuchglobal", "g1", "g2", "T", "T.k", "T[1]", "T.nested.x"]);
    default:
      return `string.format(${luaString(g.pick(["%d", "%s", "%5.1f", "%g", "[%s|%s]", "%d%%"]))}, ${expr(g, s, d)}${g.chance(0.3) ? ", " + expr(g, s, d) : ""})`;
  }
}

function allowed(s: Scope, helper: string): boolean {
  return s.ban === undefined || !s.ban.includes(helper);
}

function args(g: Gen, s: Scope, depth: number): string {
  const n = g.int(0, 3);
  const a: string[] = [];
  for (let i = 0; i < n; i++) a.push(expr(g, s, depth));
  if (g.chance(0.15)) a.push("nil");
  return a.join(", ");
}

/** An argument list from pieces, some possibly empty. */
function joinArgs(...parts: string[]): string {
  return parts.filter((x) => x !== "").join(", ");
}

function indent(body: string, by = "  "): string {
  return body
    .split("\n")
    .map((l) => (l === "" ? l : by + l))
    .join("\n");
}

/** A list of statements (newline-terminated), adding its new locals to `s.names` as it goes. */
function stmts(g: Gen, s: Scope, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += stmt(g, s);
  return out;
}

function stmt(g: Gen, s: Scope): string {
  const e = (d = 2) => expr(g, s, d);
  const nested = (extra: string[], loop: boolean, n: number) =>
    indent(stmts(g, { ...s, names: [...s.names, ...extra], loop: s.loop || loop, depth: s.depth + 1 }, n));
  const deep = s.depth >= 2;
  switch (g.int(deep ? 0 : 0, deep ? 7 : 17)) {
    case 0:
    case 1:
      return `show(${e()}, ${e()})\n`;
    case 2:
      return `${g.pick(UPVALUES)} = ${e()}\n`;
    case 3: {
      const name = g.fresh("l");
      const line = `local ${name} = ${e()}\n`;
      s.names.push(name);
      return line;
    }
    case 4:
      return `${g.pick([...UPVALUES, ...GLOBALS])}, ${g.pick(UPVALUES)} = ${e(1)}, ${e(1)}, ${e(1)}\n`;
    case 5:
      return s.loop && g.chance(0.5) ? `if ${e(1)} then break end\n` : `show(${e(3)})\n`;
    case 6:
      return g.chance(0.5)
        ? `error(${e(1)}${g.chance(0.5) ? ", " + g.int(0, 2) : ""})\n`
        : `assert(${e(1)}, ${e(1)})\n`;
    case 7:
      return `T[tostr(${e(1)})] = ${e(1)}\n`;
    case 8:
      return `if ${e()} then\n${nested([], false, 2)}elseif ${e()} then\n${nested([], false, 1)}else\n${nested([], false, 1)}end\n`;
    case 9: {
      const v = g.fresh("i");
      const step = g.pick(["", ", 1", ", 2", ", -1", ", 0.5", ", -0.25", ", 3"]);
      const a = g.int(-3, 4);
      const b = g.int(-3, 6);
      return `for ${v} = ${a}, ${b}${step} do\n${nested([v], true, 2)}end\n`;
    }
    case 10: {
      const c = g.fresh("c");
      return `local ${c} = 0\nwhile ${c} < ${g.int(0, 4)} do\n  ${c} = ${c} + 1\n${nested([c], true, 2)}end\n`;
    }
    case 11: {
      const c = g.fresh("r");
      return `local ${c} = 0\nrepeat\n  ${c} = ${c} + 1\n  local in${c} = ${c} * 2\n${nested([c, "in" + c], true, 1)}until in${c} >= ${g.int(1, 8)}\n`;
    }
    case 12: {
      const k = g.fresh("k");
      const v = g.fresh("v");
      return `for ${k}, ${v} in ipairs({ ${e(1)}, ${e(1)}, ${e(1)} }) do\n${nested([k, v], true, 2)}end\n`;
    }
    case 13: {
      const fs = g.fresh("fs");
      const i = g.fresh("i");
      return (
        `local ${fs} = {}\nfor ${i} = 1, 3 do\n  local x${i} = ${i}\n  ${fs}[${i}] = function(p) x${i} = x${i} + 1 return ${expr(g, { ...s, vararg: false, names: [...s.names, i, "x" + i, "p"] }, 2)} end\nend\n` +
        `show(${fs}[1](${e(1)}), ${fs}[2](${e(1)}), ${fs}[1](${e(1)}), ${fs}[3]())\n`
      );
    }
    case 14: {
      const t = g.fresh("t");
      s.names.push(t);
      return `local ${t} = { ${g.int(1, 9)}, ${luaString(g.pick(STRINGS))}, ${g.pick(NUMBERS)}, key = ${e(1)} }\n${t}[#${t} + 1] = ${g.int(0, 5)}\nshow(#${t}, ${t}[1], ${t}[4], ${t}.key, ${t}[${e(1)}])\n`;
    }
    case 15: {
      const co = g.fresh("co");
      const body = expr(g, { ...s, vararg: false, names: [...s.names, "a", "b"] }, 2);
      return `local ${co} = coroutine.wrap(function(a)\n  local b = coroutine.yield(a, ${body})\n  return b, coroutine.yield(${body})\nend)\nshow(${co}(${e(1)}))\nshow(${co}(${e(1)}))\nshow(${co}(${e(1)}))\n`;
    }
    case 16:
      if (!allowed(s, "f3")) return `show(${e()})\n`;
      return `show(pcall(${joinArgs("f3", args(g, s, 2))}))\n`;
    default:
      return `show(select(${joinArgs(String(g.int(-2, 3)), args(g, s, 2))}))\n`;
  }
}

function prelude(g: Gen): string {
  const all = ["f1", "f2", "f3", "M"];
  const top: Scope = { names: [...UPVALUES], vararg: false, loop: false, depth: 0, ban: all };
  let out = SHOW;
  out += `local ${UPVALUES.join(", ")} = ${UPVALUES.map(() => literal(g)).join(", ")}\n`;
  out += `g1, g2 = ${literal(g)}, ${literal(g)}\n`;
  out += `T = { 1, 2, k = "v", nested = { x = 10 } }\n`;
  out += `local M = setmetatable({ key = ${literal(g)} }, {\n`;
  // no arithmetic on b here: b may be M itself, and M + M would recurse without end
  out += `  __add = function(a, b) return ${g.pick(["type(b)", "tostr(b)", literal(g), "b"])} end,\n`;
  out += `  __sub = function(a, b) return "sub" end,\n`;
  out += `  __mul = function(a, b) return 6 end,\n`;
  out += `  __concat = function(a, b) return "cat" end,\n`;
  out += `  __lt = function(a, b) return ${g.pick(["true", "false", "nil", "1"])} end,\n`;
  out += `  __le = function(a, b) return false end,\n`;
  out += `  __eq = function(a, b) return true end,\n`;
  out += `  __unm = function(a) return -1 end,\n`;
  out += `  __index = function(t, k) return ${g.pick(["k", "tostr(k) .. '!'", "nil", "#tostr(k)"])} end,\n`;
  out += `  __call = function(self, ...) return select('#', ...), ... end,\n`;
  out += `  __tostring = function() return "M!" end,\n`;
  out += `})\n`;
  out += `local function f1(a, b)\n  return ${expr(g, { ...top, names: [...UPVALUES, "a", "b"] }, 2)}\nend\n`;
  out += `local function f2(...)\n  return ${expr(g, { ...top, vararg: true, ban: ["f2", "f3"] }, 1)}, ...\nend\n`;
  const f3: Scope = { names: ["x", "n", ...UPVALUES], vararg: true, loop: false, depth: 1, ban: ["f3"] };
  out += `local function f3(x, ...)\n  local n = select('#', ...)\n${indent(stmts(g, f3, 2))}  return n, x\nend\n`;
  return out;
}

/** The program for a seed. */
export function generate(seed: number): Program {
  const g = new Gen(seed);
  const pre = prelude(g);
  const blocks: string[] = [];
  const n = g.int(6, 14);
  for (let b = 1; b <= n; b++) {
    const s: Scope = { names: [...UPVALUES], vararg: false, loop: false, depth: 0 };
    const body = stmts(g, s, g.int(2, 5));
    const ret = g.chance(0.5) ? `  return ${expr(g, s, 2)}\n` : "";
    blocks.push(`show("block ${b}", pcall(function()\n${indent(body)}${ret}end))\n`);
  }
  // sometimes end with a statement that may fail outside any pcall (top-level error path)
  if (g.chance(0.2)) {
    const s: Scope = { names: [...UPVALUES], vararg: false, loop: false, depth: 2 };
    blocks.push(`show(${expr(g, s, 2)})\n`);
  }
  return { seed, prelude: pre, blocks };
}
