// Lua 5.1's base library (lbaselib.c) over the runtime's values: assert, error, pcall,
// xpcall, type conversions, raw access, metatables, iteration, select/unpack, load and
// loadstring, getfenv/setfenv, collectgarbage/gcinfo. Installed into a globals table.
import { LuaTable, checkWritable } from "../table.js";
import { LuaError, MAXCCALLS, cCalls, catchable } from "../errors.js";
import { HookError, hookCatch, hookResume, hookReturned, lineHook } from "../line-hook.js";
import * as ops from "../ops.js";
import { str2number, parseIntBase } from "../number.js";
import {
  argError,
  checkAny,
  checkInt,
  checkNumber,
  checkString,
  checkTable,
  optInt,
  typeArgError,
} from "./args.js";
import { luaNext, ipairsAux, pairsNext } from "./iterators.js";
import { EMPTY, LuaUserdata, type LuaResult, type LuaValue } from "../value.js";
import type { LuaFunction } from "../value.js";

/** What the base library needs from the engine that installs it. */
export interface BaseHost {
  /**
   * compiles a chunk bound to the engine's globals; throws LuaError with Lua's message.
   * `luaSource` is the chunk's source name as given (loadstring's string or name);
   * `compileName` the chunk id syntax errors show (MAXSRC), when it isn't chunkName.
   */
  load(source: string, chunkName: string, luaSource?: string, compileName?: string): LuaFunction;
  /** the table getfenv(0) returns */
  globals(): LuaTable;
}

/** LUA_IDSIZE: the size of a chunk id in debug information (runtime errors, tracebacks). */
const IDSIZE = 60;
/** llex.c's MAXSRC: the size of the chunk id a syntax error shows. */
export const MAXSRC = 80;

/**
 * luaO_chunkid: the name a chunk's messages show, in a buffer of `size` bytes (the source name
 * is a C string: it ends at a NUL).
 */
export function chunkId(chunkname: string, size = IDSIZE): string {
  const z = chunkname.indexOf("\0");
  const source = z < 0 ? chunkname : chunkname.slice(0, z);
  if (source.startsWith("=")) return source.slice(1, size);
  if (source.startsWith("@")) {
    const s = source.slice(1);
    const max = size - 8;
    return s.length > max ? "..." + s.slice(s.length - max) : s;
  }
  const max = size - 17;
  let l = Math.min(source.length, max);
  const nl = source.search(/[\r\n]/);
  if (nl >= 0 && nl < l) l = nl;
  return `[string "${source.slice(0, l)}${l < source.length ? "..." : ""}"]`;
}

/**
 * Source text loaded from a string: only luaL_loadfile skips a first '#' line, so a leading space
 * keeps the compiler's lua.c-style skip off it (and its '#' a syntax error, as in Lua).
 */
function notFileText(src: string): string {
  return src.charCodeAt(0) === 35 ? " " + src : src;
}

const MAX_UNPACK = 8000; // lua_checkstack's limit (LUAI_MAXCSTACK) as lua5.1 hits it

/**
 * luaG_errormsg calling an xpcall handler: an error in the handler calls it again with that
 * error, one C call deeper each time (luaD_call); the call that reaches LUAI_MAXCCALLS fails
 * instead ("C stack overflow", handled one deeper), and at LUAI_MAXCCALLS + 1/8 the error is
 * LUA_ERRERR. When the hook raised the error in the handler, the handler runs again inside the
 * hook, with hooks off; that error is left in `hooked`.
 */
function errorHandler(handler: LuaValue, err: LuaValue, hooked: { error?: HookError }): LuaValue {
  const base = cCalls.depth;
  const off = lineHook.off;
  try {
    for (;;) {
      const depth = ++cCalls.depth;
      if (depth >= MAXCCALLS + (MAXCCALLS >> 3)) return "error in error handling";
      if (depth === MAXCCALLS) {
        err = "C stack overflow";
        continue;
      }
      try {
        return ops.call1(handler, err);
      } catch (e) {
        const le = catchable(e);
        if (le === undefined) throw e;
        if (le instanceof HookError && lineHook.off === off) {
          lineHook.off++;
          hooked.error = le;
        }
        err = le.value;
      }
    }
  } finally {
    cCalls.depth = base;
    lineHook.off = off;
  }
}

export function installBase(G: LuaTable, host: BaseHost): void {
  const def = (name: string, fn: LuaFunction) => G.setStr(name, fn);

  def("assert", function assert(v: LuaValue, msg?: LuaValue, ...rest: LuaValue[]): LuaResult {
    if (v === undefined || v === false) {
      checkAny(arguments.length === 0, 1, "assert");
      // luaL_error(L, "%s", msg): the C string, up to its first NUL
      const text = msg === undefined ? "assertion failed!" : checkString(msg, 2, "assert");
      const nul = text.indexOf("\0");
      throw new LuaError(nul < 0 ? text : text.slice(0, nul), 1);
    }
    return arguments.length <= 1 ? v : [v, msg, ...rest];
  });

  def("error", function error(v: LuaValue, level?: LuaValue): LuaResult {
    const lv = optInt(level, 2, "error", 1) | 0; // luaL_optint
    // lua_isstring: numbers get the position too (and become strings)
    if (typeof v === "number" && lv > 0) throw new LuaError(ops.tostring(v), lv);
    throw new LuaError(v, typeof v === "string" ? lv : 0);
  });

  def("pcall", function pcall(f: LuaValue, ...args: LuaValue[]): LuaResult {
    checkAny(arguments.length === 0, 1, "pcall");
    // calling what can't be called fails inside pcall (a C function): no position
    if (typeof f !== "function" && typeof ops.metamethod(f, "__call") !== "function") {
      return [false, `attempt to call a ${ops.type(f)} value`];
    }
    // lua_pcall's luaD_call counts a C call; the overflow is raised, and caught, in pcall
    if (++cCalls.depth >= MAXCCALLS) {
      cCalls.depth--;
      return [false, "C stack overflow"];
    }
    try {
      // through ops.call: a built-in called straight from pcall has pcall (C) as its caller
      const r = ops.call(f, ...args);
      const k = lineHook.on ? hookReturned() : undefined;
      if (k === undefined) return Array.isArray(r) ? [true, ...r] : [true, r];
      hookResume();
      return [false, k.value];
    } catch (e) {
      const le = catchable(e);
      if (le === undefined) throw e;
      // after a kill, Lua's line hook raises it again past the pcall (runtime/line-hook.ts)
      const k = lineHook.on ? hookCatch(le) : undefined;
      if (k !== undefined) hookResume();
      return [false, (k ?? le).value];
    } finally {
      cCalls.depth--;
    }
  });

  def("xpcall", function xpcall(f: LuaValue, handler: LuaValue): LuaResult {
    checkAny(arguments.length < 2, 2, "xpcall");
    let err: LuaValue;
    let hook: HookError | undefined = undefined;
    if (typeof f !== "function" && typeof ops.metamethod(f, "__call") !== "function") {
      err = `attempt to call a ${ops.type(f)} value`; // raised inside xpcall: no position
    } else if (++cCalls.depth >= MAXCCALLS) {
      err = "C stack overflow"; // luaD_call's count of C calls, raised inside xpcall
      cCalls.depth--;
    } else {
      try {
        const r = ops.call(f);
        hook = lineHook.on ? hookReturned() : undefined;
        if (hook === undefined) return Array.isArray(r) ? [true, ...r] : [true, r];
        err = hook.value;
      } catch (e) {
        const le = catchable(e);
        if (le === undefined) throw e;
        hook = lineHook.on ? hookCatch(le) : undefined;
        err = (hook ?? le).value;
      } finally {
        cCalls.depth--;
      }
    }
    // a hook's error reaches the handler inside the hook, where hooks are off
    if (hook !== undefined) lineHook.off++;
    const hooked: { error?: HookError } = { error: hook };
    let result: LuaValue;
    try {
      result = errorHandler(handler, err, hooked);
    } finally {
      if (hook !== undefined) lineHook.off--;
    }
    if (hooked.error !== undefined) hookResume();
    return [false, result];
  });

  def("type", function type(v: LuaValue): LuaResult {
    if (arguments.length === 0) throw argError(1, "type", "value expected");
    return ops.type(v);
  });

  def("tostring", function tostring(v: LuaValue): LuaResult {
    checkAny(arguments.length === 0, 1, "tostring");
    // luaB_tostring: whatever __tostring returns, unchecked
    const h = ops.metamethod(v, "__tostring");
    if (h !== undefined) return ops.cCall1(h, v);
    return ops.rawtostring(v);
  });

  def("tonumber", function tonumber(v: LuaValue, base?: LuaValue): LuaResult {
    const b = optInt(base, 2, "tonumber", 10) | 0; // luaL_optint
    if (b === 10) {
      checkAny(arguments.length === 0, 1, "tonumber");
      if (typeof v === "number") return v;
      if (typeof v === "string") return str2number(v);
      return undefined;
    }
    const s = checkString(v, 1, "tonumber");
    if (b < 2 || b > 36) throw argError(2, "tonumber", "base out of range");
    return parseIntBase(s, b);
  });

  def("rawget", function rawget(t: LuaValue, k: LuaValue): LuaResult {
    const tt = checkTable(t, 1, "rawget", arguments.length);
    checkAny(arguments.length < 2, 2, "rawget");
    return tt.get(k);
  });

  def("rawset", function rawset(t: LuaValue, k: LuaValue, v: LuaValue): LuaResult {
    const tt = checkTable(t, 1, "rawset", arguments.length);
    checkAny(arguments.length < 2, 2, "rawset");
    checkAny(arguments.length < 3, 3, "rawset");
    checkWritable(tt);
    tt.set(k, v);
    return tt;
  });

  def("rawequal", function rawequal(a: LuaValue, b: LuaValue): LuaResult {
    checkAny(arguments.length < 1, 1, "rawequal");
    checkAny(arguments.length < 2, 2, "rawequal");
    return a === b;
  });

  def("setmetatable", function setmetatable(t: LuaValue, mt: LuaValue): LuaResult {
    const tt = checkTable(t, 1, "setmetatable", arguments.length);
    // luaL_argcheck(t == LUA_TNIL || t == LUA_TTABLE): a missing argument is neither
    if (arguments.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) {
      throw argError(2, "setmetatable", "nil or table expected");
    }
    if (tt.metatable !== undefined && tt.metatable.getStr("__metatable") !== undefined) {
      throw new LuaError("cannot change a protected metatable", 1);
    }
    checkWritable(tt);
    tt.metatable = mt;
    return tt;
  });

  def("getmetatable", function getmetatable(v: LuaValue): LuaResult {
    checkAny(arguments.length === 0, 1, "getmetatable");
    const mt = ops.getmetatable(v);
    if (mt === undefined) return undefined;
    const protectedMt = mt.getStr("__metatable");
    return protectedMt !== undefined ? protectedMt : mt;
  });

  def("next", luaNext);

  const pairsResult = (t: LuaTable): LuaValue[] => [pairsNext, t, undefined];
  def("pairs", function pairs(t: LuaValue): LuaResult {
    return pairsResult(checkTable(t, 1, "pairs", arguments.length));
  });

  def("ipairs", function ipairs(t: LuaValue): LuaResult {
    return [ipairsAux, checkTable(t, 1, "ipairs", arguments.length), 0];
  });

  def("select", function select(n: LuaValue, ...rest: LuaValue[]): LuaResult {
    if (n === "#") return rest.length;
    const top = rest.length + 1;
    let i = checkInt(n, 1, "select", arguments.length) | 0; // luaL_checkint
    if (i < 0) i = top + i;
    else if (i > top) i = top;
    if (i < 1) throw argError(1, "select", "index out of range");
    return i === 1 ? rest : rest.slice(i - 1);
  });

  def("unpack", function unpack(t: LuaValue, i?: LuaValue, j?: LuaValue): LuaResult {
    const tt = checkTable(t, 1, "unpack", arguments.length);
    // luaL_optint / luaL_checkint: C ints
    const from = optInt(i, 2, "unpack", 1) | 0;
    const to = (j === undefined ? tt.length() : checkInt(j, 3, "unpack")) | 0;
    if (from > to) return EMPTY;
    const n = to - from + 1;
    // lua_checkstack: the call's own arguments and its results must fit in LUAI_MAXCSTACK
    if (n + arguments.length > MAX_UNPACK) throw new LuaError("too many results to unpack", 1);
    const out = new Array<LuaValue>(n);
    for (let k = 0; k < n; k++) out[k] = tt.getNum(from + k);
    return out;
  });

  def("loadstring", function loadstring(s: LuaValue, name?: LuaValue): LuaResult {
    const src = checkString(s, 1, "loadstring", arguments.length);
    const chunkName = name === undefined ? src : checkString(name, 2, "loadstring");
    try {
      return host.load(notFileText(src), chunkId(chunkName), chunkName, chunkId(chunkName, MAXSRC));
    } catch (e) {
      if (e instanceof LuaError) return [undefined, e.value];
      throw e;
    }
  });

  def("load", function load(fn: LuaValue, name?: LuaValue): LuaResult {
    const chunkName = name === undefined ? "=(load)" : checkString(name, 2, "load");
    if (typeof fn !== "function") throw typeArgError(1, "load", "function", fn, arguments.length < 1);
    let src = "";
    try {
      // generic_reader: strings (and numbers) are pieces; nil or "" ends; errors make load fail
      for (;;) {
        const piece = ops.call1(fn);
        if (piece === undefined || piece === "") break;
        if (typeof piece === "number") src += ops.tostring(piece);
        else if (typeof piece === "string") src += piece;
        else throw new LuaError("reader function must return a string", 0);
      }
      return host.load(notFileText(src), chunkId(chunkName), undefined, chunkId(chunkName, MAXSRC));
    } catch (e) {
      const le = catchable(e);
      if (le === undefined) throw e;
      // lua_load runs the reader protected: a kill in it is caught, as pcall catches it
      const k = lineHook.on ? hookCatch(le) : undefined;
      if (k !== undefined) hookResume();
      return [undefined, (k ?? le).value];
    }
  });

  def("getfenv", function getfenv(f?: LuaValue): LuaResult {
    if (f !== undefined && typeof f !== "function") {
      const level = checkNumber(f, 1, "getfenv");
      if (level < 0) throw argError(1, "getfenv", "level must be non-negative");
    }
    return host.globals();
  });

  def("setfenv", function setfenv(f: LuaValue, t: LuaValue): LuaResult {
    checkTable(t, 2, "setfenv", arguments.length);
    if (typeof f === "number" && f === 0) return undefined;
    throw new LuaError("'setfenv' cannot change environment of given object", 1);
  });

  def("gcinfo", function gcinfo(): LuaResult {
    return Math.floor(process.memoryUsage().heapUsed / 1024);
  });

  def("collectgarbage", function collectgarbage(opt?: LuaValue, _arg?: LuaValue): LuaResult {
    const o = opt === undefined ? "collect" : checkString(opt, 1, "collectgarbage");
    switch (o) {
      case "count":
        return process.memoryUsage().heapUsed / 1024;
      case "collect":
      case "stop":
      case "restart":
        return 0;
      case "step":
        return false;
      case "setpause":
        return 200;
      case "setstepmul":
        return 200;
    }
    throw argError(1, "collectgarbage", `invalid option '${o}'`);
  });

  def("newproxy", function newproxy(arg?: LuaValue): LuaResult {
    const u = new LuaUserdata("proxy");
    if (arg === true) u.metatable = new LuaTable();
    else if (arg instanceof LuaUserdata) u.metatable = arg.metatable;
    else if (arg !== undefined && arg !== false) throw argError(1, "newproxy", "boolean or proxy expected");
    return u;
  });

  G.setStr("_G", G);
  G.setStr("_VERSION", "Lua 5.1");
}
