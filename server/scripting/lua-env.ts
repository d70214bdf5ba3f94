// The Lua environment Redis 7.0 gives scripts: a LuaEngine with the "redis" profile, the
// `redis` table (call, pcall, error_reply, status_reply, sha1hex, log, setresp, set_repl,
// replicate_commands, breakpoint, debug, acl_check_cmd, version fields), Redis's pcall
// (table errors come back as their message), and protected globals: reading a missing
// global is an error, and _G and the libraries are read-only.
import { createHash } from "node:crypto";
import { LuaEngine } from "../../runtime/engine.js";
import { LuaTable } from "../../runtime/table.js";
import { keyHash } from "../../runtime/table-hash.js";
import { LuaError, MAXCCALLS, cCalls, catchable } from "../../runtime/errors.js";
import {
  hookCatch,
  hookResume,
  hookReturned,
  lineHook,
  registerProtectedCall,
} from "../../runtime/line-hook.js";
import * as ops from "../../runtime/ops.js";
import { EMPTY, type LuaFunction, type LuaResult, type LuaValue } from "../../runtime/value.js";
import { log } from "../log.js";
import { errorTable } from "./convert.js";
import type { ScriptRunner } from "./runner.js";

export const REDIS_VERSION = "7.0.15";
export const REDIS_VERSION_NUM = 0x07000f;

const H_KEYS = keyHash("KEYS");
const H_ARGV = keyHash("ARGV");
const LOG_LEVELS = { LOG_DEBUG: 0, LOG_VERBOSE: 1, LOG_NOTICE: 2, LOG_WARNING: 3 } as const;
const LOG_MARKS = [".", "-", "*", "#"] as const;

export function sha1hex(s: string): string {
  return createHash("sha1").update(Buffer.from(s, "latin1")).digest("hex");
}

/** A Lua state for scripts: EVAL and FUNCTION each get their own, as in Redis 7. */
export class ScriptLuaState {
  readonly engine: LuaEngine;
  readonly redis: LuaTable;

  constructor(
    readonly runner: ScriptRunner,
    readonly kind: "eval" | "function",
  ) {
    this.engine = new LuaEngine({ profile: "redis", random: runner.random });
    const G = this.engine.globals;
    this.redis = this.makeRedisTable();
    G.setStr("redis", this.redis);
    G.setStr("pcall", redisPcall);
    registerProtectedCall(redisPcall.name);
    // FUNCTION's state keeps its error handler in the registry, not in _G
    if (kind === "eval") {
      G.setStr("__redis__err__handler", function errHandler(e: LuaValue): LuaResult {
        return e;
      });
    }
    // reading a global that doesn't exist is an error (luaSetErrorMetatable)
    const mt = new LuaTable();
    mt.setStr("__index", function protectedGet(_t: LuaValue, name: LuaValue): LuaResult {
      throw new LuaError(`Script attempted to access nonexistent global variable '${ops.tostring(name)}'`, 1);
    });
    G.metatable = mt;
    protectRecursively(G, new Set());
    // the strings' metatable ({__index = string}) is shared by every script: read-only too
    protectRecursively(this.engine.stringMeta, new Set());
  }

  private makeRedisTable(): LuaTable {
    const runner = this.runner;
    const r = new LuaTable();
    r.setStr("call", function call(...args: LuaValue[]): LuaResult {
      return runner.redisCall(true, args);
    });
    r.setStr("pcall", function pcall(...args: LuaValue[]): LuaResult {
      return runner.redisCall(false, args);
    });
    r.setStr("log", function redisLog(...args: LuaValue[]): LuaResult {
      if (args.length < 2) throw new LuaError(errorTable("redis.log() requires two arguments or more."), 0);
      const level = ops.tonumber(args[0]);
      if (level === undefined)
        throw new LuaError(errorTable("First argument must be a number (log level)."), 0);
      const lv = Math.trunc(level);
      if (lv < 0 || lv > 3) throw new LuaError(errorTable("Invalid debug level."), 0);
      const parts: string[] = [];
      for (const a of args.slice(1))
        if (typeof a === "string" || typeof a === "number") parts.push(ops.tostring(a));
      log(LOG_MARKS[lv], parts.join(" "));
      return EMPTY;
    });
    for (const [k, v] of Object.entries(LOG_LEVELS)) r.setStr(k, v);
    r.setStr("REDIS_VERSION_NUM", REDIS_VERSION_NUM);
    r.setStr("REDIS_VERSION", REDIS_VERSION);
    r.setStr("setresp", function setresp(v: LuaValue): LuaResult {
      runner.setResp(v, arguments.length);
      return EMPTY;
    });
    r.setStr("sha1hex", function sha1(s: LuaValue): LuaResult {
      if (arguments.length !== 1) throw new LuaError(errorTable("wrong number of arguments"), 0);
      return sha1hex(typeof s === "string" || typeof s === "number" ? ops.tostring(s) : "");
    });
    r.setStr("error_reply", function errorReply(s: LuaValue): LuaResult {
      if (arguments.length !== 1 || typeof s !== "string")
        return errorTable("wrong number or type of arguments");
      return errorTable(s.startsWith("-") ? s : "-" + s);
    });
    r.setStr("status_reply", function statusReply(s: LuaValue): LuaResult {
      if (arguments.length !== 1 || typeof s !== "string")
        return errorTable("wrong number or type of arguments");
      const t = new LuaTable();
      t.setStr("ok", s);
      return t;
    });
    r.setStr("set_repl", function setRepl(v: LuaValue): LuaResult {
      runner.setRepl(v, arguments.length);
      return EMPTY;
    });
    r.setStr("REPL_NONE", 0);
    r.setStr("REPL_AOF", 1);
    r.setStr("REPL_SLAVE", 2);
    r.setStr("REPL_REPLICA", 2);
    r.setStr("REPL_ALL", 3);
    // only EVAL's state has these (the debugger's hooks and the pre-7 replication switch)
    if (this.kind === "eval") {
      r.setStr("replicate_commands", function replicateCommands(): LuaResult {
        return true;
      });
      r.setStr("breakpoint", function breakpoint(): LuaResult {
        return false;
      });
      r.setStr("debug", function debug(): LuaResult {
        return EMPTY;
      });
    }
    r.setStr("acl_check_cmd", function aclCheckCmd(...args: LuaValue[]): LuaResult {
      return runner.aclCheck(args);
    });
    return r;
  }

  /** Sets KEYS and ARGV (EVAL passes them as globals; the read-only lock doesn't apply). */
  setKeysArgs(keys: string[], args: string[]): void {
    const G = this.engine.globals;
    const ro = G.readonly;
    G.readonly = false;
    try {
      G.setStrH("KEYS", H_KEYS, arrayTable(keys));
      G.setStrH("ARGV", H_ARGV, arrayTable(args));
    } finally {
      G.readonly = ro;
    }
  }

  /** Compiles a body; throws LuaError with Lua's syntax error text. */
  compile(body: string, chunkName: string): LuaFunction {
    this.engine.enter();
    return this.engine.load(body, chunkName);
  }
}

/**
 * Redis's pcall (luaRedisPcall): like Lua's, but an error table with a string `err` comes back as
 * that string. With no arguments it calls its own `true` placeholder; calling what can't be called
 * fails inside C, so the message has no position.
 */
function redisPcall(f: LuaValue, ...args: LuaValue[]): LuaResult {
  if (arguments.length === 0) return [false, "attempt to call a boolean value"];
  if (typeof f !== "function" && typeof ops.metamethod(f, "__call") !== "function") {
    return [false, `attempt to call a ${ops.type(f)} value`];
  }
  // lua_pcall's luaD_call counts a C call: nested that deep, Lua refuses ("C stack overflow",
  // raised in pcall itself, so caught by it, with no position)
  if (++cCalls.depth >= MAXCCALLS) {
    cCalls.depth--;
    return [false, "C stack overflow"];
  }
  let v: LuaValue;
  try {
    const r = ops.call(f, ...args);
    const k = lineHook.on ? hookReturned() : undefined;
    if (k === undefined) return Array.isArray(r) ? [true, ...r] : [true, r];
    hookResume();
    v = k.value;
  } catch (e) {
    const le = catchable(e);
    if (le === undefined) throw e;
    // after a kill, Lua's line hook raises it again past the pcall (runtime/line-hook.ts)
    const k = lineHook.on ? hookCatch(le) : undefined;
    if (k !== undefined) hookResume();
    v = (k ?? le).value;
  } finally {
    cCalls.depth--;
  }
  if (v instanceof LuaTable) {
    const m = v.getStr("err");
    if (typeof m === "string" || typeof m === "number") v = m;
  }
  return [false, v];
}

/** Marks a table and every table reachable from it (and their metatables) read-only. */
function protectRecursively(t: LuaTable, seen: Set<LuaTable>): void {
  if (seen.has(t)) return;
  seen.add(t);
  t.readonly = true;
  let k: LuaValue = undefined;
  for (;;) {
    const kv = t.next(k);
    if (kv === undefined) break;
    k = kv[0];
    if (kv[1] instanceof LuaTable) protectRecursively(kv[1], seen);
  }
  if (t.metatable !== undefined) protectRecursively(t.metatable, seen);
}

/** luaCreateArray: a table filled one element at a time, sized as Lua grows it. */
function arrayTable(values: string[]): LuaTable {
  const t = new LuaTable();
  for (let i = 0; i < values.length; i++) t.setNum(i + 1, values[i]);
  return t;
}
