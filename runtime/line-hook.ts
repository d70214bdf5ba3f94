// Lua 5.1's line hook as Redis turns it on after a kill. luaMaskCountHook raises the kill as an
// ordinary Lua error (pcall can catch it) and re-arms the hook with LUA_MASKLINE, so the error is
// raised again wherever traceexec would call the hook next: an instruction on a new line, a
// backward jump, a function's first instruction. Compiled code has interrupt checks at entries
// and backward jumps (compiler/lower/context.ts `tick`, made to fire at once while the hook is
// on); for the straight-line code after a protected call returns, the compiler worked out per
// call site where the hook fires next (compiler/lower/after.ts), and this module reads that for
// each frame on the stack when a protected call (pcall, xpcall, Redis's pcall) catches the
// error. Each Lua thread has its own hook, as in Lua: the kill re-arms the hook of the thread it
// was raised in, and a coroutine starts with its creator's (coroutine.ts swaps them). Also owns
// the interrupt counter. The host (the server's run context) decides when a kill is due; this
// module decides where it is raised, and keeps what a walk found until it is raised again.
import { unpackAfter } from "../compiler/index.js";
import { LuaError, currentFrames, errorHook, type LuaFrame } from "./errors.js";
import type { LuaValue } from "./value.js";

/**
 * An error raised by the hook (Redis's kill): catchable, with the source and line Redis's error
 * handler reports. `depth` is how many Lua frames deep it was raised: a protected call made
 * from a frame that deep or shallower did not run the code that raised it, and lets it pass.
 */
export class HookError extends LuaError {
  depth = 0;
}
HookError.prototype.name = "HookError";

/** What a walk from a protected call found: where the hook fires next, if no check comes first. */
interface Pending {
  /** the Lua frames' lines when the error was caught, outermost first (index = depth - 1) */
  lines: number[];
  /**
   * "fire": the hook fires at `line` in the frame `depth` deep; "complete": the run ends before
   * it fires again; "unknown": it depends on values (`depth`/`line`: the frame the walk stopped in)
   */
  kind: "fire" | "complete" | "unknown";
  depth: number;
  source: string | undefined;
  line: number | undefined;
}

/** How many interrupt checks pass between calls into the hook while it counts. */
export const TICKS = 10000;

/** The interrupt counter compiled code decrements (runtime/helpers.ts `$C`): one for all engines. */
export const ticks = { n: TICKS };

/** Names of the built-ins that are protected calls: a walk goes on through them. */
const PROTECTED = new Set(["pcall", "xpcall", "load"]);

/** Built-ins that run a coroutine: a walk that reaches one has left the thread it walks. */
const THREAD_ENTRIES = new Set(["resume", "wrapped"]);

/** A host's own protected call (Redis's pcall) counts as one for walks. */
export function registerProtectedCall(jsName: string): void {
  PROTECTED.add(jsName);
}

export const lineHook = {
  /** the hook raised its error in this run: it raises it again at the next line (see tick) */
  on: false,
  /** error handlers running for a hook error: Lua runs them inside the hook, with hooks off */
  off: 0,
  /** the error's value (Redis's {err = "ERR Script killed…"}) */
  value: (): LuaValue => undefined,
  pending: undefined as Pending | undefined,
};

/**
 * Counts a run of a host's Lua function (`runs`: the runs before this one) and returns the new
 * count. On its 1st, 2nd, 4th, 8th… run the next interrupt check calls the hook: the function's
 * entry check, so that its call of the hook has run (and V8 has recorded it) before V8 optimizes
 * the function. Otherwise the count runs out at that entry once in ~10,000 runs, and optimized
 * code reaching a call that never ran is thrown away ("Insufficient type feedback for call");
 * for a function with a long loop V8 then goes on entering the loop's older on-stack-replacement
 * code and never optimizes the function again: the benchmark's compute script went from ~500 to
 * ~850 µs a run for good. (V8 allocates a function's feedback only after it has run a while, so
 * one first-run call is not enough; doubling intervals cost nothing.)
 */
export function countRun(runs: number): number {
  if ((runs & (runs + 1)) === 0) ticks.n = 0;
  return runs + 1;
}

/** One Lua thread's hook: the running thread's lives in `lineHook`, the others' in their coroutines. */
export interface LineState {
  on: boolean;
  pending: Pending | undefined;
  /** the run it belongs to: a coroutine kept from an earlier run starts afresh */
  run: number;
}

let run = 0;

/** Ends a run: the hook goes back to counting. */
export function resetLineHook(): void {
  if (lineHook.on) ticks.n = TICKS;
  lineHook.on = false;
  lineHook.off = 0;
  lineHook.pending = undefined;
  errorHook.passedLine = undefined;
  run++;
}

/** A new coroutine's hook: its creator's (lua_newthread copies the hook mask), nothing pending. */
export function newLineState(): LineState {
  return { on: lineHook.on, pending: undefined, run };
}

/**
 * Makes `next` the running thread's hook and returns the one it replaces. A thread's count starts
 * over when it runs again.
 */
export function swapLineState(next: LineState): LineState {
  const prev: LineState = { on: lineHook.on, pending: lineHook.pending, run };
  const current = next.run === run;
  lineHook.on = current && next.on;
  lineHook.pending = current ? next.pending : undefined;
  errorHook.passedLine = lineHook.on ? passedLine : undefined;
  ticks.n = lineHook.on ? 0 : TICKS;
  return prev;
}

function sourceOf(f: LuaFrame): string {
  return f.chunk!.source ?? "@" + f.chunk!.chunkName;
}

function luaFrames(frames: LuaFrame[]): LuaFrame[] {
  return frames.filter((f) => f.kind === "lua");
}

function makeError(source: string | undefined, line: number | undefined, depth: number): HookError {
  const e = new HookError(lineHook.value(), 0);
  e.source = source;
  e.line = line;
  e.depth = depth;
  e.pastHook = false;
  return e;
}

/** The error raised where a walk said the hook fires (the frame there may have returned since). */
function pendingError(p: Pending, depth: number): HookError {
  return makeError(p.source, p.line, Math.min(p.depth, depth));
}

/** Whether the frame a walk predicted the hook in has left the line it was on (or returned). */
function passed(p: Pending, lua: LuaFrame[]): boolean {
  if (p.kind !== "fire") return false;
  const n = lua.length;
  if (n < p.depth) return true;
  return lua[n - p.depth].line !== p.lines[p.depth - 1];
}

function passedLine(frames: LuaFrame[]): boolean {
  const p = lineHook.pending;
  return p !== undefined && passed(p, luaFrames(frames));
}

function arm(): void {
  lineHook.on = true;
  ticks.n = 0;
  errorHook.passedLine = passedLine;
}

/**
 * The hook raises (luaMaskCountHook): the first time from the count hook, then from the line hook
 * at an interrupt check. Where a walk predicted the hook to fire in a frame that has since left
 * its line, the error is raised there; else where the running Lua function is. Undefined while
 * hooks are off (an error handler of a hook error runs).
 */
export function hookError(): HookError | undefined {
  if (lineHook.off > 0) return undefined;
  const lua = luaFrames(currentFrames());
  const p = lineHook.pending;
  if (!lineHook.on) arm();
  let e: HookError;
  if (p !== undefined && passed(p, lua)) e = pendingError(p, lua.length);
  else {
    const f = lua[0];
    e = makeError(f === undefined ? undefined : sourceOf(f), f?.line, lua.length);
  }
  // until a protected call catches it and walks on: should something swallow it, the run can't
  // tell whether the hook fired again, and counts it raised there
  lineHook.pending = { lines: [], kind: "unknown", depth: e.depth, source: e.source, line: e.line };
  return e;
}

/**
 * Before a built-in that Lua would just run on the current line (redis.call): the error to raise
 * if the hook has already fired since a protected call caught it (a frame left its line), else
 * undefined.
 */
export function hookBeforeCall(): HookError | undefined {
  if (lineHook.off > 0) return undefined;
  const p = lineHook.pending;
  if (p === undefined) return hookError();
  const lua = luaFrames(currentFrames());
  // a frame entered since, or one that left its line
  if (lua.length > p.lines.length) return hookError();
  for (let d = 1; d <= lua.length; d++) {
    if (lua[lua.length - d].line !== p.lines[d - 1]) return hookError();
  }
  return undefined;
}

/**
 * A protected call caught `le` while the hook is on: the hook error it catches (`le` itself, or
 * the kill `le` came after), or undefined for an ordinary error (caught as usual). Throws a hook
 * error raised outside the call's callee: it passes through.
 */
export function hookCatch(le: LuaError): HookError | undefined {
  let e: HookError;
  if (le instanceof HookError) e = le;
  else if (le.pastHook && lineHook.pending !== undefined) {
    e = pendingError(lineHook.pending, lineHook.pending.depth);
  } else return undefined;
  if (e.depth <= luaFrames(currentFrames()).length) throw e;
  return e;
}

/**
 * A protected call's callee returned while the hook is on: the hook error it should have raised
 * first (a walk's prediction in a frame inside the callee), else undefined.
 */
export function hookReturned(): HookError | undefined {
  const p = lineHook.pending;
  if (p === undefined || p.kind === "complete") return undefined;
  const n = luaFrames(currentFrames()).length;
  if (p.depth <= n) return undefined;
  lineHook.pending = undefined;
  return pendingError(p, p.depth);
}

/**
 * After a protected call caught a hook error (and ran an xpcall handler): walks from its caller
 * outward to find where the hook fires next. Raises the error at once when nothing between here
 * and there can be seen; else keeps the prediction for the checks to come.
 */
export function hookResume(): void {
  const frames = currentFrames();
  const lua = luaFrames(frames);
  const n = lua.length;
  const lines = lua.map((f) => f.line).reverse();
  let quiet = true;
  let firstFalse = true;
  let depth = n;
  // the last frame walked, which returns on its line
  let last: LuaFrame | undefined = undefined;
  const keep = (
    kind: Pending["kind"],
    f: LuaFrame | undefined,
    d: number,
    line: number | undefined,
  ): void => {
    lineHook.pending = { lines, kind, depth: d, source: f === undefined ? undefined : sourceOf(f), line };
  };
  // frames[0] is the protected call itself; the host's own frames are past the last Lua frame
  let end = frames.length;
  while (end > 0 && frames[end - 1].kind !== "lua") end--;
  for (let i = 1; ; i++) {
    const f = frames[i];
    if (i >= end) return keep("complete", last, 1, last?.line);
    if (f.kind === "c") {
      // a coroutine that returns or yields leaves its thread (whose hook this is)
      if (f.jsFunction !== null && THREAD_ENTRIES.has(f.jsFunction))
        return keep("complete", last, 1, last?.line);
      // a protected call returns true to its caller; any other built-in may do anything
      if (f.jsFunction !== null && PROTECTED.has(f.jsFunction)) {
        firstFalse = false;
        continue;
      }
      const f0 = last ?? lua[0];
      return keep("unknown", f0, last === undefined ? n : depth + 1, f0?.line);
    }
    const packed = f.chunk!.after?.(f.jsLine ?? 0, f.jsColumn ?? 0, firstFalse);
    const a = packed === undefined ? undefined : unpackAfter(packed);
    if (a === undefined || a.kind === "unknown") return keep("unknown", f, depth, f.line);
    quiet &&= a.quiet;
    if (a.kind === "fire") {
      if (quiet) throw makeError(sourceOf(f), a.line, depth);
      return keep("fire", f, depth, a.line);
    }
    // the function returns on this line: on to its caller
    last = f;
    depth--;
    firstFalse = false;
  }
}

/**
 * A run ended normally while the hook is on: the error the hook would have raised before the
 * end (a walk's prediction, or its guess when the path depended on values), else undefined.
 */
export function hookAtEnd(): HookError | undefined {
  const p = lineHook.pending;
  if (p === undefined || p.kind === "complete") return undefined;
  return pendingError(p, p.depth);
}

/**
 * An error ended the run: the kill instead, when the hook would have raised it before; else, if
 * the host's error handler is a Lua function (Redis's), entering it fires the hook, which raises
 * the kill from the handler's first line (`handler`: its source and line). Memory errors skip
 * the handler.
 */
export function hookInstead(le: LuaError, handler?: { source: string; line: number }): LuaError {
  if (le instanceof HookError || le.memory) return le;
  if (le.pastHook && lineHook.pending !== undefined) return pendingError(lineHook.pending, 1);
  if (handler !== undefined && lineHook.off === 0) return makeError(handler.source, handler.line, 0);
  return le;
}
