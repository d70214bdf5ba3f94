// Lua values <-> replies, as Redis 7.0's script_lua.c converts them: luaToReply is
// luaReplyToRedisReply (what a script returns becomes the client's reply) and replyToLua is
// redisProtocolToLuaType (a command's reply becomes what redis.call returns). `resp` is the script's
// protocol (redis.setresp); the client's protocol only matters when the reply is encoded.
// Uses the reply model of server/reply.ts and LuaTable's public API.
import { LuaTable } from "../../runtime/table.js";
import { toInteger } from "../../runtime/lib/args.js";
import { sequenceTable } from "../../runtime/lib/cjson.js";
import type { LuaValue } from "../../runtime/value.js";
import { blankNewlines, trimNewlines } from "../../runtime/lib/bytemap.js";
import {
  BigNumberReply,
  BoolReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  NilArrayReply,
  PushReply,
  SetReply,
  StatusReply,
  VerbatimReply,
  formatDouble,
  type Reply,
} from "../reply.js";

/** LUAI_MAXCSTACK: lua_checkstack(lua, 4) fails past this many slots. */
const MAXCSTACK = 8000;
/** Slots in use when EVAL converts its result: the error handler and the result itself. */
const EVAL_STACK_BASE = 2;

const STACK_LIMIT = new ErrorReply("ERR reached lua stack limit");

/** C's view of a Lua string (sdsnew(lua_tostring(...))): the bytes before the first NUL. */
export function cString(s: string): string {
  const z = s.indexOf("\0");
  return z < 0 ? s : s.slice(0, z);
}

/**
 * The error reply for {err=msg}: addReplyErrorFormatEx(c, "-%s", msg) trims trailing CR/LF,
 * turns the rest into spaces, and (the text starting with '-') adds no "ERR " of its own.
 */
function errorText(msg: string): string {
  let end = msg.length;
  while (end > 0 && (msg.charCodeAt(end - 1) === 13 || msg.charCodeAt(end - 1) === 10)) end--;
  return blankNewlines(end === msg.length ? msg : msg.slice(0, end));
}

/** (long long)lua_Number as x86-64 converts it (NaN and out of range give INT64_MIN). */
function toLongLong(n: number): number | bigint {
  const i = toInteger(n);
  return Number.isSafeInteger(i) ? i : BigInt(i);
}

/** addReplyVerbatim's format: exactly three bytes, padded with spaces, ending at a NUL. */
function verbatimFormat(f: string): string {
  const s = cString(f);
  return s.length >= 3 ? s.slice(0, 3) : s + "   ".slice(s.length);
}

const ARRAY = 0;
const MAP = 1;
const SET = 2;

/** A table being converted: where its items go and where its traversal stands. */
interface Frame {
  kind: number;
  t: LuaTable;
  out: Reply[];
  /** next array index, for arrays */
  i: number;
  /** last key visited, for maps and sets */
  key: LuaValue;
  /** for maps: the value still to convert after its key, and whether one is pending */
  value: LuaValue;
  pending: boolean;
  /** Lua stack slots in use with the table on top */
  used: number;
}

/** The frames of a conversion that has none (a value that isn't a table: never pushed to). */
const NO_FRAMES: Frame[] = [];

/**
 * One value; a table to convert item by item is pushed on `frames` and its (still empty)
 * reply returned, to be filled as the frames are worked through.
 */
function convertOne(v: LuaValue, resp: 2 | 3, used: number, frames: Frame[]): Reply {
  if (used + 4 > MAXCSTACK) return STACK_LIMIT;
  switch (typeof v) {
    case "string":
      return v;
    case "boolean":
      if (resp === 2) return v ? 1 : null;
      return new BoolReply(v);
    case "number":
      return toLongLong(v);
  }
  if (!(v instanceof LuaTable)) return null;
  const err = v.getStr("err");
  // a command error passed on ({err=…, ignore_error_stats_update=true}) was counted already
  if (typeof err === "string") {
    return new ErrorReply(errorText(cString(err)), v.getStr("ignore_error_stats_update") === true);
  }
  const ok = v.getStr("ok");
  if (typeof ok === "string") return new StatusReply(blankNewlines(cString(ok)));
  const dbl = v.getStr("double");
  if (typeof dbl === "number") return new DoubleReply(dbl);
  const big = v.getStr("big_number");
  if (typeof big === "string") return new BigNumberReply(blankNewlines(big));
  const verb = v.getStr("verbatim_string");
  if (verb instanceof LuaTable) {
    const format = verb.getStr("format");
    const text = verb.getStr("string");
    if (typeof format === "string" && typeof text === "string")
      return new VerbatimReply(verbatimFormat(format), text);
  }
  const map = v.getStr("map");
  if (map instanceof LuaTable) {
    const out: Reply[] = [];
    frames.push({ kind: MAP, t: map, out, i: 0, key: undefined, value: undefined, pending: false, used });
    return new MapReply(out);
  }
  const set = v.getStr("set");
  if (set instanceof LuaTable) {
    const out: Reply[] = [];
    frames.push({ kind: SET, t: set, out, i: 0, key: undefined, value: undefined, pending: false, used });
    return new SetReply(out);
  }
  const out: Reply[] = [];
  frames.push({ kind: ARRAY, t: v, out, i: 1, key: undefined, value: undefined, pending: false, used });
  return out;
}

/**
 * luaReplyToRedisReply: the reply for a value a script returned. Tables are, in this order of
 * precedence, an error ({err=string}), a status ({ok=string}), {double=number},
 * {big_number=string}, {verbatim_string={format=,string=}}, {map=table}, {set=table}, or an array
 * read with rawget from 1 up to the first nil. Nesting past Lua's C stack limit yields
 * "ERR reached lua stack limit" in place of the too-deep value, as Redis does.
 */
export function luaToReply(value: LuaValue, resp: 2 | 3, stackBase = EVAL_STACK_BASE): Reply {
  if (!(value instanceof LuaTable)) return convertOne(value, resp, stackBase, NO_FRAMES);
  const frames: Frame[] = [];
  const root = convertOne(value, resp, stackBase, frames);
  while (frames.length > 0) {
    const f = frames[frames.length - 1];
    if (f.kind === ARRAY) {
      // lua_pushnumber + lua_rawget: the item sits one slot above the table
      const item = f.t.getNum(f.i);
      if (item === undefined) {
        frames.pop();
        continue;
      }
      f.i++;
      f.out.push(convertOne(item, resp, f.used + 1, frames));
    } else if (f.kind === MAP) {
      // the inner table, then key and value from lua_next, then a copy of the key
      if (f.pending) {
        f.pending = false;
        const v = f.value;
        f.value = undefined;
        f.out.push(convertOne(v, resp, f.used + 3, frames));
        continue;
      }
      const e = f.t.next(f.key);
      if (e === undefined) {
        frames.pop();
        continue;
      }
      f.key = e[0];
      f.value = e[1];
      f.pending = true;
      f.out.push(convertOne(e[0], resp, f.used + 4, frames));
    } else {
      // the inner table, the key from lua_next (its value popped), then a copy of the key
      const e = f.t.next(f.key);
      if (e === undefined) {
        frames.pop();
        continue;
      }
      f.key = e[0];
      f.out.push(convertOne(e[0], resp, f.used + 3, frames));
    }
  }
  return root;
}

/**
 * luaPushErrorBuff: an error table {err = "CODE message"}. A buffer "-CODE message" gives its
 * code (ERR when there is no space); any other buffer is the message, with code ERR. The message
 * is trimmed of CR/LF at both ends. C strings all the way: a NUL ends the code and message
 * (strstr, sdsnew and sdscatfmt's %s stop there), the trim alone sees the whole buffer. Command
 * errors also carry ignore_error_stats_update (counted already).
 */
export function errorTable(buffer: string, ignoreStats = false): LuaTable {
  let code = "ERR";
  let msg = buffer;
  if (buffer.startsWith("-")) {
    const c = cString(buffer);
    const sp = c.indexOf(" ");
    if (sp < 0) msg = c.slice(1);
    else {
      code = c.slice(1, sp);
      msg = c.slice(sp + 1);
    }
  }
  const t = new LuaTable();
  t.setStr("err", `${code} ${cString(trimNewlines(msg))}`);
  if (ignoreStats) t.setStr("ignore_error_stats_update", true);
  return t;
}

function table1(key: string, v: LuaValue): LuaTable {
  const t = new LuaTable();
  t.setStr(key, v);
  return t;
}

/**
 * redisProtocolToLuaType: what redis.call / redis.pcall return for a command's reply, as if the
 * reply were encoded in the script's protocol and parsed back. RESP2: nil bulk and nil array are
 * false, doubles/big numbers/verbatim strings are bulk strings, booleans integers, maps and sets
 * flat arrays. RESP3: null is nil, and doubles, maps, sets, big numbers and verbatim strings
 * become {double=}, {map=}, {set=}, {big_number=}, {verbatim_string={string=,format=}}.
 * Errors become {err="CODE message", ignore_error_stats_update=true}; statuses {ok=text}.
 */
export function replyToLua(reply: Reply, resp: 2 | 3): LuaValue {
  if (reply === null) return resp === 2 ? false : undefined;
  switch (typeof reply) {
    case "string":
      return reply;
    case "number":
      return reply;
    case "bigint":
      return Number(reply);
  }
  if (Array.isArray(reply)) return arrayToLua(reply, resp);
  if (reply instanceof StatusReply) return table1("ok", reply.text);
  if (reply instanceof ErrorReply) {
    // the command already counted this error in the stats
    return errorTable("-" + reply.text, true);
  }
  if (reply instanceof DoubleReply) {
    if (resp === 2) return formatDouble(reply.value);
    // the RESP3 double is parsed back from its %.17g text: the same double
    return table1("double", reply.value);
  }
  if (reply instanceof BoolReply) {
    if (resp === 2) return reply.value ? 1 : 0;
    return reply.value;
  }
  if (reply instanceof BigNumberReply) return resp === 2 ? reply.text : table1("big_number", reply.text);
  if (reply instanceof VerbatimReply) {
    if (resp === 2) return reply.text;
    const v = new LuaTable();
    v.setStr("string", reply.text);
    v.setStr("format", reply.format);
    return table1("verbatim_string", v);
  }
  if (reply instanceof MapReply) {
    if (resp === 2) return arrayToLua(reply.entries, resp);
    const m = new LuaTable();
    const e = reply.entries;
    for (let i = 0; i + 1 < e.length; i += 2) m.set(replyToLua(e[i], resp), replyToLua(e[i + 1], resp));
    return table1("map", m);
  }
  if (reply instanceof SetReply) {
    if (resp === 2) return arrayToLua(reply.items, resp);
    const s = new LuaTable();
    for (const item of reply.items) s.set(replyToLua(item, resp), true);
    return table1("set", s);
  }
  if (reply instanceof PushReply) return arrayToLua(reply.items, resp);
  if (reply instanceof NilArrayReply) return resp === 2 ? false : undefined;
  return undefined;
}

/** An array reply: t[j] = item for j = 1.. (a RESP3 null leaves a hole, as lua_settable does). */
function arrayToLua(items: readonly Reply[], resp: 2 | 3): LuaTable {
  const values: LuaValue[] = new Array(items.length);
  let holes = false;
  for (let j = 0; j < items.length; j++) {
    const v = replyToLua(items[j], resp);
    if (v === undefined) holes = true;
    values[j] = v;
  }
  if (!holes) return sequenceTable(values);
  const t = new LuaTable();
  for (let j = 0; j < values.length; j++) t.setNum(j + 1, values[j]);
  return t;
}
