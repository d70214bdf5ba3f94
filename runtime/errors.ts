// Lua errors in JS: LuaError carries any Lua value; positions ("chunk:LINE:") come from
// the JS stack, mapped back to Lua lines through the line tables of compiled chunks.
// Also owns the interrupt (timeout/kill) signal, which pcall must never catch.
import type { LuaValue } from "./value.js";

/** What the runtime knows about one compiled chunk, found by its JS file name. */
export interface ChunkInfo {
  /** Lua's short_src: "user_script", "test.lua", "[string \"...\"]" */
  chunkName: string;
  /** Lua's source as debug.getinfo reports it ("@user_script"), when it differs from "@" + chunkName */
  source?: string;
  /** Lua line for a JS position (1-based line, 1-based column) in the emitted code. */
  luaLine(jsLine: number, jsColumn: number): number;
  /** Lua function description for a JS function name, for tracebacks. */
  functionName?(jsName: string): string | undefined;
}

const chunks = new Map<string, ChunkInfo>();
let chunkCounter = 0;

/** Registers a chunk and returns the JS file name to compile it under. */
export function registerChunk(info: ChunkInfo): string {
  const fileName = `lua:${++chunkCounter}`;
  chunks.set(fileName, info);
  return fileName;
}

export function unregisterChunk(fileName: string): void {
  chunks.delete(fileName);
}

export interface LuaFrame {
  chunk: ChunkInfo;
  line: number;
  jsFunction: string | null;
}

type CallSite = NodeJS.CallSite;

function sitesToFrames(sites: CallSite[]): LuaFrame[] {
  const frames: LuaFrame[] = [];
  for (const s of sites) {
    const file = s.getFileName();
    if (file === undefined || file === null || !file.startsWith("lua:")) continue;
    const chunk = chunks.get(file);
    if (chunk === undefined) continue;
    frames.push({
      chunk,
      line: chunk.luaLine(s.getLineNumber() ?? 0, s.getColumnNumber() ?? 0),
      jsFunction: s.getFunctionName(),
    });
  }
  return frames;
}

function structuredStack(capture: (holder: object) => void): CallSite[] {
  const prevPrepare = Error.prepareStackTrace;
  const prevLimit = Error.stackTraceLimit;
  Error.prepareStackTrace = (_e, sites) => sites;
  Error.stackTraceLimit = 200;
  try {
    const holder: { stack?: unknown } = {};
    capture(holder);
    const stack = holder.stack;
    return Array.isArray(stack) ? (stack as CallSite[]) : [];
  } finally {
    Error.prepareStackTrace = prevPrepare;
    Error.stackTraceLimit = prevLimit;
  }
}

/** The Lua frames on the current JS stack, innermost first. */
export function currentLuaFrames(): LuaFrame[] {
  return sitesToFrames(structuredStack((h) => Error.captureStackTrace(h, currentLuaFrames)));
}

/** Lua frames recorded in a JS error that was thrown elsewhere (e.g. a RangeError). */
export function errorLuaFrames(e: Error): LuaFrame[] {
  const prevPrepare = Error.prepareStackTrace;
  let sites: unknown;
  Error.prepareStackTrace = (_e, s) => s;
  try {
    sites = e.stack;
  } finally {
    Error.prepareStackTrace = prevPrepare;
  }
  return Array.isArray(sites) ? sitesToFrames(sites as CallSite[]) : [];
}

/** luaL_where: "chunk:LINE: " for the level-th Lua frame (1 = innermost), or "". */
export function where(level: number): string {
  if (level <= 0) return "";
  const frames = currentLuaFrames();
  const f = frames[level - 1];
  return f === undefined ? "" : `${f.chunk.chunkName}:${f.line}: `;
}

/**
 * What a LuaError records when raised (each costs a stack walk): a Lua traceback (the CLI),
 * and the source and line of the innermost Lua function (the server, for
 * "script: …, on @user_script:LINE." in error replies).
 */
export const errorOptions = { traceback: false, position: false };

/** "\tchunk:LINE: in function 'f'" lines for frames, as lua5.1's traceback prints them. */
export function tracebackLines(frames: LuaFrame[]): string[] {
  return frames.map((f) => {
    const name = f.jsFunction ? f.chunk.functionName?.(f.jsFunction) : undefined;
    const what =
      f.jsFunction === "main$chunk"
        ? "in main chunk"
        : name
          ? `in function '${name}'`
          : `in function <${f.chunk.chunkName}:${f.line}>`;
    return `\t${f.chunk.chunkName}:${f.line}: ${what}`;
  });
}

/**
 * A Lua error: `value` is what pcall returns as the error object. Built with a string
 * message and a level, it gets Lua's position prefix, as luaL_error/luaG_runerror do.
 */
export class LuaError extends Error {
  value: LuaValue;
  /** Lua traceback lines captured when the error was raised (for the CLI). */
  luaTraceback: string[] | undefined;

  /** source of the innermost Lua function when raised ("@user_script"), if recorded */
  source: string | undefined;
  /** its current line, if recorded */
  line: number | undefined;

  constructor(value: LuaValue, level = 0) {
    const wantWhere = typeof value === "string" && level > 0;
    const frames =
      wantWhere || errorOptions.traceback || errorOptions.position ? currentLuaFrames() : undefined;
    let v = value;
    if (wantWhere) {
      const f = frames![level - 1];
      if (f !== undefined) v = `${f.chunk.chunkName}:${f.line}: ${value as string}`;
    }
    super(typeof v === "string" ? v : "(error object is not a string)");
    this.value = v;
    this.luaTraceback = errorOptions.traceback ? tracebackLines(frames!) : undefined;
    const top = errorOptions.position ? frames![0] : undefined;
    this.source = top === undefined ? undefined : (top.chunk.source ?? "@" + top.chunk.chunkName);
    this.line = top?.line;
  }
}
LuaError.prototype.name = "LuaError";

/**
 * Thrown by the interrupt hook (time limit, kill request). Not a LuaError, so pcall,
 * xpcall and every other catch in the runtime let it through.
 */
export class LuaInterrupt extends Error {
  constructor(
    message: string,
    readonly reason: "timeout" | "killed" | "shutdown" | "oom",
  ) {
    super(message);
  }
}
LuaInterrupt.prototype.name = "LuaInterrupt";

/** True for V8's stack overflow (from any realm: compiled code runs in a vm context). */
export function isStackOverflow(e: unknown): e is RangeError {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as Error).name === "RangeError" &&
    (e as Error).message === "Maximum call stack size exceeded"
  );
}

/**
 * Turns what a catch caught into a LuaError when Lua may catch it (a LuaError, or a JS
 * stack overflow, which becomes Lua's "stack overflow"); returns undefined for anything
 * Lua must not catch (interrupts, internal bugs).
 */
export function catchable(e: unknown): LuaError | undefined {
  if (e instanceof LuaError) return e;
  if (isStackOverflow(e)) {
    const frames = errorLuaFrames(e);
    const f = frames[0];
    const err = new LuaError("stack overflow", 0);
    if (f !== undefined) {
      err.value = `${f.chunk.chunkName}:${f.line}: stack overflow`;
      if (errorOptions.position) {
        err.source = f.chunk.source ?? "@" + f.chunk.chunkName;
        err.line = f.line;
      }
    }
    return err;
  }
  return undefined;
}
