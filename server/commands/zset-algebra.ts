// ZUNION ZINTER ZDIFF, their STORE forms and ZINTERCARD (zunionInterDiffGenericCommand in
// t_zset.c): inputs may be sorted sets or sets (score 1), with WEIGHTS and AGGREGATE SUM|MIN|MAX;
// results are built as a skiplist and stored as a listpack when small enough.

import type { ClientState } from "../client.js";
import { err, ErrorReply, type Reply } from "../reply.js";
import type { SetValue } from "../types/set.js";
import type { ZNode } from "../types/skiplist.js";
import { ZSetValue } from "../types/zset.js";
import { limits, positiveArg } from "./collections.js";
import { genericGetKeys } from "./getkeys.js";
import { ERR_SYNTAX, intArg, is, WRONGTYPE } from "./helpers.js";
import { nodesReply } from "./zset-ranges.js";
import { parseDouble } from "../util/numbers.js";
import type { CommandDef } from "./table.js";

const ERR_WEIGHT = err("ERR weight value is not a float");
const ERR_LIMIT_NEG = err("ERR LIMIT can't be negative");
const UNION = 0;
const INTER = 1;
const DIFF = 2;
const SUM = 0;
const AGG_MIN = 1;
const AGG_MAX = 2;

/** One input: a sorted set, a set, or nothing (a missing key), with its weight. */
interface Source {
  z: ZSetValue | undefined;
  s: SetValue | undefined;
  weight: number;
}

function sourceSize(src: Source): number {
  return src.z !== undefined ? src.z.size : src.s !== undefined ? src.s.size : 0;
}

/** Calls f(member, score) for every element of an input, in its iteration order, until f says stop. */
function forEachIn(src: Source, f: (member: string, score: number) => boolean | void): void {
  if (src.z !== undefined) {
    for (let x = src.z.zsl.first(); x !== null; x = x.next[0]) if (f(x.member, x.score) === false) return;
  } else if (src.s !== undefined) {
    for (const m of src.s.members) if (f(m, 1) === false) return;
  }
}

/** zuiFind: the element's score in an input, or undefined. */
function findIn(src: Source, member: string): number | undefined {
  if (src.z !== undefined) return src.z.score(member);
  if (src.s !== undefined) return src.s.has(member) ? 1 : undefined;
  return undefined;
}

/** zunionInterAggregate. */
function aggregate(a: number, b: number, how: number): number {
  if (how === SUM) {
    const r = a + b;
    return r !== r ? 0 : r;
  }
  if (how === AGG_MIN) return b < a ? b : a;
  return b > a ? b : a;
}

/**
 * zunionInterDiffGenericCommand: `dst` for the STORE forms, numkeys at argv[numkeysAt], `card`
 * for ZINTERCARD.
 */
function zsetOpGeneric(
  c: ClientState,
  argv: string[],
  dst: string | undefined,
  numkeysAt: number,
  op: number,
  card: boolean,
): Reply {
  const setnum = intArg(argv[numkeysAt]);
  if (setnum instanceof ErrorReply) return setnum;
  if (setnum < 1) return err(`ERR at least 1 input key is needed for '${argv[0].toLowerCase()}' command`);
  if (setnum > argv.length - (numkeysAt + 1)) return ERR_SYNTAX;
  const src: Source[] = [];
  let j = numkeysAt + 1;
  for (let i = 0; i < setnum; i++, j++) {
    const e = dst !== undefined ? c.db.lookupWrite(argv[j]) : c.db.lookupRead(argv[j], c.noTouch);
    const v = e?.v;
    if (v === undefined) src.push({ z: undefined, s: undefined, weight: 1 });
    else if (typeof v !== "string" && v.type === "zset")
      src.push({ z: v as ZSetValue, s: undefined, weight: 1 });
    else if (typeof v !== "string" && v.type === "set")
      src.push({ z: undefined, s: v as SetValue, weight: 1 });
    else return WRONGTYPE;
  }
  let how = SUM;
  let withScores = false;
  let limit = 0;
  let remaining = argv.length - j;
  while (remaining > 0) {
    const a = argv[j];
    if (op !== DIFF && !card && remaining >= setnum + 1 && is(a, "weights")) {
      j++;
      remaining--;
      for (let i = 0; i < setnum; i++, j++, remaining--) {
        const w = parseDouble(argv[j]);
        if (w === undefined) return ERR_WEIGHT;
        src[i].weight = w;
      }
    } else if (op !== DIFF && !card && remaining >= 2 && is(a, "aggregate")) {
      const h = argv[j + 1];
      if (is(h, "sum")) how = SUM;
      else if (is(h, "min")) how = AGG_MIN;
      else if (is(h, "max")) how = AGG_MAX;
      else return ERR_SYNTAX;
      j += 2;
      remaining -= 2;
    } else if (remaining >= 1 && dst === undefined && !card && is(a, "withscores")) {
      j++;
      remaining--;
      withScores = true;
    } else if (card && remaining >= 2 && is(a, "limit")) {
      const n = positiveArg(argv[j + 1], ERR_LIMIT_NEG);
      if (n instanceof ErrorReply) return n;
      limit = n;
      j += 2;
      remaining -= 2;
    } else return ERR_SYNTAX;
  }
  // Smallest first, as Redis's (stable) qsort by cardinality leaves them.
  if (op !== DIFF) src.sort((a, b) => sourceSize(a) - sourceSize(b));
  const result = new ZSetValue();
  result.convert();
  let maxLen = 0;
  const add = (member: string, score: number): void => {
    result.insert(member, score);
    if (member.length > maxLen) maxLen = member.length;
  };
  let cardinality = 0;
  if (op === INTER) {
    const first = src[0];
    if (sourceSize(first) > 0) {
      const firstSet = first.z ?? first.s;
      forEachIn(first, (member, s0) => {
        let score = first.weight * s0;
        if (score !== score) score = 0;
        for (let k = 1; k < src.length; k++) {
          const other = src[k];
          let v: number | undefined;
          if ((other.z ?? other.s) === firstSet) v = s0;
          else v = findIn(other, member);
          if (v === undefined) return;
          score = aggregate(score, v * other.weight, how);
        }
        if (card) {
          cardinality++;
          if (limit !== 0 && cardinality >= limit) return false;
        } else add(member, score);
      });
    }
  } else if (op === UNION) {
    const acc = new Map<string, number>();
    for (const s of src) {
      forEachIn(s, (member, v) => {
        let score = s.weight * v;
        if (score !== score) score = 0;
        const cur = acc.get(member);
        acc.set(member, cur === undefined ? score : aggregate(cur, score, how));
      });
    }
    for (const [member, score] of acc) add(member, score);
  } else {
    maxLen = zdiff(src, result);
  }
  if (card) return cardinality;
  if (dst === undefined) {
    const nodes: ZNode[] = [];
    for (let x = result.zsl.first(); x !== null; x = x.next[0]) nodes.push(x);
    return nodesReply(c, nodes, withScores);
  }
  const db = c.db;
  if (result.size === 0) {
    if (db.delete(dst)) db.modified(dst);
    return 0;
  }
  const lim = limits(c);
  if (result.size <= lim.zsetEntries && maxLen <= lim.zsetValue) result.toListpack();
  db.set(dst, result);
  db.modified(dst);
  return result.size;
}

/**
 * zdiff: the first input minus the others, with zdiffChooseAlgorithm's choice, which decides
 * which elements count for the listpack size check. Returns the longest element length seen.
 */
function zdiff(src: Source[], result: ZSetValue): number {
  const first = src[0];
  if (sourceSize(first) === 0) return 0;
  let one = 0;
  let two = 0;
  for (let j = 0; j < src.length; j++) {
    if (j > 0 && (src[j].z ?? src[j].s) === (first.z ?? first.s)) return 0;
    one += sourceSize(first);
    two += sourceSize(src[j]);
  }
  one = Math.floor(one / 2);
  let maxLen = 0;
  if (one <= two) {
    forEachIn(first, (member, score) => {
      for (let j = 1; j < src.length; j++) if (findIn(src[j], member) !== undefined) return;
      result.insert(member, score);
      if (member.length > maxLen) maxLen = member.length;
    });
  } else {
    forEachIn(first, (member, score) => {
      result.insert(member, score);
      if (member.length > maxLen) maxLen = member.length;
    });
    for (let j = 1; j < src.length; j++) {
      forEachIn(src[j], (member) => {
        result.delete(member);
      });
      if (result.size === 0) break;
    }
  }
  return maxLen;
}

export const zsetAlgebraCommands: CommandDef[] = [
  {
    name: "zunionstore",
    arity: -4,
    flags: ["write", "denyoom"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [
      { flags: "OW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RO access", begin: 2, find: { keynumidx: 0, firstkey: 1, step: 1 } },
    ],
    handler: (c, a) => zsetOpGeneric(c, a, a[1], 2, UNION, false),
    getKeys: genericGetKeys(1, 2, 3),
  },
  {
    name: "zinterstore",
    arity: -4,
    flags: ["write", "denyoom"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [
      { flags: "OW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RO access", begin: 2, find: { keynumidx: 0, firstkey: 1, step: 1 } },
    ],
    handler: (c, a) => zsetOpGeneric(c, a, a[1], 2, INTER, false),
    getKeys: genericGetKeys(1, 2, 3),
  },
  {
    name: "zdiffstore",
    arity: -4,
    flags: ["write", "denyoom"],
    keys: [1, 1, 1],
    acl: ["sortedset"],
    keySpecs: [
      { flags: "OW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RO access", begin: 2, find: { keynumidx: 0, firstkey: 1, step: 1 } },
    ],
    handler: (c, a) => zsetOpGeneric(c, a, a[1], 2, DIFF, false),
    getKeys: genericGetKeys(1, 2, 3),
  },
  {
    name: "zunion",
    arity: -3,
    flags: ["readonly"],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: (c, a) => zsetOpGeneric(c, a, undefined, 1, UNION, false),
    getKeys: genericGetKeys(0, 1, 2),
  },
  {
    name: "zinter",
    arity: -3,
    flags: ["readonly"],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: (c, a) => zsetOpGeneric(c, a, undefined, 1, INTER, false),
    getKeys: genericGetKeys(0, 1, 2),
  },
  {
    name: "zdiff",
    arity: -3,
    flags: ["readonly"],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: (c, a) => zsetOpGeneric(c, a, undefined, 1, DIFF, false),
    getKeys: genericGetKeys(0, 1, 2),
  },
  {
    name: "zintercard",
    arity: -3,
    flags: ["readonly"],
    acl: ["sortedset"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: (c, a) => zsetOpGeneric(c, a, undefined, 1, INTER, true),
    getKeys: genericGetKeys(0, 1, 2),
  },
];
