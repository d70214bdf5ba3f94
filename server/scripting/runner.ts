// The script run context shared by EVAL and FCALL (Redis's script.c): prepares a run
// (flag checks), executes redis.call/redis.pcall with the script's checks, tracks writes,
// time and kill requests, and turns the script's result or error into the caller's reply.
// Every write command a script runs passes through `callCommand` (the one place a later
// persistence or replication layer hooks into, via `onWrite`). The busy-script machinery
// (server/worker/) watches runs through a `RunMonitor`: kill requests from the other thread,
// the first write, and other clients' commands while a script is past busy-reply-threshold.
// A kill is a Lua error raised from the interrupt hook, as luaMaskCountHook raises it: a pcall
// can catch it, and runtime/line-hook.ts raises it again where Lua's line hook would.
import { constants } from "node:buffer";
import { LuaTable } from "../../runtime/table.js";
import { LuaError, LuaInterrupt, cCalls, catchable, errorOptions } from "../../runtime/errors.js";
import {
  hookAtEnd,
  hookBeforeCall,
  hookError,
  hookInstead,
  lineHook,
  resetLineHook,
  type HookError,
} from "../../runtime/line-hook.js";
import { checkHeap } from "../../runtime/memory.js";
import { formatG } from "../../runtime/number.js";
import { RedisRand48 } from "../../runtime/lib/math.js";
import * as ops from "../../runtime/ops.js";
import type { LuaFunction, LuaResult, LuaValue } from "../../runtime/value.js";
import { blankNewlines } from "../../runtime/lib/bytemap.js";
import type { ClientState } from "../client.js";
import { F, type Command } from "../commands/table.js";
import type { Executor } from "../executor.js";
import { log } from "../log.js";
import { err, ErrorReply, type Reply } from "../reply.js";
import { cString, errorTable, luaToReply, replyToLua } from "./convert.js";
import { SCRIPT_FLAG } from "./shebang.js";

/**
 * scriptFlagsToCmdFlags: a script that declares flags runs as a write, deny-oom command unless
 * it is no-writes (which implies allow-oom) or allow-oom, and as stale-safe when allow-stale.
 */
export function scriptFlagsToCmdFlags(cmdFlags: number, scriptFlags: number): number {
  let f = cmdFlags & ~(F.stale | F.denyoom | F.write | F.may_replicate);
  if ((scriptFlags & (SCRIPT_FLAG.allowOom | SCRIPT_FLAG.noWrites)) === 0) f |= F.denyoom;
  if ((scriptFlags & SCRIPT_FLAG.noWrites) === 0) f |= F.write;
  if ((scriptFlags & SCRIPT_FLAG.allowStale) !== 0) f |= F.stale;
  return f;
}

/** Run-context flags (script.h SCRIPT_*). */
const RUN = {
  writeDirty: 1 << 0,
  readOnly: 1 << 1,
  allowOom: 1 << 2,
  timedOut: 1 << 3,
  killed: 1 << 4,
  evalMode: 1 << 5,
} as const;

export interface RunRequest {
  kind: "eval" | "function";
  /** the SHA1 of an EVAL body, or the function's name */
  name: string;
  /** script flags (shebang / register_function flags) */
  flags: number;
  /** EVAL_RO / EVALSHA_RO / FCALL_RO */
  ro: boolean;
  /** the command that runs it, for FUNCTION STATS (not to be changed) */
  command: string[];
}

/** One running script, as FUNCTION STATS and SCRIPT KILL see it. */
export class RunContext {
  flags = 0;
  readonly startTime = performance.now();
  /** the script's own client: the caller's db, RESP 2 until redis.setresp */
  readonly client: ClientState;

  constructor(
    readonly caller: ClientState,
    readonly request: RunRequest,
    scriptClient: ClientState,
  ) {
    this.client = scriptClient;
    this.client.db = caller.db;
    this.client.resp = 2;
    this.client.inMulti = false;
    if (request.kind === "eval") this.flags |= RUN.evalMode;
  }

  get written(): boolean {
    return (this.flags & RUN.writeDirty) !== 0;
  }

  elapsedMs(): number {
    return performance.now() - this.startTime;
  }
}

/**
 * What the run context tells, and asks of, whoever watches scripts from outside the executor
 * (server/worker/): the connection thread answers -BUSY and takes kills while a script runs.
 */
export interface RunMonitor {
  started(ctx: RunContext): void;
  ended(ctx: RunContext): void;
  /** The run's interrupt hook fired (the first time: what FUNCTION STATS shows gets published). */
  hooked(): void;
  /**
   * Before the run's first write: false when a kill was granted first (the script must stop);
   * `afterKill`: the kill was raised and caught, and the script writes on (as Redis's can).
   */
  firstWrite(ctx: RunContext, afterKill: boolean): boolean;
  /** SCRIPT KILL / FUNCTION KILL run by the executor itself (from `whileBlocked`). */
  kill(): void;
  /** A kill was requested from the other thread. */
  killRequested(): boolean;
  /** SHUTDOWN NOSAVE is ending the process. */
  shutdownRequested(): boolean;
  /** processEventsWhileBlocked: serve other clients while a script is past the threshold. */
  whileBlocked(): void;
}

/** luaMaskCountHook's kill: the error table Lua code sees (pcall catches it). */
const KILLED = "Script killed by user with SCRIPT KILL...";

/** Where __redis__err__handler's first instruction is (the chunk script_lua.c loads it from). */
const ERROR_HANDLER = { source: "@err_handler_def", line: 4 };

/**
 * Throws the kill, logging it as luaMaskCountHook does each time; `e` undefined: nothing to
 * raise (hooks are off while an xpcall handler of the kill runs; or the script is still on the
 * line the kill was caught on).
 */
function throwKill(e: HookError | undefined): void {
  if (e === undefined) return;
  log("#", "Lua script killed by user with SCRIPT KILL.");
  throw e;
}

/** The hook raises the kill: the first time, then where Lua's line hook fires. */
function raiseKill(): void {
  throwKill(hookError());
}

/** A check that refused a command before it ran (script.c's `err`). */
class ScriptCallError {
  constructor(
    readonly message: string,
    readonly cmd?: Command,
  ) {}
}

export type WriteObserver = (db: number, argv: readonly string[]) => void;

const SLOW_EVAL = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
const SLOW_FUNCTION =
  "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";

export class ScriptRunner {
  current: RunContext | undefined = undefined;
  /** Observers of every write command scripts run (persistence, replication). */
  readonly onWrite: WriteObserver[] = [];
  /** math.random's generator: one per server, shared by EVAL and FUNCTION (redisLrand48) */
  readonly random = new RedisRand48();
  private readonly scriptClient: ClientState;

  /** The busy-script machinery watching runs (server/worker/), if any. */
  monitor: RunMonitor | undefined = undefined;

  constructor(readonly executor: Executor) {
    this.scriptClient = executor.newClient(true);
    this.scriptClient.name = "lua";
    errorOptions.position = true;
    lineHook.value = () => errorTable(KILLED);
    // processCommand: past the threshold only CMD_ALLOW_BUSY commands run
    executor.busyCheck = (c, cmd) => {
      if (!this.timedOut || c === this.current!.caller) return undefined;
      if ((cmd.flags & F.allow_busy) === 0) return this.busyError() as ErrorReply;
      return undefined;
    };
  }

  /** A script is running past busy-reply-threshold (isInsideYieldingLongCommand). */
  get timedOut(): boolean {
    return this.current !== undefined && (this.current.flags & RUN.timedOut) !== 0;
  }

  /**
   * scriptPrepareForRun's checks, then runs `fn` (already bound to KEYS/ARGV or given them
   * as arguments) and converts its result or error for the caller.
   */
  run(caller: ClientState, req: RunRequest, call: () => LuaResult): Reply {
    const pre = this.prepareError(caller, req);
    if (pre !== undefined) return pre;
    const ctx = new RunContext(caller, req, this.scriptClient);
    if (req.ro || ((req.flags & SCRIPT_FLAG.evalCompat) === 0 && (req.flags & SCRIPT_FLAG.noWrites) !== 0)) {
      ctx.flags |= RUN.readOnly;
    }
    if ((req.flags & SCRIPT_FLAG.evalCompat) === 0 && (req.flags & SCRIPT_FLAG.allowOom) !== 0) {
      ctx.flags |= RUN.allowOom;
    }
    this.current = ctx;
    this.monitor?.started(ctx);
    // keys don't expire while a script runs: the clock stops at its start (scriptTimeSnapshot)
    this.executor.frozenTime = Date.now();
    // the lua_pcall running the script is its first C call
    const cDepth = cCalls.depth;
    cCalls.depth = 1;
    try {
      const r = call();
      // a kill that Lua's line hook raises again before the end: no reply from the script
      const k = lineHook.on ? hookAtEnd() : undefined;
      if (k !== undefined) {
        log("#", "Lua script killed by user with SCRIPT KILL.");
        return this.errorReply(ctx, k);
      }
      return luaToReply(Array.isArray(r) ? r[0] : r, ctx.client.resp);
    } catch (e) {
      return this.errorReply(ctx, e);
    } finally {
      resetLineHook();
      this.current = undefined;
      this.monitor?.ended(ctx);
      this.executor.frozenTime = 0;
      cCalls.depth = cDepth;
      ctx.client.db = this.executor.dbs[0];
    }
  }

  private prepareError(caller: ClientState, req: RunRequest): Reply | undefined {
    if ((req.flags & SCRIPT_FLAG.evalCompat) !== 0) return undefined;
    if ((req.flags & SCRIPT_FLAG.noWrites) === 0 && req.ro) {
      return err("ERR Can not execute a script with write flag using *_ro command.");
    }
    // no-writes implies allow-oom
    if ((req.flags & (SCRIPT_FLAG.allowOom | SCRIPT_FLAG.noWrites)) === 0 && this.executor.overMaxmemory()) {
      return err(
        "OOM allow-oom flag is not set on the script, can not run it when used memory > 'maxmemory'",
      );
    }
    void caller;
    return undefined;
  }

  /** LUA_ERRMEM's reply. */
  private memoryReply(ctx: RunContext): Reply {
    return err(`ERR Error running script ${ctx.request.name}, not enough memory`);
  }

  /** luaCallFunction's error path: "-CODE msg script: NAME, on SOURCE:LINE." */
  private errorReply(ctx: RunContext, e: unknown): Reply {
    if (e instanceof LuaInterrupt) {
      return err(`ERR ${e.message}`);
    }
    let le = catchable(e);
    if (le === undefined) throw e;
    // after a kill, an error raised past the line where Lua's hook would have raised it again,
    // or reaching __redis__err__handler, whose entry fires the hook
    if (lineHook.on) le = hookInstead(le, ERROR_HANDLER);
    // LUA_ERRMEM skips __redis__err__handler: luaCallFunction gets a plain string
    if (le.memory) return this.memoryReply(ctx);
    let v = le.value;
    // __redis__err__handler: non-table errors become {err = 'ERR ' .. tostring(err)}
    if (!(v instanceof LuaTable)) {
      const s = ops.tostring(v);
      if (s.length + 4 > constants.MAX_STRING_LENGTH) return this.memoryReply(ctx);
      const t = new LuaTable();
      t.setStr("err", "ERR " + s);
      v = t;
    }
    const msg = v.getStr("err");
    if (typeof msg !== "string" && typeof msg !== "number") {
      return err(`ERR Error running script ${ctx.request.name}, execution failure`);
    }
    let text = ops.tostring(msg);
    if (le.source !== undefined && le.line !== undefined) {
      // sdscatfmt's %s: the message ends at a NUL once the place is added
      text = cString(text);
      const where = ` script: ${ctx.request.name}, on ${le.source}:${le.line}.`;
      // an error of hundreds of MB may leave no room for it in a JS string (Redis's would take it)
      if (text.length + where.length > constants.MAX_STRING_LENGTH) return this.memoryReply(ctx);
      text += where;
    }
    return new ErrorReply(blankNewlines(text), v.getStr("ignore_error_stats_update") === true);
  }

  // ---- redis.call / redis.pcall ------------------------------------------------------------------

  /** redis.call (raise = true) and redis.pcall (raise = false). */
  redisCall(raise: boolean, args: LuaValue[]): LuaResult {
    const ctx = this.current;
    if (ctx === undefined) {
      return this.fail(raise, errorTable("redis.call/pcall can only be called inside a script invocation"));
    }
    if (args.length === 0) {
      return this.fail(raise, errorTable("Please specify at least one argument for this redis lib call"));
    }
    const argv = new Array<string>(args.length);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (typeof a === "string") argv[i] = a;
      else if (typeof a === "number") argv[i] = formatG(a, 17);
      else return this.fail(raise, errorTable("Lua redis lib command arguments must be strings or integers"));
    }
    // a kill from the other thread also stops a script between two commands (one atomic read),
    // so a loop of slow commands doesn't wait for the 10,000-tick hook; once raised, it is raised
    // again here only if Lua's line hook has fired since (the command runs on the same line)
    if (this.monitor !== undefined && this.monitor.killRequested()) ctx.flags |= RUN.killed;
    if ((ctx.flags & RUN.killed) !== 0) throwKill(lineHook.on ? hookBeforeCall() : hookError());
    const r = this.callCommand(ctx, argv);
    if (r instanceof ScriptCallError) {
      // scriptCall's error path counts the rejection now (afterErrorReply, rejected_calls); the
      // error table says so, so the script's reply doesn't count it again
      const t = errorTable(r.message, true);
      this.executor.countError(new ErrorReply(t.getStr("err") as string));
      if (r.cmd !== undefined) r.cmd.rejectedCalls++;
      return this.fail(raise, t);
    }
    if (r instanceof ErrorReply) return this.fail(raise, errorTable("-" + r.text, true));
    return replyToLua(r, ctx.client.resp);
  }

  private fail(raise: boolean, t: LuaTable): LuaResult {
    if (raise) throw new LuaError(t, 0);
    return t;
  }

  /** scriptCall: the checks, then the command. */
  private callCommand(ctx: RunContext, argv: string[]): Reply | ScriptCallError {
    const ex = this.executor;
    const cmd: Command | undefined = ex.table.lookup(argv);
    if (cmd === undefined) return new ScriptCallError("Unknown Redis command called from script");
    const arity = cmd.arity;
    if ((arity > 0 && arity !== argv.length) || argv.length < -arity) {
      return new ScriptCallError("Wrong number of args calling Redis command from script", cmd);
    }
    const flags = cmd.flags;
    if ((flags & F.noscript) !== 0)
      return new ScriptCallError("This Redis command is not allowed from script", cmd);
    const write = (flags & F.write) !== 0;
    // a read-only script counts may-replicate commands (PUBLISH…) as writes too, which lets it
    // run during CLIENT PAUSE WRITE
    if ((flags & (F.write | F.may_replicate)) !== 0 && (ctx.flags & RUN.readOnly) !== 0) {
      return new ScriptCallError("Write commands are not allowed from read-only scripts.", cmd);
    }
    if (
      (ctx.flags & RUN.allowOom) === 0 &&
      (ctx.flags & RUN.writeDirty) === 0 &&
      (flags & F.denyoom) !== 0 &&
      ex.overMaxmemory()
    ) {
      return new ScriptCallError("-OOM command not allowed when used memory > 'maxmemory'.", cmd);
    }
    if (write && (ctx.flags & RUN.writeDirty) === 0) {
      // a kill granted by the other thread before this first write wins: no write happens (but
      // once the kill was raised and a pcall caught it, the script writes on, as Redis's does)
      if (this.monitor !== undefined && !this.monitor.firstWrite(ctx, lineHook.on)) {
        ctx.flags |= RUN.killed;
        raiseKill();
      }
      ctx.flags |= RUN.writeDirty;
    }
    const reply = ex.call(ctx.client, cmd, argv);
    if (write && this.onWrite.length > 0) for (const o of this.onWrite) o(ctx.client.db.id, argv);
    return reply;
  }

  /** SCRIPT KILL / FUNCTION KILL: the running script stops at its next interrupt check. */
  requestKill(): void {
    if (this.current === undefined) return;
    this.current.flags |= RUN.killed;
    this.monitor?.kill();
  }

  /**
   * Called from the Lua interrupt hook (scriptInterrupt): throws when the running script must
   * stop (killed, shutting down, over the memory cap); past busy-reply-threshold, logs the slow
   * script once and lets the monitor serve other clients, as processEventsWhileBlocked does.
   */
  interruptCheck(): void {
    const ctx = this.current;
    if (ctx === undefined) return;
    const m = this.monitor;
    if (m !== undefined) {
      m.hooked();
      this.pollMonitor(ctx, m);
    }
    if ((ctx.flags & RUN.killed) !== 0) raiseKill();
    checkHeap();
    if ((ctx.flags & RUN.timedOut) === 0) {
      const elapsed = ctx.elapsedMs();
      if (elapsed < this.executor.config.busyReplyThreshold) return;
      ctx.flags |= RUN.timedOut;
      log(
        "#",
        `Slow script detected: still in execution after ${Math.floor(elapsed)} milliseconds. You can try killing the script using the ${(ctx.flags & RUN.evalMode) !== 0 ? "SCRIPT KILL" : "FUNCTION KILL"} command. Script name is: ${ctx.request.name}.`,
      );
    }
    if (m === undefined) return;
    m.whileBlocked();
    this.pollMonitor(ctx, m);
    if ((ctx.flags & RUN.killed) !== 0) raiseKill();
  }

  private pollMonitor(ctx: RunContext, m: RunMonitor): void {
    if (m.killRequested()) ctx.flags |= RUN.killed;
    if (m.shutdownRequested()) throw new LuaInterrupt("shutdown", "shutdown");
  }

  /** The BUSY error for other clients while a script runs past the threshold. */
  busyError(): Reply {
    const ctx = this.current;
    return err(ctx !== undefined && ctx.request.kind === "function" ? SLOW_FUNCTION : SLOW_EVAL);
  }

  /** redis.setresp */
  setResp(v: LuaValue, argc: number): void {
    const ctx = this.current;
    if (ctx === undefined)
      throw new LuaError(errorTable("redis.setresp can only be called inside a script invocation"), 0);
    if (argc !== 1) throw new LuaError(errorTable("redis.setresp() requires one argument."), 0);
    const n = ops.tonumber(v);
    const resp = n === undefined ? 0 : Math.trunc(n);
    if (resp !== 2 && resp !== 3) throw new LuaError(errorTable("RESP version must be 2 or 3."), 0);
    ctx.client.resp = resp;
  }

  /** redis.set_repl */
  setRepl(v: LuaValue, argc: number): void {
    if (this.current === undefined) {
      throw new LuaError(errorTable("redis.set_repl can only be called inside a script invocation"), 0);
    }
    if (argc !== 1) throw new LuaError(errorTable("redis.set_repl() requires two arguments."), 0);
    const n = Math.trunc(ops.tonumber(v) ?? 0);
    if ((n & ~3) !== 0) {
      throw new LuaError(
        errorTable("Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE."),
        0,
      );
    }
  }

  /** redis.acl_check_cmd: with the default user every known command is allowed. */
  aclCheck(args: LuaValue[]): LuaResult {
    if (this.current === undefined) {
      throw new LuaError(errorTable("redis.acl_check_cmd can only be called inside a script invocation"), 0);
    }
    if (args.length === 0)
      throw new LuaError(errorTable("Please specify at least one argument for this redis lib call"), 0);
    const argv: string[] = [];
    for (const a of args) {
      if (typeof a === "string") argv.push(a);
      else if (typeof a === "number") argv.push(formatG(a, 17));
      else throw new LuaError(errorTable("Lua redis lib command arguments must be strings or integers"), 0);
    }
    if (this.executor.table.lookup(argv) === undefined) {
      throw new LuaError(errorTable("Invalid command passed to redis.acl_check_cmd()"), 0);
    }
    return true;
  }
}

export type { LuaFunction };
