// Lua errors in JS: LuaError carries any Lua value; positions ("chunk:LINE:") come from
// the JS stack, mapped back to Lua lines through the line tables of compiled chunks.
// Also owns the interrupt signal (time limits, shutdown), which pcall must never catch; a kill
// is a catchable Lua error that Lua's line hook raises again (line-hook.ts).
import type { LuaValue } from "./value.js";

/** What the runtime knows about one compiled chunk, found by its JS file name. */
export interface ChunkInfo {
  /** Lua's short_src: "user_script", "test.lua", "[string \"...\"]" */
  chunkName: string;
  /** Lua's source as debug.getinfo reports it ("@user_script"), when it differs from "@" + chunkName */
  source?: string;
  /** Lua line for a JS position (1-based line, 1-based column) in the emitted code. */
  luaLine(jsLine: number, jsColumn: number): number;
  /** Whether a JS position is a Lua tail call's call site. */
  isTailCall?(jsLine: number, jsColumn: number): boolean;
  /** How Lua names the callee at a call site ("global 'f'", "method 'm'"), if known. */
  callName?(jsLine: number, jsColumn: number): string | undefined;
  /** Lua function description for a JS function name, for tracebacks. */
  functionName?(jsName: string): string | undefined;
  /**
   * At a call site: what the function does once the call returns, packed (compiler unpackAfter);
   * `firstFalse` when the call's first result is false. Undefined elsewhere.
   */
  after?(jsLine: number, jsColumn: number, firstFalse: boolean): number | undefined;
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

/**
 * A frame as Lua counts them: a compiled Lua function ("lua"), or a built-in ("c": a
 * library function, Lua's C functions). Runtime internals (operators, helpers, tables)
 * are not frames, as the VM isn't one in Lua either.
 */
export interface LuaFrame {
  kind: "lua" | "c";
  /** for Lua frames */
  chunk: ChunkInfo | undefined;
  line: number;
  jsFunction: string | null;
  /** for Lua frames: the JS position (1-based line and column) */
  jsLine?: number;
  jsColumn?: number;
  /** for Lua frames: how Lua names the function this frame is calling ("global 'f'") */
  calling?: string;
}

type CallSite = NodeJS.CallSite;

/** Where built-ins (C functions to Lua) live: the libraries, and what a host registers. */
const BUILTIN_FILES: RegExp[] = [/[\\/]runtime[\\/]lib[\\/]/];

/** A host's own built-ins (the server's `redis` table, global protection) count as C frames too. */
export function registerBuiltinFiles(pattern: RegExp): void {
  if (!BUILTIN_FILES.some((p) => p.source === pattern.source)) BUILTIN_FILES.push(pattern);
}
const OPS_FILE = /[\\/]runtime[\\/]ops\.js$/;
const CALL_FUNCTIONS = new Set(["call", "call1", "call2", "callMeta"]);

/**
 * Stack sites → Lua's frames: sites in compiled chunks are Lua frames; sites in runtime/lib/
 * are built-ins, where consecutive sites of one built-in (and its helpers) fold into one C
 * frame unless a call through ops.call separates two built-ins (pcall calling string.rep).
 */
function sitesToFrames(sites: CallSite[]): LuaFrame[] {
  const frames: LuaFrame[] = [];
  let separated = true;
  for (const s of sites) {
    const file = s.getFileName();
    if (file === undefined || file === null) continue;
    if (file.startsWith("lua:")) {
      const chunk = chunks.get(file);
      if (chunk === undefined) continue;
      // a Lua function in a tail call to a Lua function: Lua reused its frame for the callee
      const inner = frames[frames.length - 1];
      if (
        inner !== undefined &&
        inner.kind === "lua" &&
        chunk.isTailCall?.(s.getLineNumber() ?? 0, s.getColumnNumber() ?? 0) === true
      ) {
        separated = true;
        continue;
      }
      const jl = s.getLineNumber() ?? 0;
      const jc = s.getColumnNumber() ?? 0;
      frames.push({
        kind: "lua",
        chunk,
        line: chunk.luaLine(jl, jc),
        jsFunction: s.getFunctionName(),
        calling: chunk.callName?.(jl, jc),
        jsLine: jl,
        jsColumn: jc,
      });
      separated = true;
    } else if (BUILTIN_FILES.some((p) => p.test(file))) {
      const last = frames[frames.length - 1];
      if (separated || last === undefined || last.kind !== "c") {
        frames.push({ kind: "c", chunk: undefined, line: -1, jsFunction: s.getFunctionName() });
      } else {
        last.jsFunction = s.getFunctionName();
      }
      separated = false;
    } else if (OPS_FILE.test(file) && CALL_FUNCTIONS.has(s.getFunctionName() ?? "")) {
      separated = true;
    }
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

/** Lua's frames on the current JS stack, innermost (the current function) first. */
export function currentFrames(): LuaFrame[] {
  return sitesToFrames(structuredStack((h) => Error.captureStackTrace(h, currentFrames)));
}

/** Only the Lua (compiled) frames, innermost first. */
export function currentLuaFrames(): LuaFrame[] {
  return currentFrames().filter((f) => f.kind === "lua");
}

/** Frames recorded in a JS error that was thrown elsewhere (e.g. a RangeError). */
export function errorLuaFrames(e: Error): LuaFrame[] {
  const prevPrepare = Error.prepareStackTrace;
  let sites: unknown;
  Error.prepareStackTrace = (_e, s) => s;
  try {
    sites = e.stack;
  } finally {
    Error.prepareStackTrace = prevPrepare;
  }
  return Array.isArray(sites) ? sitesToFrames(sites as CallSite[]).filter((f) => f.kind === "lua") : [];
}

/** "chunk:LINE: " of a frame, "" for built-ins (no line), as luaL_where/luaG_runerror print. */
function position(f: LuaFrame | undefined): string {
  return f !== undefined && f.kind === "lua" ? `${f.chunk!.chunkName}:${f.line}: ` : "";
}

/**
 * luaL_where(level): level 0 is the running function (a built-in raising an error), 1 the
 * function that called it, and so on; "" when that function is a built-in or absent.
 */
export function where(level: number): string {
  if (level < 0) return "";
  return position(currentFrames()[level]);
}

/**
 * What a LuaError records when raised (each costs a stack walk): a Lua traceback (the CLI),
 * and the source and line of the innermost Lua function (the server, for
 * "script: …, on @user_script:LINE." in error replies).
 */
export const errorOptions = { traceback: false, position: false };

/** LUAI_MAXCCALLS: how deep Lua 5.1 lets C calls that run Lua nest. */
export const MAXCCALLS = 200;

/**
 * L->nCcalls for the C calls redlua counts: lua_pcall from pcall and xpcall, coroutine
 * resumes, metamethod calls (ops.ts callTM), generic for's iterator calls, and the Lua functions
 * table.sort, gsub and tostring call; at MAXCCALLS they fail with "C stack overflow".
 * (Other library callbacks — table.foreach, print's tostring, load's reader — and code running
 * as a coroutine's generator twin are not counted.) `depth` starts at the calls made to
 * run the chunk: 2 under lua.c (lua_cpcall, then lua_pcall), 1 for a Redis script.
 */
export const cCalls = { depth: 2 };

/** "\tchunk:LINE: in function 'f'" lines for frames, as lua5.1's traceback prints them. */
export function tracebackLines(frames: LuaFrame[]): string[] {
  return frames.map((f) => {
    if (f.kind === "c") return f.jsFunction ? `\t[C]: in function '${f.jsFunction}'` : "\t[C]: ?";
    const name = f.jsFunction ? f.chunk!.functionName?.(f.jsFunction) : undefined;
    const what =
      f.jsFunction === "main$chunk"
        ? "in main chunk"
        : name
          ? `in function '${name}'`
          : `in function <${f.chunk!.chunkName}:${f.line}>`;
    return `\t${f.chunk!.chunkName}:${f.line}: ${what}`;
  });
}

/**
 * Set by runtime/line-hook.ts while Lua's line hook is on after a kill: tells whether an error
 * raised with these frames comes after the place the hook would have raised the kill again.
 */
export const errorHook: { passedLine: ((frames: LuaFrame[]) => boolean) | undefined } = {
  passedLine: undefined,
};

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
  /** LUA_ERRMEM: "not enough memory", raised without calling the error handler */
  memory = false;
  /** raised where Lua's line hook would already have raised a kill again (line-hook.ts) */
  pastHook = false;

  /**
   * `level` as luaL_error/error() count it: 1 = the function that called the built-in
   * raising this error (0 = the built-in itself); LuaError.VM = the running function, as the
   * VM's own errors (luaG_runerror) use; NONE = no position.
   */
  constructor(value: LuaValue, level = 0) {
    const wantWhere = typeof value === "string" && level !== 0;
    const frames = wantWhere || errorOptions.traceback || errorOptions.position ? currentFrames() : undefined;
    let v = value;
    if (wantWhere) v = position(frames![level === LuaError.VM ? 0 : level]) + (value as string);
    super(typeof v === "string" ? v : "(error object is not a string)");
    this.value = v;
    this.luaTraceback = errorOptions.traceback ? tracebackLines(frames!) : undefined;
    let top: LuaFrame | undefined = undefined;
    if (errorOptions.position) {
      // __redis__err__handler: the raising function, or its caller if that was a built-in
      top = frames![0]?.kind === "lua" ? frames![0] : frames![1];
      if (top?.kind !== "lua") top = undefined;
    }
    this.source = top === undefined ? undefined : (top.chunk!.source ?? "@" + top.chunk!.chunkName);
    this.line = top?.line;
    const hook = errorHook.passedLine;
    if (hook !== undefined) this.pastHook = hook(frames ?? currentFrames());
  }

  /** The level of the VM's own errors: the running function's position (none in a built-in). */
  static readonly VM = -1;
}
LuaError.prototype.name = "LuaError";

/**
 * Thrown by the interrupt hook (a time limit, SHUTDOWN NOSAVE). Not a LuaError, so pcall,
 * xpcall and every other catch in the runtime let it through. (Redis's kill is a Lua error
 * that pcall catches: line-hook.ts HookError.)
 */
export class LuaInterrupt extends Error {
  constructor(
    message: string,
    readonly reason: "timeout" | "shutdown" | "oom",
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

/** Lua's memory error (LUA_ERRMEM): the message has no position and no error handler sees it. */
export function memoryError(): LuaError {
  const err = new LuaError("not enough memory", 0);
  err.memory = true;
  return err;
}

/** V8's RangeErrors for a string or array past its limits: where Lua would run out of memory. */
function isOutOfMemory(e: unknown): boolean {
  if (typeof e !== "object" || e === null || (e as Error).name !== "RangeError") return false;
  const m = (e as Error).message;
  return (
    m === "Invalid string length" ||
    m === "Invalid array length" ||
    m.startsWith("Array buffer allocation failed")
  );
}

/**
 * Turns what a catch caught into a LuaError when Lua may catch it (a LuaError, a JS stack
 * overflow, which becomes Lua's "stack overflow", or a string or array too long for V8, which
 * becomes Lua's "not enough memory"); returns undefined for anything Lua must not catch
 * (interrupts, internal bugs).
 */
export function catchable(e: unknown): LuaError | undefined {
  if (e instanceof LuaError) return e;
  if (isOutOfMemory(e)) return memoryError();
  if (isStackOverflow(e)) {
    const frames = errorLuaFrames(e);
    const f = frames[0];
    const err = new LuaError("stack overflow", 0);
    if (f !== undefined) {
      err.value = `${f.chunk!.chunkName}:${f.line}: stack overflow`;
      if (errorOptions.position) {
        err.source = f.chunk!.source ?? "@" + f.chunk!.chunkName;
        err.line = f.line;
      }
    }
    return err;
  }
  return undefined;
}
