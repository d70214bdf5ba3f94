// Sorted-set commands (t_zset.c) on ZSetValue (server/types/zset.ts): ZADD (NX XX GT LT CH INCR)
// ZINCRBY ZREM ZSCORE ZMSCORE ZCARD ZRANK ZREVRANK ZPOPMIN ZPOPMAX ZMPOP ZRANDMEMBER ZSCAN. Ranges
// live in zset-ranges.ts, ZUNION/ZINTER/ZDIFF in zset-algebra.ts.

import type { ClientState } from "../client.js";
import { formatDouble, DoubleReply, err, ErrorReply, NIL_ARRAY, type Reply } from "../reply.js";
import type { ZNode } from "../types/skiplist.js";
import {
  ZADD_GT,
  ZADD_INCR,
  ZADD_LT,
  ZADD_NX,
  ZADD_OUT_ADDED,
  ZADD_OUT_NAN,
  ZADD_OUT_NOP,
  ZADD_OUT_UPDATED,
  ZADD_XX,
  zaddNewScore,
  zsetAdd,
  ZSetValue,
} from "../types/zset.js";
import { globMatch } from "../util/glob.js";
import { genericGetKeys } from "./getkeys.js";
import { parseDouble } from "../util/numbers.js";
import {
  countArg,
  EMPTY_SCAN,
  limits,
  outOfHalfRange,
  ERR_OUT_OF_RANGE_PLAIN,
  pairs,
  positiveArg,
  rangeArg,
  sampleIndexes,
} from "./collections.js";
import { ERR_NOT_FLOAT, ERR_SYNTAX, is, readValue, writeValue } from "./helpers.js";
import { parseScanCursor, parseScanOptions } from "./keys.js";
import type { CommandDef } from "./table.js";

const ERR_NX_XX = err("ERR XX and NX options at the same time are not compatible");
const ERR_GT_LT_NX = err("ERR GT, LT, and/or NX options at the same time are not compatible");
const ERR_INCR_PAIR = err("ERR INCR option supports a single increment-element pair");
const ERR_NAN = err("ERR resulting score is not a number (NaN)");
const ERR_NUMKEYS = err("ERR numkeys should be greater than 0");
const ERR_COUNT_POSITIVE = err("ERR count should be greater than 0");
const MIN = 0;
const MAX = 1;

/** zaddGenericCommand (ZINCRBY is ZADD with INCR). */
function zaddGeneric(c: ClientState, argv: string[], flags: number): Reply {
  let ch = false;
  let i = 2;
  for (; i < argv.length; i++) {
    const o = argv[i];
    if (is(o, "nx")) flags |= ZADD_NX;
    else if (is(o, "xx")) flags |= ZADD_XX;
    else if (is(o, "ch")) ch = true;
    else if (is(o, "incr")) flags |= ZADD_INCR;
    else if (is(o, "gt")) flags |= ZADD_GT;
    else if (is(o, "lt")) flags |= ZADD_LT;
    else break;
  }
  const n = argv.length - i;
  if (n % 2 !== 0 || n === 0) return ERR_SYNTAX;
  const elements = n / 2;
  const nx = flags & ZADD_NX;
  const gt = flags & ZADD_GT;
  const lt = flags & ZADD_LT;
  const incr = (flags & ZADD_INCR) !== 0;
  if (nx && flags & ZADD_XX) return ERR_NX_XX;
  if ((gt && nx) || (lt && nx) || (gt && lt)) return ERR_GT_LT_NX;
  if (incr && elements > 1) return ERR_INCR_PAIR;
  const scores: number[] = new Array(elements);
  for (let j = 0; j < elements; j++) {
    const v = parseDouble(argv[i + 2 * j]);
    if (v === undefined) return ERR_NOT_FLOAT;
    scores[j] = v;
  }
  const key = argv[1];
  let z = writeValue<ZSetValue>(c, key, "zset");
  if (z instanceof ErrorReply) return z;
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  let result: Reply = null;
  if (z === undefined && flags & ZADD_XX) {
    // No key and XX: nothing to do.
  } else {
    if (z === undefined) {
      z = new ZSetValue();
      c.db.add(key, z);
    }
    const lim = limits(c);
    for (let j = 0; j < elements; j++) {
      const out = zsetAdd(z, scores[j], argv[i + 2 * j + 1], flags, lim);
      if (out === ZADD_OUT_NAN) {
        result = ERR_NAN;
        break;
      }
      if (out & ZADD_OUT_ADDED) added++;
      if (out & ZADD_OUT_UPDATED) updated++;
      if (!(out & ZADD_OUT_NOP)) {
        processed++;
        score = zaddNewScore;
      }
    }
    if (added + updated > 0) c.db.modified(key, added + updated);
  }
  if (result !== null) return result;
  if (incr) return processed > 0 ? new DoubleReply(score) : null;
  return ch ? added + updated : added;
}

function zrem(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const z = writeValue<ZSetValue>(c, key, "zset");
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  let deleted = 0;
  for (let i = 2; i < argv.length; i++) {
    if (z.delete(argv[i])) {
      deleted++;
      if (z.size === 0) {
        c.db.delete(key);
        break;
      }
    }
  }
  if (deleted > 0) c.db.modified(key, deleted);
  return deleted;
}

function zscore(c: ClientState, argv: string[]): Reply {
  const z = readValue<ZSetValue>(c, argv[1], "zset");
  if (z === undefined) return null;
  if (z instanceof ErrorReply) return z;
  const s = z.score(argv[2]);
  return s === undefined ? null : new DoubleReply(s);
}

function zmscore(c: ClientState, argv: string[]): Reply {
  const z = readValue<ZSetValue>(c, argv[1], "zset");
  if (z instanceof ErrorReply) return z;
  const out: Reply[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) {
    const s = z?.score(argv[i]);
    out[i - 2] = s === undefined ? null : new DoubleReply(s);
  }
  return out;
}

function zcard(c: ClientState, argv: string[]): Reply {
  const z = readValue<ZSetValue>(c, argv[1], "zset");
  if (z instanceof ErrorReply) return z;
  return z === undefined ? 0 : z.size;
}

function zrankGeneric(c: ClientState, argv: string[], reverse: boolean): Reply {
  const z = readValue<ZSetValue>(c, argv[1], "zset");
  if (z === undefined) return null;
  if (z instanceof ErrorReply) return z;
  const r = z.rankOf(argv[2], reverse);
  return r < 0 ? null : r;
}

/**
 * genericZpopCommand: pops up to `count` (-1: one, flat) members from the first non-empty of
 * `keys`. `emitKey` prefixes the key (ZMPOP, nested pairs, nil array when nothing).
 */
function zpopGeneric(
  c: ClientState,
  keys: string[],
  where: number,
  emitKey: boolean,
  count: number,
  nested: boolean,
): Reply {
  let z: ZSetValue | undefined;
  let key = "";
  for (const k of keys) {
    const v = writeValue<ZSetValue>(c, k, "zset");
    if (v === undefined) continue;
    if (v instanceof ErrorReply) return v;
    z = v;
    key = k;
    break;
  }
  if (z === undefined) return emitKey ? NIL_ARRAY : [];
  if (count === 0) return [];
  if (count === -1) count = 1;
  const n = Math.min(count, z.size);
  const out: Reply[] = [];
  for (let i = 0; i < n; i++) {
    const x = (where === MIN ? z.zsl.first() : z.zsl.tail) as ZNode;
    z.remove(x);
    const score = new DoubleReply(x.score);
    if (nested) out.push([x.member, score]);
    else out.push(x.member, score);
  }
  if (z.size === 0) c.db.delete(key);
  c.db.modified(key, n);
  return emitKey ? [key, out] : out;
}

function zpopMinMax(c: ClientState, argv: string[], where: number): Reply {
  if (argv.length > 3) return ERR_SYNTAX;
  let count = -1;
  if (argv.length === 3) {
    const n = positiveArg(argv[2]);
    if (n instanceof ErrorReply) return n;
    count = n;
  }
  return zpopGeneric(c, [argv[1]], where, false, count, c.resp === 3 && count !== -1);
}

function zmpop(c: ClientState, argv: string[]): Reply {
  const numkeys = rangeArg(argv[1], 1, Number.MAX_VALUE, ERR_NUMKEYS);
  if (numkeys instanceof ErrorReply) return numkeys;
  const whereIdx = numkeys + 2;
  if (whereIdx >= argv.length) return ERR_SYNTAX;
  let where: number;
  if (is(argv[whereIdx], "min")) where = MIN;
  else if (is(argv[whereIdx], "max")) where = MAX;
  else return ERR_SYNTAX;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (count === -1 && is(argv[j], "count") && more) {
      const n = rangeArg(argv[++j], 1, Number.MAX_VALUE, ERR_COUNT_POSITIVE);
      if (n instanceof ErrorReply) return n;
      count = n;
    } else return ERR_SYNTAX;
  }
  if (count === -1) count = 1;
  return zpopGeneric(c, argv.slice(2, whereIdx), where, true, count, true);
}

function zrandmember(c: ClientState, argv: string[]): Reply {
  if (argv.length === 2) {
    const z = readValue<ZSetValue>(c, argv[1], "zset");
    if (z === undefined) return null;
    if (z instanceof ErrorReply) return z;
    return z.nodes[Math.floor(Math.random() * z.size)].member;
  }
  const l = countArg(argv[2]);
  if (l instanceof ErrorReply) return l;
  if (argv.length > 4 || (argv.length === 4 && !is(argv[3], "withscores"))) return ERR_SYNTAX;
  const withScores = argv.length === 4;
  if (withScores && outOfHalfRange(argv[2])) return ERR_OUT_OF_RANGE_PLAIN;
  const z = readValue<ZSetValue>(c, argv[1], "zset");
  if (z === undefined) return [];
  if (z instanceof ErrorReply) return z;
  const size = z.size;
  const pb = pairs(c);
  const one = (x: ZNode): void => {
    if (withScores) pb.add(x.member, new DoubleReply(x.score));
    else pb.out.push(x.member);
  };
  if (l < 0) {
    for (let n = -l; n > 0; n--) one(z.nodes[Math.floor(Math.random() * size)]);
  } else if (l >= size) {
    // The whole set, walked from the highest score down as Redis's zset iterator does.
    for (let x = z.zsl.tail; x !== null; x = x.backward) one(x);
  } else if (l > 0) {
    for (const i of sampleIndexes(size, l)) one(z.nodes[i]);
  }
  return pb.out;
}

function zscan(c: ClientState, argv: string[]): Reply {
  const cursor = parseScanCursor(argv[2]);
  if (cursor instanceof ErrorReply) return cursor;
  const z = readValue<ZSetValue>(c, argv[1], "zset");
  if (z === undefined) return EMPTY_SCAN;
  if (z instanceof ErrorReply) return z;
  const o = parseScanOptions(argv, 3, false);
  if (o instanceof ErrorReply) return o;
  const pat = o.pattern;
  const out: string[] = [];
  const visit = (x: ZNode): void => {
    if (pat === undefined || globMatch(pat, x.member)) out.push(x.member, formatDouble(x.score));
  };
  let next = 0;
  if (z.listpack) for (let x = z.zsl.first(); x !== null; x = x.next[0]) visit(x);
  else next = z.scan(cursor, o.count, visit);
  return [String(next), out];
}

export const zsetCommands: CommandDef[] = [
  {
    name: "zadd",
    arity: -4,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zaddGeneric(c, a, 0),
  },
  {
    name: "zincrby",
    arity: 4,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW access update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zaddGeneric(c, a, ZADD_INCR),
  },
  {
    name: "zrem",
    arity: -3,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: zrem,
  },
  {
    name: "zscore",
    arity: 3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: zscore,
  },
  {
    name: "zmscore",
    arity: -3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: zmscore,
  },
  {
    name: "zcard",
    arity: 2,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: zcard,
  },
  {
    name: "zrank",
    arity: 3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zrankGeneric(c, a, false),
  },
  {
    name: "zrevrank",
    arity: 3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zrankGeneric(c, a, true),
  },
  {
    name: "zpopmin",
    arity: -2,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zpopMinMax(c, a, MIN),
  },
  {
    name: "zpopmax",
    arity: -2,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zpopMinMax(c, a, MAX),
  },
  {
    name: "zmpop",
    arity: -4,
    flags: ["write"],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: zmpop,
    getKeys: genericGetKeys(0, 1, 2),
  },
  {
    name: "zrandmember",
    arity: -2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: zrandmember,
  },
  {
    name: "zscan",
    arity: -3,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: zscan,
  },
];
