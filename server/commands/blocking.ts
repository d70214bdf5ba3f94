// Blocking list and sorted-set commands (t_list.c, t_zset.c, blocked.c): BLPOP BRPOP BLMOVE
// BRPOPLPUSH BLMPOP BZPOPMIN BZPOPMAX BZMPOP, and CLIENT UNBLOCK. Each answers at once when a
// key has data (or when it may not block: scripts, MULTI/EXEC), otherwise it blocks through
// server/blocking.ts with a `serve` that pops and answers once a key is ready.

import type { ClientState } from "../client.js";
import type { Value } from "../keyspace/db.js";
import { DoubleReply, err, ErrorReply, NIL_ARRAY, NO_REPLY, type Reply } from "../reply.js";
import { ListValue } from "../types/list.js";
import type { ZNode } from "../types/skiplist.js";
import type { ZSetValue } from "../types/zset.js";
import { parseLongDouble } from "../util/longdouble.js";
import { parseLLNum } from "../util/numbers.js";
import { rangeArg } from "./collections.js";
import { genericGetKeys } from "./getkeys.js";
import { executorOf } from "./connection.js";
import { ERR_SYNTAX, is, WRONGTYPE } from "./helpers.js";
import type { CommandDef } from "./table.js";

const HEAD = 0;
const TAIL = 1;
const ZMIN = 0;
const ZMAX = 1;
const NO_MAX = Number.MAX_VALUE;
const ERR_TIMEOUT_FLOAT = err("ERR timeout is not a float or out of range");
const ERR_TIMEOUT_INT = err("ERR timeout is not an integer or out of range");
const ERR_TIMEOUT_NEG = err("ERR timeout is negative");
const ERR_NUMKEYS = err("ERR numkeys should be greater than 0");
const ERR_COUNT_POSITIVE = err("ERR count should be greater than 0");

/** Rounds p * 2^e (p > 0) to a 64-bit significand, ties to even: x87 long double arithmetic. */
function roundTo64(p: bigint, e: number): [bigint, number] {
  const bits = p.toString(2).length;
  if (bits <= 64) return [p, e];
  const shift = BigInt(bits - 64);
  let m = p >> shift;
  const rest = p - (m << shift);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (m & 1n) === 1n)) m++;
  return [m, e + Number(shift)];
}

/**
 * getTimeoutFromObjectOrReply(UNIT_SECONDS): a long double of seconds, (long long)
 * ceill(seconds * 1000) ms (an overflowing conversion gives LLONG_MIN: "negative"). Returns the
 * timeout in ms, 0 for "forever", or the error reply.
 */
export function secondsTimeoutArg(s: string): number | ErrorReply {
  // Whole seconds (the common case) are exact without the long double arithmetic.
  if (s.length <= 9 && /^[0-9]+$/.test(s)) return Number(s) * 1000;
  const v = parseLongDouble(s);
  if (v === undefined) return ERR_TIMEOUT_FLOAT;
  if (v.inf === true || v.m === 0n) return v.inf === true ? ERR_TIMEOUT_NEG : 0;
  const [m, e] = roundTo64(v.m * 1000n, v.e);
  let ms: bigint;
  if (e >= 0) ms = m << BigInt(e);
  else {
    const d = 1n << BigInt(-e);
    ms = m / d;
    if (!v.neg && ms * d !== m) ms++; // ceil; a negative value truncates toward zero
  }
  if (ms >= 1n << 63n) return ERR_TIMEOUT_NEG; // (long long) of a value out of range
  if (v.neg && ms !== 0n) return ERR_TIMEOUT_NEG;
  return Number(ms);
}

/** getTimeoutFromObjectOrReply(UNIT_MILLISECONDS): XREAD/XREADGROUP BLOCK. */
export function msTimeoutArg(s: string): number | ErrorReply {
  const v = parseLLNum(s);
  if (v === undefined) return ERR_TIMEOUT_INT;
  if (v < 0) return ERR_TIMEOUT_NEG;
  return v;
}

/** The absolute deadline for a timeout in ms (0: none). */
export function deadlineOf(ms: number): number {
  return ms === 0 ? 0 : Date.now() + ms;
}

function listAt(c: ClientState, key: string): ListValue | undefined | ErrorReply {
  const e = c.db.lookupWrite(key);
  if (e === undefined) return undefined;
  if (!(e.v instanceof ListValue)) return WRONGTYPE;
  return e.v;
}

/** Pops `count` (-1: one, as a bare value) from `key`'s list; deletes it when emptied. */
function popList(c: ClientState, key: string, l: ListValue, where: number, count: number): Reply {
  if (count === -1) {
    const v = (where === HEAD ? l.popFront() : l.popBack()) as string;
    if (l.length === 0) c.db.delete(key);
    c.db.modified(key);
    return [key, v];
  }
  const n = Math.min(count, l.length);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = (where === HEAD ? l.popFront() : l.popBack()) as string;
  if (l.length === 0) c.db.delete(key);
  c.db.modified(key, n);
  return [key, out];
}

/**
 * blockingPopGenericCommand (BLPOP, BRPOP, BLMPOP): pops from the first non-empty list, or
 * blocks on all the keys. `count` is -1 for BLPOP/BRPOP (reply [key, value]).
 */
function blockingPop(c: ClientState, keys: string[], where: number, timeoutMs: number, count: number): Reply {
  for (const key of keys) {
    const l = listAt(c, key);
    if (l === undefined) continue;
    if (l instanceof ErrorReply) return l;
    return popList(c, key, l, where, count);
  }
  if (c.denyBlocking) return NIL_ARRAY;
  executorOf(c).blocking.block(c, {
    btype: "list",
    keys,
    deadline: deadlineOf(timeoutMs),
    serve: (key, v) => popList(c, key, v as ListValue, where, count),
  });
  return NO_REPLY;
}

function bpop(c: ClientState, argv: string[], where: number): Reply {
  const t = secondsTimeoutArg(argv[argv.length - 1]);
  if (t instanceof ErrorReply) return t;
  return blockingPop(c, argv.slice(1, -1), where, t, -1);
}

function wherefrom(s: string): number | ErrorReply {
  if (is(s, "left")) return HEAD;
  if (is(s, "right")) return TAIL;
  return ERR_SYNTAX;
}

/** lmoveHandlePush + the pop: moves one element from `src` (non-empty) to `dst`'s list. */
function moveOne(c: ClientState, src: string, s: ListValue, dst: string, from: number, to: number): Reply {
  let d = listAt(c, dst);
  if (d instanceof ErrorReply) return d;
  const v = (from === HEAD ? s.popFront() : s.popBack()) as string;
  if (d === undefined) {
    d = new ListValue();
    c.db.add(dst, d);
  }
  if (to === HEAD) d.pushFront(v);
  else d.pushBack(v);
  c.db.modified(dst);
  if (s.length === 0) c.db.delete(src);
  c.db.modified(src);
  return v;
}

/** blmoveGenericCommand (BLMOVE, BRPOPLPUSH). */
function blmoveGeneric(c: ClientState, argv: string[], from: number, to: number, timeoutMs: number): Reply {
  const src = argv[1];
  const dst = argv[2];
  const s = listAt(c, src);
  if (s instanceof ErrorReply) return s;
  if (s !== undefined) return moveOne(c, src, s, dst, from, to);
  // Blocking against an empty list in a MULTI state (or a script) returns at once.
  if (c.denyBlocking) return null;
  executorOf(c).blocking.block(c, {
    btype: "list",
    keys: [src],
    deadline: deadlineOf(timeoutMs),
    serve: (key, v) => moveOne(c, key, v as ListValue, dst, from, to),
  });
  return NO_REPLY;
}

function blmove(c: ClientState, argv: string[]): Reply {
  const from = wherefrom(argv[3]);
  if (from instanceof ErrorReply) return from;
  const to = wherefrom(argv[4]);
  if (to instanceof ErrorReply) return to;
  const t = secondsTimeoutArg(argv[5]);
  if (t instanceof ErrorReply) return t;
  return blmoveGeneric(c, argv, from, to, t);
}

function brpoplpush(c: ClientState, argv: string[]): Reply {
  const t = secondsTimeoutArg(argv[3]);
  if (t instanceof ErrorReply) return t;
  return blmoveGeneric(c, argv, TAIL, HEAD, t);
}

/**
 * lmpopGenericCommand / zmpopGenericCommand with a block timeout: numkeys, the keys, the side
 * (LEFT|RIGHT or MIN|MAX), an optional COUNT, parsed in Redis's order, then the timeout.
 */
function parseMpop(
  argv: string[],
  side: (s: string) => number | ErrorReply,
): { keys: string[]; where: number; count: number; timeout: number } | ErrorReply {
  const numkeys = rangeArg(argv[2], 1, NO_MAX, ERR_NUMKEYS);
  if (numkeys instanceof ErrorReply) return numkeys;
  const whereIdx = 2 + numkeys + 1;
  if (whereIdx >= argv.length) return ERR_SYNTAX;
  const where = side(argv[whereIdx]);
  if (where instanceof ErrorReply) return where;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (count === -1 && is(argv[j], "count") && more) {
      const n = rangeArg(argv[++j], 1, NO_MAX, ERR_COUNT_POSITIVE);
      if (n instanceof ErrorReply) return n;
      count = n;
    } else return ERR_SYNTAX;
  }
  const timeout = secondsTimeoutArg(argv[1]);
  if (timeout instanceof ErrorReply) return timeout;
  return { keys: argv.slice(3, whereIdx), where, count: count === -1 ? 1 : count, timeout };
}

function blmpop(c: ClientState, argv: string[]): Reply {
  const p = parseMpop(argv, wherefrom);
  if (p instanceof ErrorReply) return p;
  return blockingPop(c, p.keys, p.where, p.timeout, p.count);
}

// ---- sorted sets ----

function zsetAt(c: ClientState, key: string): ZSetValue | undefined | ErrorReply {
  const e = c.db.lookupWrite(key);
  if (e === undefined) return undefined;
  const v = e.v;
  if (typeof v === "string" || v.type !== "zset") return WRONGTYPE;
  return v as ZSetValue;
}

/**
 * genericZpopCommand for one key: BZPOPMIN/BZPOPMAX (count -1) answer [key, member, score];
 * BZMPOP answers [key, [[member, score], …]].
 */
function popZset(c: ClientState, key: string, z: ZSetValue, where: number, count: number): Reply {
  const n = count === -1 ? 1 : Math.min(count, z.size);
  const out: Reply[] = [];
  for (let i = 0; i < n; i++) {
    const x = (where === ZMIN ? z.zsl.first() : z.zsl.tail) as ZNode;
    z.remove(x);
    const score = new DoubleReply(x.score);
    if (count === -1) out.push(x.member, score);
    else out.push([x.member, score]);
  }
  if (z.size === 0) c.db.delete(key);
  c.db.modified(key, n);
  return count === -1 ? [key, ...out] : [key, out];
}

/** blockingGenericZpopCommand. */
function blockingZpop(
  c: ClientState,
  keys: string[],
  where: number,
  timeoutMs: number,
  count: number,
): Reply {
  for (const key of keys) {
    const z = zsetAt(c, key);
    if (z === undefined) continue;
    if (z instanceof ErrorReply) return z;
    return popZset(c, key, z, where, count);
  }
  if (c.denyBlocking) return NIL_ARRAY;
  executorOf(c).blocking.block(c, {
    btype: "zset",
    keys,
    deadline: deadlineOf(timeoutMs),
    serve: (key, v: Value) => popZset(c, key, v as ZSetValue, where, count),
  });
  return NO_REPLY;
}

function bzpop(c: ClientState, argv: string[], where: number): Reply {
  const t = secondsTimeoutArg(argv[argv.length - 1]);
  if (t instanceof ErrorReply) return t;
  return blockingZpop(c, argv.slice(1, -1), where, t, -1);
}

function minmax(s: string): number | ErrorReply {
  if (is(s, "min")) return ZMIN;
  if (is(s, "max")) return ZMAX;
  return ERR_SYNTAX;
}

function bzmpop(c: ClientState, argv: string[]): Reply {
  const p = parseMpop(argv, minmax);
  if (p instanceof ErrorReply) return p;
  return blockingZpop(c, p.keys, p.where, p.timeout, p.count);
}

// ---- CLIENT UNBLOCK ----

function clientUnblock(c: ClientState, argv: string[]): Reply {
  if (argv.length > 4) {
    return err(
      `ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try ${argv[0].toUpperCase()} HELP.`,
    );
  }
  let withError = false;
  if (argv.length === 4) {
    if (is(argv[3], "timeout")) withError = false;
    else if (is(argv[3], "error")) withError = true;
    else return err("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
  }
  const id = parseLLNum(argv[2]);
  if (id === undefined) return err("ERR value is not an integer or out of range");
  const ex = executorOf(c);
  const target = ex.clients.get(id);
  if (target === undefined) return 0;
  return ex.blocking.unblock(target, withError) ? 1 : 0;
}

/** CLIENT UNBLOCK, registered under CLIENT by commands/connection.ts. */
export const clientUnblockDef: CommandDef = {
  name: "unblock",
  arity: -3,
  flags: ["admin", "noscript", "loading", "stale"],
  acl: ["connection"],
  handler: clientUnblock,
};

export const blockingCommands: CommandDef[] = [
  {
    name: "blpop",
    arity: -3,
    flags: ["write", "noscript", "blocking"],
    keys: [1, -2, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: -2, step: 1, limit: 0 } }],
    handler: (c, a) => bpop(c, a, HEAD),
  },
  {
    name: "brpop",
    arity: -3,
    flags: ["write", "noscript", "blocking"],
    keys: [1, -2, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: -2, step: 1, limit: 0 } }],
    handler: (c, a) => bpop(c, a, TAIL),
  },
  {
    name: "blmove",
    arity: 6,
    flags: ["write", "denyoom", "noscript", "blocking"],
    keys: [1, 2, 1],
    acl: ["list"],
    keySpecs: [
      { flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RW insert", begin: 2, find: { lastkey: 0, step: 1, limit: 0 } },
    ],
    handler: blmove,
  },
  {
    name: "brpoplpush",
    arity: 4,
    flags: ["write", "denyoom", "noscript", "blocking"],
    keys: [1, 2, 1],
    acl: ["list"],
    keySpecs: [
      { flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RW insert", begin: 2, find: { lastkey: 0, step: 1, limit: 0 } },
    ],
    handler: brpoplpush,
  },
  {
    name: "blmpop",
    arity: -5,
    flags: ["write", "blocking"],
    acl: ["list"],
    keySpecs: [{ flags: "RW access delete", begin: 2, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: blmpop,
    getKeys: genericGetKeys(0, 2, 3),
  },
  {
    name: "bzpopmin",
    arity: -3,
    flags: ["write", "noscript", "blocking", "fast"],
    keys: [1, -2, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: -2, step: 1, limit: 0 } }],
    handler: (c, a) => bzpop(c, a, ZMIN),
  },
  {
    name: "bzpopmax",
    arity: -3,
    flags: ["write", "noscript", "blocking", "fast"],
    keys: [1, -2, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: -2, step: 1, limit: 0 } }],
    handler: (c, a) => bzpop(c, a, ZMAX),
  },
  {
    name: "bzmpop",
    arity: -5,
    flags: ["write", "blocking"],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW access delete", begin: 2, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: bzmpop,
    getKeys: genericGetKeys(0, 2, 3),
  },
];
