// Sorted-set range commands (t_zset.c): score and lex range parsing (zslParseRange,
// zslParseLexRange), ZCOUNT ZLEXCOUNT, the ZRANGE family (zrangeGenericCommand: ZRANGE
// ZRANGESTORE ZREVRANGE ZRANGEBYSCORE ZREVRANGEBYSCORE ZRANGEBYLEX ZREVRANGEBYLEX) and ZREMRANGEBY*.

import type { ClientState } from "../client.js";
import { DoubleReply, err, ErrorReply, type Reply } from "../reply.js";
import {
  emptyLexRange,
  emptyScoreRange,
  LEX_MAX,
  LEX_MIN,
  lexGteMin,
  lexLteMax,
  scoreGteMin,
  scoreLteMax,
  type LexBound,
  type LexRange,
  type ScoreRange,
  type ZNode,
} from "../types/skiplist.js";
import { ZADD_NX, zsetAdd, ZSetValue } from "../types/zset.js";
import { parseDouble } from "../util/numbers.js";
import { limits, pairs } from "./collections.js";
import { ERR_SYNTAX, intArg, is, limitArgs, readValue, writeValue } from "./helpers.js";
import type { CommandDef } from "./table.js";

export const ERR_MINMAX_FLOAT = err("ERR min or max is not a float");
export const ERR_MINMAX_LEX = err("ERR min or max not valid string range item");
const ERR_LIMIT_RANK = err(
  "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX",
);
const ERR_WITHSCORES_LEX = err("ERR syntax error, WITHSCORES not supported in combination with BYLEX");

const DEC_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_RE = /^([+-]?)0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?$/;
const INF_RE = /^([+-]?)(?:inf|infinity)$/i;

function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * strtod over a C string (up to the first NUL) that must consume it whole, as zslParseRange
 * checks it: leading white space is skipped, overflow gives an infinity, "" is 0, NaN is refused.
 */
export function strtodWhole(s: string): number | undefined {
  const nul = s.indexOf("\0");
  const cs = nul < 0 ? s : s.slice(0, nul);
  if (cs.length === 0) return 0;
  let i = 0;
  while (i < cs.length && isCSpace(cs.charCodeAt(i))) i++;
  const t = i === 0 ? cs : cs.slice(i);
  if (DEC_RE.test(t)) return Number(t);
  const inf = INF_RE.exec(t);
  if (inf) return inf[1] === "-" ? -Infinity : Infinity;
  const hex = HEX_RE.exec(t);
  if (hex) return parseDouble(t) ?? (hex[1] === "-" ? -Infinity : Infinity);
  return undefined;
}

function scoreBound(s: string): [number, boolean] | undefined {
  const ex = s.charCodeAt(0) === 40; /* ( */
  const v = strtodWhole(ex ? s.slice(1) : s);
  return v === undefined ? undefined : [v, ex];
}

/** zslParseRange: "min" / "(min" style bounds; undefined when either is not a float. */
export function parseScoreRange(min: string, max: string): ScoreRange | undefined {
  const a = scoreBound(min);
  if (a === undefined) return undefined;
  const b = scoreBound(max);
  if (b === undefined) return undefined;
  return { min: a[0], minex: a[1], max: b[0], maxex: b[1] };
}

/** zslParseLexRangeItem: "[x", "(x", "-", "+". */
function lexBound(s: string): [LexBound, boolean] | undefined {
  switch (s.charCodeAt(0)) {
    case 43 /* + */:
      return s.length === 1 || s.charCodeAt(1) === 0 ? [LEX_MAX, true] : undefined;
    case 45 /* - */:
      return s.length === 1 || s.charCodeAt(1) === 0 ? [LEX_MIN, true] : undefined;
    case 40 /* ( */:
      return [s.slice(1), true];
    case 91 /* [ */:
      return [s.slice(1), false];
    default:
      return undefined;
  }
}

export function parseLexRange(min: string, max: string): LexRange | undefined {
  const a = lexBound(min);
  if (a === undefined) return undefined;
  const b = lexBound(max);
  if (b === undefined) return undefined;
  return { min: a[0], minex: a[1], max: b[0], maxex: b[1] };
}

/** Number of nodes from a to b inclusive (both in range, a not after b). */
function countBetween(z: ZSetValue, a: ZNode | null, b: ZNode | null): number {
  if (a === null || b === null) return 0;
  return z.zsl.rank(b) - z.zsl.rank(a) + 1;
}

function zcount(c: ClientState, argv: string[]): Reply {
  const r = parseScoreRange(argv[2], argv[3]);
  if (r === undefined) return ERR_MINMAX_FLOAT;
  const z = readValue<ZSetValue>(c, argv[1], "zset");
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  return countBetween(z, z.zsl.firstInRange(r), z.zsl.lastInRange(r));
}

function zlexcount(c: ClientState, argv: string[]): Reply {
  const r = parseLexRange(argv[2], argv[3]);
  if (r === undefined) return ERR_MINMAX_LEX;
  const z = readValue<ZSetValue>(c, argv[1], "zset");
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  return countBetween(z, z.zsl.firstInLexRange(r), z.zsl.lastInLexRange(r));
}

const AUTO = 0;
const RANK = 1;
const SCORE = 2;
const LEX = 3;
const FORWARD = 1;
const REVERSE = 2;

/**
 * zrangeGenericCommand: `at` is the index of the source key; `store` makes it ZRANGESTORE
 * (destination at argv[1]); `type`/`dir` are fixed by the legacy commands, AUTO for ZRANGE.
 */
function zrangeGeneric(
  c: ClientState,
  argv: string[],
  at: number,
  store: boolean,
  type: number,
  dir: number,
): Reply {
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let j = at + 3; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const a = argv[j];
    if (!store && is(a, "withscores")) withScores = true;
    else if (is(a, "limit") && left >= 2) {
      const ol = limitArgs(argv, j);
      if (ol instanceof ErrorReply) return ol;
      [offset, limit] = ol;
      j += 2;
    } else if (dir === AUTO && is(a, "rev")) dir = REVERSE;
    else if (type === AUTO && is(a, "bylex")) type = LEX;
    else if (type === AUTO && is(a, "byscore")) type = SCORE;
    else return ERR_SYNTAX;
  }
  if (dir === AUTO) dir = FORWARD;
  if (type === AUTO) type = RANK;
  if (limit !== -1 && type === RANK) return ERR_LIMIT_RANK;
  if (withScores && type === LEX) return ERR_WITHSCORES_LEX;
  let minArg = argv[at + 1];
  let maxArg = argv[at + 2];
  if (dir === REVERSE && type !== RANK) [minArg, maxArg] = [maxArg, minArg];
  let start = 0;
  let end = 0;
  let sr: ScoreRange | undefined;
  let lr: LexRange | undefined;
  if (type === RANK) {
    const s = intArg(minArg);
    if (s instanceof ErrorReply) return s;
    const e = intArg(maxArg);
    if (e instanceof ErrorReply) return e;
    start = s;
    end = e;
  } else if (type === SCORE) {
    sr = parseScoreRange(minArg, maxArg);
    if (sr === undefined) return ERR_MINMAX_FLOAT;
  } else {
    lr = parseLexRange(minArg, maxArg);
    if (lr === undefined) return ERR_MINMAX_LEX;
  }
  const z = readValue<ZSetValue>(c, argv[at], "zset");
  if (z instanceof ErrorReply) return z;
  let nodes: ZNode[];
  if (z === undefined) nodes = [];
  else if (type === RANK) nodes = rankRange(z, start, end, dir === REVERSE);
  else if (type === SCORE) nodes = scoreRange(z, sr as ScoreRange, offset, limit, dir === REVERSE);
  else nodes = lexRange(z, lr as LexRange, offset, limit, dir === REVERSE);
  if (store) return storeRange(c, argv[1], nodes);
  if (z === undefined) return [];
  return nodesReply(c, nodes, withScores);
}

/** Members (and scores, RESP3-nested) of nodes, as ZRANGE replies them. */
export function nodesReply(c: ClientState, nodes: ZNode[], withScores: boolean): Reply {
  if (!withScores) {
    const out: string[] = new Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) out[i] = nodes[i].member;
    return out;
  }
  const pb = pairs(c);
  for (const x of nodes) pb.add(x.member, new DoubleReply(x.score));
  return pb.out;
}

/** zrangeResultBeginStore .. FinalizeStore: the nodes as a new sorted set at dst. */
function storeRange(c: ClientState, dst: string, nodes: ZNode[]): Reply {
  const db = c.db;
  if (nodes.length === 0) {
    if (db.delete(dst)) db.modified(dst);
    return 0;
  }
  const lim = limits(c);
  const z = new ZSetValue();
  if (nodes.length > lim.zsetEntries) z.convert();
  for (const x of nodes) zsetAdd(z, x.score, x.member, ZADD_NX, lim);
  db.set(dst, z);
  db.modified(dst);
  return z.size;
}

/** genericZrangebyrankCommand's index arithmetic; nodes in reply order. */
function rankRange(z: ZSetValue, s: number, e: number, reverse: boolean): ZNode[] {
  const n = z.size;
  let start = s < 0 ? n + s : s;
  let end = e < 0 ? n + e : e;
  if (start < 0) start = 0;
  if (start > end || start >= n) return [];
  if (end >= n) end = n - 1;
  const len = end - start + 1;
  const out: ZNode[] = new Array(len);
  let x: ZNode | null = z.at(reverse ? n - 1 - start : start);
  for (let i = 0; i < len && x !== null; i++) {
    out[i] = x;
    x = reverse ? x.backward : x.next[0];
  }
  return out;
}

/** Walks from `x` skipping `offset` nodes, then takes up to `limit` (negative: all) while `ok`. */
function walk(
  x: ZNode | null,
  offset: number,
  limit: number,
  reverse: boolean,
  ok: (x: ZNode) => boolean,
): ZNode[] {
  const out: ZNode[] = [];
  // A negative offset never stops skipping (Redis's `while (ln && offset--)`).
  if (offset < 0) return out;
  while (x !== null && offset > 0) {
    x = reverse ? x.backward : x.next[0];
    offset--;
  }
  while (x !== null && limit !== 0) {
    if (!ok(x)) break;
    out.push(x);
    limit--;
    x = reverse ? x.backward : x.next[0];
  }
  return out;
}

function scoreRange(z: ZSetValue, r: ScoreRange, offset: number, limit: number, reverse: boolean): ZNode[] {
  if (offset > 0 && offset >= z.size) return [];
  const first = reverse ? z.zsl.lastInRange(r) : z.zsl.firstInRange(r);
  return walk(
    first,
    offset,
    limit,
    reverse,
    reverse ? (x) => scoreGteMin(x.score, r) : (x) => scoreLteMax(x.score, r),
  );
}

function lexRange(z: ZSetValue, r: LexRange, offset: number, limit: number, reverse: boolean): ZNode[] {
  if (offset > 0 && offset >= z.size) return [];
  const first = reverse ? z.zsl.lastInLexRange(r) : z.zsl.firstInLexRange(r);
  return walk(
    first,
    offset,
    limit,
    reverse,
    reverse ? (x) => lexGteMin(x.member, r) : (x) => lexLteMax(x.member, r),
  );
}

/** zremrangeGenericCommand. */
function zremrangeGeneric(c: ClientState, argv: string[], type: number): Reply {
  let start = 0;
  let end = 0;
  let sr: ScoreRange | undefined;
  let lr: LexRange | undefined;
  if (type === RANK) {
    const s = intArg(argv[2]);
    if (s instanceof ErrorReply) return s;
    const e = intArg(argv[3]);
    if (e instanceof ErrorReply) return e;
    start = s;
    end = e;
  } else if (type === SCORE) {
    sr = parseScoreRange(argv[2], argv[3]);
    if (sr === undefined) return ERR_MINMAX_FLOAT;
  } else {
    lr = parseLexRange(argv[2], argv[3]);
    if (lr === undefined) return ERR_MINMAX_LEX;
  }
  const key = argv[1];
  const z = writeValue<ZSetValue>(c, key, "zset");
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  let nodes: ZNode[];
  if (type === RANK) nodes = rankRange(z, start, end, false);
  else if (type === SCORE) {
    nodes = emptyScoreRange(sr as ScoreRange) ? [] : scoreRange(z, sr as ScoreRange, 0, -1, false);
  } else nodes = emptyLexRange(lr as LexRange) ? [] : lexRange(z, lr as LexRange, 0, -1, false);
  for (const x of nodes) z.remove(x);
  if (nodes.length > 0) {
    if (z.size === 0) c.db.delete(key);
    c.db.modified(key, nodes.length);
  }
  return nodes.length;
}

export const zsetRangeCommands: CommandDef[] = [
  {
    name: "zcount",
    arity: 4,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: zcount,
  },
  {
    name: "zlexcount",
    arity: 4,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: zlexcount,
  },
  {
    name: "zrange",
    arity: -4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zrangeGeneric(c, a, 1, false, AUTO, AUTO),
  },
  {
    name: "zrangestore",
    arity: -5,
    flags: ["write", "denyoom"],
    keys: [1, 2, 1],
    acl: ["sortedset"],
    keySpecs: [
      { flags: "OW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RO access", begin: 2, find: { lastkey: 0, step: 1, limit: 0 } },
    ],
    handler: (c, a) => zrangeGeneric(c, a, 2, true, AUTO, AUTO),
  },
  {
    name: "zrevrange",
    arity: -4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zrangeGeneric(c, a, 1, false, RANK, REVERSE),
  },
  {
    name: "zrangebyscore",
    arity: -4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zrangeGeneric(c, a, 1, false, SCORE, FORWARD),
  },
  {
    name: "zrevrangebyscore",
    arity: -4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zrangeGeneric(c, a, 1, false, SCORE, REVERSE),
  },
  {
    name: "zrangebylex",
    arity: -4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zrangeGeneric(c, a, 1, false, LEX, FORWARD),
  },
  {
    name: "zrevrangebylex",
    arity: -4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zrangeGeneric(c, a, 1, false, LEX, REVERSE),
  },
  {
    name: "zremrangebyrank",
    arity: 4,
    flags: ["write"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zremrangeGeneric(c, a, RANK),
  },
  {
    name: "zremrangebyscore",
    arity: 4,
    flags: ["write"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zremrangeGeneric(c, a, SCORE),
  },
  {
    name: "zremrangebylex",
    arity: 4,
    flags: ["write"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => zremrangeGeneric(c, a, LEX),
  },
];
