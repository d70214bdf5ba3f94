// The Lua engine of Redis Functions (function_lua.c): FUNCTION's own Lua state (a
// ScriptLuaState of kind "function"), the restricted API library code sees while it loads
// (only `redis` with register_function, log, the log levels and the version), the
// 500 ms load timeout, and redis.register_function in both its forms with Redis's errors.
// Each library gets its own environment table — empty, read-only, its metatable's __index
// pointing at the load-time API while it loads and at the state's globals afterwards — so
// libraries share the globals read-only and can't leave anything for one another.
import { LuaTable } from "../../runtime/table.js";
import { LuaError, catchable } from "../../runtime/errors.js";
import * as ops from "../../runtime/ops.js";
import { countRun } from "../../runtime/line-hook.js";
import { EMPTY, type LuaFunction, type LuaResult, type LuaValue } from "../../runtime/value.js";
import { asciiLower } from "../../runtime/lib/bytemap.js";
import { ScriptLuaState } from "./lua-env.js";
import { errorTable } from "./convert.js";
import type { ScriptRunner } from "./runner.js";
import { FLAG_NAMES } from "./shebang.js";

/** LOAD_TIMEOUT_MS: library code must finish registering within this time. */
export const LOAD_TIMEOUT_MS = 500;

export interface FunctionInfo {
  name: string;
  fn: LuaFunction;
  desc: string | undefined;
  flags: number;
  lib: LibraryInfo;
  /** runs so far (countRun) */
  runs: number;
}

/** functionLibInfo: a library, its code (shebang included) and its functions by exact name. */
export class LibraryInfo {
  readonly functions = new Map<string, FunctionInfo>();
  /**
   * The compiled library code. Held for the library's lifetime: the engine forgets a chunk's
   * line table once its main function is collected, and the functions' error positions
   * ("user_function:N:", "on @user_function:N.") come from that table.
   */
  main: LuaFunction | undefined = undefined;
  constructor(
    readonly name: string,
    readonly code: string,
  ) {}
}

/** The error FUNCTION LOAD reports for a library (without the "ERR " of the reply). */
export type CreateError = string;

/** functionsVerifyName: [A-Za-z0-9_]+ for library and function names alike. */
export function validName(s: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(s);
}

const NAME_RULE =
  "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long";

/** ASCII lowercase of a C string (strcasecmp stops at a NUL and folds only A-Z). */
function cfold(s: string): string {
  const z = s.indexOf("\0");
  return asciiLower(z < 0 ? s : s.slice(0, z));
}

/** luaGetStringSds: strings and numbers (as Lua prints them), otherwise nothing. */
function luaString(v: LuaValue): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return ops.tostring(v);
  return undefined;
}

function fail(message: string): never {
  throw new LuaError(errorTable(message), 0);
}

/** The library being loaded (loadCtx). */
interface LoadCtx {
  lib: LibraryInfo;
  deadline: number;
}

export class FunctionsLuaEngine {
  readonly state: ScriptLuaState;
  /** LIBRARY_API: what library code can reach while it loads */
  private readonly libraryApi: LuaTable;
  private loading: LoadCtx | undefined = undefined;

  constructor(readonly runner: ScriptRunner) {
    this.state = new ScriptLuaState(runner, "function");
    this.libraryApi = this.makeLibraryApi();
    this.state.engine.interrupts.check = () => {
      const ld = this.loading;
      if (ld === undefined) runner.interruptCheck();
      else if (performance.now() > ld.deadline) fail("FUNCTION LOAD timeout");
    };
  }

  /** The load-time globals: just `redis`, itself limited to what registering needs. */
  private makeLibraryApi(): LuaTable {
    const full = this.state.redis;
    const r = new LuaTable();
    r.setStr("register_function", (...args: LuaValue[]): LuaResult => {
      this.registerFunction(args);
      return EMPTY;
    });
    for (const k of [
      "log",
      "LOG_DEBUG",
      "LOG_VERBOSE",
      "LOG_NOTICE",
      "LOG_WARNING",
      "REDIS_VERSION",
      "REDIS_VERSION_NUM",
    ]) {
      r.setStr(k, full.getStr(k));
    }
    // luaSetErrorMetatable: reading a missing field is an error, raised by the same function
    // as for the state's globals
    const missing = this.state.engine.globals.metatable?.getStr("__index");
    const errorMetatable = (): LuaTable => {
      const mt = new LuaTable();
      mt.setStr("__index", missing);
      return mt;
    };
    r.metatable = errorMetatable();
    const api = new LuaTable();
    api.setStr("redis", r);
    api.metatable = errorMetatable();
    for (const t of [r, r.metatable, api, api.metatable]) t.readonly = true;
    return api;
  }

  /**
   * luaEngineCreate: compiles `body` (the code after the shebang line, from its newline on)
   * in a fresh environment and runs it so it registers its functions into `lib`. Returns
   * Redis's error text, or undefined.
   */
  create(lib: LibraryInfo, body: string): CreateError | undefined {
    const engine = this.state.engine;
    engine.enter();
    const envMeta = new LuaTable();
    envMeta.setStr("__index", this.libraryApi);
    envMeta.readonly = true;
    const env = new LuaTable();
    env.metatable = envMeta;
    env.readonly = true;
    let main: LuaFunction;
    try {
      main = engine.load(body, "user_function", env);
    } catch (e) {
      if (e instanceof LuaError) return `Error compiling function: ${ops.tostring(e.value)}`;
      throw e;
    }
    lib.main = main;
    this.loading = { lib, deadline: performance.now() + LOAD_TIMEOUT_MS };
    try {
      main();
      return undefined;
    } catch (e) {
      const le = catchable(e);
      if (le === undefined) throw e;
      return `Error registering functions: ${loadErrorMessage(le.value)}`;
    } finally {
      this.loading = undefined;
      // from now on the library's functions see the state's globals
      envMeta.readonly = false;
      envMeta.setStr("__index", this.state.engine.globals);
      envMeta.readonly = true;
    }
  }

  /** luaRegisterFunction: both forms, with Redis's checks in Redis's order. */
  private registerFunction(args: LuaValue[]): void {
    const ld = this.loading;
    if (ld === undefined) fail("redis.register_function can only be called on FUNCTION LOAD command");
    let name: string | undefined;
    let desc: string | undefined;
    let fn: LuaFunction | undefined;
    let flags = 0;
    if (args.length < 1 || args.length > 2) fail("wrong number of arguments to redis.register_function");
    if (args.length === 2) {
      name = luaString(args[0]);
      if (name === undefined) fail("first argument to redis.register_function must be a string");
      if (typeof args[1] !== "function")
        fail("second argument to redis.register_function must be a function");
      fn = args[1];
    } else {
      const t = args[0];
      if (!(t instanceof LuaTable)) {
        fail(
          "calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).",
        );
      }
      let k: LuaValue = undefined;
      for (;;) {
        const kv = t.next(k);
        if (kv === undefined) break;
        k = kv[0];
        const v = kv[1];
        const key = luaString(k);
        if (key === undefined) fail("named argument key given to redis.register_function is not a string");
        switch (cfold(key)) {
          case "function_name":
            name = luaString(v);
            if (name === undefined)
              fail("function_name argument given to redis.register_function must be a string");
            break;
          case "description":
            desc = luaString(v);
            if (desc === undefined)
              fail("description argument given to redis.register_function must be a string");
            break;
          case "callback":
            if (typeof v !== "function")
              fail("callback argument given to redis.register_function must be a function");
            fn = v;
            break;
          case "flags":
            if (!(v instanceof LuaTable)) {
              fail("flags argument to redis.register_function must be a table representing function flags");
            }
            flags = readFlags(v);
            break;
          default:
            fail("unknown argument given to redis.register_function");
        }
      }
      if (name === undefined) fail("redis.register_function must get a function name argument");
      if (fn === undefined) fail("redis.register_function must get a callback argument");
    }
    // functionLibCreateFunction
    if (!validName(name)) fail(NAME_RULE);
    if (ld.lib.functions.has(name)) fail("Function already exists in the library");
    ld.lib.functions.set(name, { name, fn, desc, flags, lib: ld.lib, runs: 0 });
  }

  /** luaEngineCall: the function gets its keys and arguments as two tables. */
  call(f: FunctionInfo, keys: string[], args: string[]): LuaResult {
    this.state.engine.enter();
    const k = luaArray(keys);
    const a = luaArray(args);
    f.runs = countRun(f.runs);
    return f.fn(k, a);
  }
}

export { NAME_RULE };

/** luaRegisterFunctionReadFlags: t[1], t[2], … up to the first nil, each a known flag name. */
function readFlags(t: LuaTable): number {
  let flags = 0;
  for (let j = 1; ; j++) {
    const v = ops.index(t, j);
    if (v === undefined) return flags;
    const s = luaString(v);
    const f = s === undefined ? undefined : FLAG_NAMES.find(([n]) => n === cfold(s));
    if (f === undefined) fail("unknown flag given");
    flags |= f[1];
  }
}

/**
 * luaExtractErrorInformation as FUNCTION LOAD uses it: a string (or number) error is
 * "ERR <it>", a table's `err` field replaces that; anything else has no message.
 */
function loadErrorMessage(v: LuaValue): string {
  let msg: string | undefined;
  if (typeof v === "string" || typeof v === "number") msg = `ERR ${ops.tostring(v)}`;
  if (v instanceof LuaTable) {
    const e = v.getStr("err");
    if (typeof e === "string" || typeof e === "number") msg = ops.tostring(e);
  }
  return msg ?? "(null)";
}

/** luaCreateArray: a table filled one element at a time. */
function luaArray(values: string[]): LuaTable {
  const t = new LuaTable();
  for (let i = 0; i < values.length; i++) t.setNum(i + 1, values[i]);
  return t;
}
