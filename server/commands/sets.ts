// Set commands (t_set.c): SADD SREM SMEMBERS SISMEMBER SMISMEMBER SCARD SPOP SRANDMEMBER SMOVE
// SINTER SUNION SDIFF and their STORE forms, SINTERCARD, SSCAN, on SetValue
// (server/types/set.ts), which keeps Redis's intset order while the set is an intset.

import type { ClientState } from "../client.js";
import { err, ErrorReply, SetReply, type Reply } from "../reply.js";
import { SetValue } from "../types/set.js";
import { globMatch } from "../util/glob.js";
import {
  countArg,
  EMPTY_SCAN,
  limits,
  positiveArg,
  rangeArg,
  sampleIndexes,
  writeOrCreate,
} from "./collections.js";
import { genericGetKeys } from "./getkeys.js";
import { ERR_SYNTAX, readValue, writeValue, WRONGTYPE } from "./helpers.js";
import { parseScanCursor, parseScanOptions } from "./keys.js";
import type { CommandDef } from "./table.js";

const ERR_NUMKEYS = err("ERR numkeys should be greater than 0");
const ERR_TOO_MANY_KEYS = err("ERR Number of keys can't be greater than number of args");
const ERR_LIMIT_NEG = err("ERR LIMIT can't be negative");
const newSet = (): SetValue => new SetValue();

function sadd(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const s = writeOrCreate<SetValue>(c, key, "set", newSet);
  if (s instanceof ErrorReply) return s;
  const max = limits(c).setIntset;
  let added = 0;
  for (let i = 2; i < argv.length; i++) if (s.add(argv[i], max)) added++;
  if (added > 0) c.db.modified(key, added);
  return added;
}

function srem(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const s = writeValue<SetValue>(c, key, "set");
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  let deleted = 0;
  for (let i = 2; i < argv.length; i++) {
    if (s.delete(argv[i])) {
      deleted++;
      if (s.size === 0) {
        c.db.delete(key);
        break;
      }
    }
  }
  if (deleted > 0) c.db.modified(key, deleted);
  return deleted;
}

function smove(c: ClientState, argv: string[]): Reply {
  const [, srcKey, dstKey, ele] = argv;
  const src = c.db.lookupWrite(srcKey);
  const dst = c.db.lookupWrite(dstKey);
  if (src === undefined) return 0;
  if (typeof src.v === "string" || src.v.type !== "set") return WRONGTYPE;
  if (dst !== undefined && (typeof dst.v === "string" || dst.v.type !== "set")) return WRONGTYPE;
  const s = src.v as SetValue;
  if (dst === src) return s.has(ele) ? 1 : 0;
  if (!s.delete(ele)) return 0;
  if (s.size === 0) c.db.delete(srcKey);
  let d = dst?.v as SetValue | undefined;
  if (d === undefined) {
    d = newSet();
    c.db.add(dstKey, d);
  }
  c.db.modified(srcKey);
  if (d.add(ele, limits(c).setIntset)) c.db.modified(dstKey);
  return 1;
}

function sismember(c: ClientState, argv: string[]): Reply {
  const s = readValue<SetValue>(c, argv[1], "set");
  if (s instanceof ErrorReply) return s;
  return s !== undefined && s.has(argv[2]) ? 1 : 0;
}

function smismember(c: ClientState, argv: string[]): Reply {
  const s = readValue<SetValue>(c, argv[1], "set");
  if (s instanceof ErrorReply) return s;
  const out: number[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) out[i - 2] = s !== undefined && s.has(argv[i]) ? 1 : 0;
  return out;
}

function scard(c: ClientState, argv: string[]): Reply {
  const s = readValue<SetValue>(c, argv[1], "set");
  if (s instanceof ErrorReply) return s;
  return s === undefined ? 0 : s.size;
}

function spop(c: ClientState, argv: string[]): Reply {
  if (argv.length > 3) return ERR_SYNTAX;
  const key = argv[1];
  if (argv.length === 3) {
    const count = positiveArg(argv[2]);
    if (count instanceof ErrorReply) return count;
    const s = writeValue<SetValue>(c, key, "set");
    if (s === undefined) return new SetReply([]);
    if (s instanceof ErrorReply) return s;
    if (count === 0) return new SetReply([]);
    if (count >= s.size) {
      const all = s.members.slice();
      c.db.delete(key);
      c.db.modified(key, all.length);
      return new SetReply(all);
    }
    const out: string[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const j = s.randomIndex();
      out[i] = s.members[j];
      s.removeAt(j);
    }
    c.db.modified(key, count);
    return new SetReply(out);
  }
  const s = writeValue<SetValue>(c, key, "set");
  if (s === undefined) return null;
  if (s instanceof ErrorReply) return s;
  const j = s.randomIndex();
  const v = s.members[j];
  s.removeAt(j);
  if (s.size === 0) c.db.delete(key);
  c.db.modified(key);
  return v;
}

function srandmember(c: ClientState, argv: string[]): Reply {
  if (argv.length > 3) return ERR_SYNTAX;
  if (argv.length === 2) {
    const s = readValue<SetValue>(c, argv[1], "set");
    if (s === undefined) return null;
    if (s instanceof ErrorReply) return s;
    return s.members[s.randomIndex()];
  }
  const l = countArg(argv[2]);
  if (l instanceof ErrorReply) return l;
  const s = readValue<SetValue>(c, argv[1], "set");
  if (s === undefined) return [];
  if (s instanceof ErrorReply) return s;
  if (l === 0) return [];
  if (l < 0) {
    const out: string[] = new Array(-l);
    for (let i = 0; i < -l; i++) out[i] = s.members[s.randomIndex()];
    return out;
  }
  if (l >= s.size) return s.members.slice();
  return sampleIndexes(s.size, l).map((i) => s.members[i]);
}

/** The sets named by keys (undefined for missing ones), or WRONGTYPE if any holds another type. */
function lookupSets(c: ClientState, keys: string[]): (SetValue | undefined)[] | ErrorReply {
  const out: (SetValue | undefined)[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const s = readValue<SetValue>(c, keys[i], "set");
    if (s instanceof ErrorReply) return s;
    out[i] = s;
  }
  return out;
}

/** Stores a computed set at dst (or deletes dst when it is empty); replies its size. */
function storeSet(c: ClientState, dst: string, result: SetValue): Reply {
  const db = c.db;
  if (result.size > 0) db.set(dst, result);
  else db.delete(dst);
  db.modified(dst);
  return result.size;
}

/**
 * sinterGenericCommand: intersection of the sets at `keys`, replied as a set, stored at `dst`, or
 * counted (up to `limit` when not 0) for SINTERCARD.
 */
function sinterGeneric(
  c: ClientState,
  keys: string[],
  dst: string | undefined,
  card: boolean,
  limit = 0,
): Reply {
  const found = lookupSets(c, keys);
  if (found instanceof ErrorReply) return found;
  if (found.some((s) => s === undefined)) {
    if (dst !== undefined) {
      if (c.db.delete(dst)) c.db.modified(dst);
      return 0;
    }
    return card ? 0 : new SetReply([]);
  }
  const sets = (found as SetValue[]).slice().sort((a, b) => a.size - b.size);
  const first = sets[0];
  const out: string[] = [];
  let count = 0;
  outer: for (const m of first.members) {
    for (let j = 1; j < sets.length; j++) {
      if (sets[j] === first) continue;
      if (!sets[j].has(m)) continue outer;
    }
    if (card) {
      count++;
      if (limit !== 0 && count >= limit) break;
    } else out.push(m);
  }
  if (card) return count;
  if (dst === undefined) return new SetReply(out);
  const max = limits(c).setIntset;
  const result = newSet();
  for (const m of out) result.add(m, max);
  return storeSet(c, dst, result);
}

const UNION = 0;
const DIFF = 1;

/** sunionDiffGenericCommand. */
function sunionDiffGeneric(c: ClientState, keys: string[], dst: string | undefined, op: number): Reply {
  const sets = lookupSets(c, keys);
  if (sets instanceof ErrorReply) return sets;
  const max = limits(c).setIntset;
  const result = newSet();
  if (op === UNION) {
    for (const s of sets) if (s !== undefined) for (const m of s.members) result.add(m, max);
  } else if (sets[0] !== undefined) {
    const first = sets[0];
    outer: for (const m of first.members) {
      for (let j = 1; j < sets.length; j++) {
        const s = sets[j];
        if (s === undefined) continue;
        if (s === first || s.has(m)) continue outer;
      }
      result.add(m, max);
    }
  }
  if (dst === undefined) return new SetReply(result.members.slice());
  return storeSet(c, dst, result);
}

function sintercard(c: ClientState, argv: string[]): Reply {
  const numkeys = rangeArg(argv[1], 1, Number.MAX_VALUE, ERR_NUMKEYS);
  if (numkeys instanceof ErrorReply) return numkeys;
  if (numkeys > argv.length - 2) return ERR_TOO_MANY_KEYS;
  let limit = 0;
  for (let j = 2 + numkeys; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (argv[j].toLowerCase() === "limit" && more) {
      const n = positiveArg(argv[++j], ERR_LIMIT_NEG);
      if (n instanceof ErrorReply) return n;
      limit = n;
    } else return ERR_SYNTAX;
  }
  return sinterGeneric(c, argv.slice(2, 2 + numkeys), undefined, true, limit);
}

function sscan(c: ClientState, argv: string[]): Reply {
  const cursor = parseScanCursor(argv[2]);
  if (cursor instanceof ErrorReply) return cursor;
  const s = readValue<SetValue>(c, argv[1], "set");
  if (s === undefined) return EMPTY_SCAN;
  if (s instanceof ErrorReply) return s;
  const o = parseScanOptions(argv, 3, false);
  if (o instanceof ErrorReply) return o;
  const pat = o.pattern;
  const out: string[] = [];
  const visit = (i: number): void => {
    const m = s.members[i];
    if (pat === undefined || globMatch(pat, m)) out.push(m);
  };
  let next = 0;
  if (s.intset) for (let i = 0; i < s.size; i++) visit(i);
  else next = s.scan(cursor, o.count, visit);
  return [String(next), out];
}

export const setCommands: CommandDef[] = [
  {
    name: "sadd",
    arity: -3,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["set"],
    keySpecs: [{ flags: "RW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: sadd,
  },
  {
    name: "srem",
    arity: -3,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["set"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: srem,
  },
  {
    name: "smembers",
    arity: 2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["set"],
    tips: ["nondeterministic_output_order"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => sinterGeneric(c, [a[1]], undefined, false),
  },
  {
    name: "sismember",
    arity: 3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["set"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: sismember,
  },
  {
    name: "smismember",
    arity: -3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["set"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: smismember,
  },
  {
    name: "scard",
    arity: 2,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["set"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: scard,
  },
  {
    name: "spop",
    arity: -2,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["set"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: spop,
  },
  {
    name: "srandmember",
    arity: -2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["set"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: srandmember,
  },
  {
    name: "smove",
    arity: 4,
    flags: ["write", "fast"],
    keys: [1, 2, 1],
    acl: ["set"],
    keySpecs: [
      { flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RW insert", begin: 2, find: { lastkey: 0, step: 1, limit: 0 } },
    ],
    handler: smove,
  },
  {
    name: "sinter",
    arity: -2,
    flags: ["readonly"],
    keys: [1, -1, 1],
    acl: ["set"],
    tips: ["nondeterministic_output_order"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
    handler: (c, a) => sinterGeneric(c, a.slice(1), undefined, false),
  },
  {
    name: "sunion",
    arity: -2,
    flags: ["readonly"],
    keys: [1, -1, 1],
    acl: ["set"],
    tips: ["nondeterministic_output_order"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
    handler: (c, a) => sunionDiffGeneric(c, a.slice(1), undefined, UNION),
  },
  {
    name: "sdiff",
    arity: -2,
    flags: ["readonly"],
    keys: [1, -1, 1],
    acl: ["set"],
    tips: ["nondeterministic_output_order"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
    handler: (c, a) => sunionDiffGeneric(c, a.slice(1), undefined, DIFF),
  },
  {
    name: "sinterstore",
    arity: -3,
    flags: ["write", "denyoom"],
    keys: [1, -1, 1],
    acl: ["set"],
    keySpecs: [
      { flags: "RW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RO access", begin: 2, find: { lastkey: -1, step: 1, limit: 0 } },
    ],
    handler: (c, a) => sinterGeneric(c, a.slice(2), a[1], false),
  },
  {
    name: "sunionstore",
    arity: -3,
    flags: ["write", "denyoom"],
    keys: [1, -1, 1],
    acl: ["set"],
    keySpecs: [
      { flags: "OW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RO access", begin: 2, find: { lastkey: -1, step: 1, limit: 0 } },
    ],
    handler: (c, a) => sunionDiffGeneric(c, a.slice(2), a[1], UNION),
  },
  {
    name: "sdiffstore",
    arity: -3,
    flags: ["write", "denyoom"],
    keys: [1, -1, 1],
    acl: ["set"],
    keySpecs: [
      { flags: "OW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RO access", begin: 2, find: { lastkey: -1, step: 1, limit: 0 } },
    ],
    handler: (c, a) => sunionDiffGeneric(c, a.slice(2), a[1], DIFF),
  },
  {
    name: "sintercard",
    arity: -3,
    flags: ["readonly"],
    acl: ["set"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: sintercard,
    getKeys: genericGetKeys(0, 1, 2),
  },
  {
    name: "sscan",
    arity: -3,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["set"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: sscan,
  },
];
