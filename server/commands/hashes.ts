// Hash commands (t_hash.c): HSET HSETNX HGET HMGET HMSET HGETALL HDEL HEXISTS HLEN HKEYS HVALS
// HINCRBY HINCRBYFLOAT HSTRLEN HSCAN HRANDFIELD, on HashValue (server/types/hash.ts), with the
// listpack -> hashtable conversion Redis 7.0 makes (hashTypeTryConversion, hashTypeSet).

import type { ClientState } from "../client.js";
import { err, ErrorReply, MapReply, OK, type Reply } from "../reply.js";
import { HashValue } from "../types/hash.js";
import type { TypeLimits } from "../types/limits.js";
import { globMatch } from "../util/glob.js";
import { addLongDouble, formatLongDoubleHuman, parseLongDouble } from "../util/longdouble.js";
import { parseLL } from "../util/numbers.js";
import {
  countArg,
  outOfHalfRange,
  EMPTY_SCAN,
  ERR_OUT_OF_RANGE_PLAIN,
  limits,
  pairs,
  sampleIndexes,
  writeOrCreate,
  wrongArgs,
} from "./collections.js";
import { ERR_NOT_FLOAT, ERR_SYNTAX, int64Arg, is, readValue, writeValue } from "./helpers.js";
import { parseScanCursor, parseScanOptions } from "./keys.js";
import type { CommandDef } from "./table.js";

const ERR_HASH_NOT_INT = err("ERR hash value is not an integer");
const ERR_HASH_NOT_FLOAT = err("ERR hash value is not a float");
const ERR_OVERFLOW = err("ERR increment or decrement would overflow");
const ERR_NAN_INF = err("ERR value is NaN or Infinity");
const ERR_INCR_NAN = err("ERR increment would produce NaN or Infinity");
const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;
const newHash = (): HashValue => new HashValue();

/** hashTypeTryConversion: a listpack hash meeting a too long argument becomes a hashtable. */
function tryConversion(h: HashValue, argv: string[], from: number, to: number, lim: TypeLimits): void {
  if (!h.listpack) return;
  for (let i = from; i <= to; i++) {
    if (argv[i].length > lim.hashValue) {
      h.convert();
      return;
    }
  }
}

/** hashTypeSet: sets a field, converting on a long field/value or too many entries. */
function hashSet(h: HashValue, field: string, value: string, lim: TypeLimits): boolean {
  if (h.listpack && (field.length > lim.hashValue || value.length > lim.hashValue)) h.convert();
  const created = h.set(field, value);
  if (h.listpack && h.size > lim.hashEntries) h.convert();
  return created;
}

function hsetGeneric(c: ClientState, argv: string[], name: string): number | ErrorReply {
  if (argv.length % 2 === 1) return wrongArgs(name);
  const key = argv[1];
  const h = writeOrCreate<HashValue>(c, key, "hash", newHash);
  if (h instanceof ErrorReply) return h;
  const lim = limits(c);
  tryConversion(h, argv, 2, argv.length - 1, lim);
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) if (hashSet(h, argv[i], argv[i + 1], lim)) created++;
  c.db.modified(key, (argv.length - 2) / 2);
  return created;
}

function hset(c: ClientState, argv: string[]): Reply {
  return hsetGeneric(c, argv, "hset");
}

function hmset(c: ClientState, argv: string[]): Reply {
  const r = hsetGeneric(c, argv, "hmset");
  return r instanceof ErrorReply ? r : OK;
}

function hsetnx(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const h = writeOrCreate<HashValue>(c, key, "hash", newHash);
  if (h instanceof ErrorReply) return h;
  const lim = limits(c);
  if (h.has(argv[2])) return 0;
  tryConversion(h, argv, 2, 3, lim);
  hashSet(h, argv[2], argv[3], lim);
  c.db.modified(key);
  return 1;
}

function hget(c: ClientState, argv: string[]): Reply {
  const h = readValue<HashValue>(c, argv[1], "hash");
  if (h === undefined) return null;
  if (h instanceof ErrorReply) return h;
  return h.get(argv[2]) ?? null;
}

function hmget(c: ClientState, argv: string[]): Reply {
  const h = readValue<HashValue>(c, argv[1], "hash");
  if (h instanceof ErrorReply) return h;
  const out: Reply[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) out[i - 2] = h === undefined ? null : (h.get(argv[i]) ?? null);
  return out;
}

function hdel(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const h = writeValue<HashValue>(c, key, "hash");
  if (h === undefined) return 0;
  if (h instanceof ErrorReply) return h;
  let deleted = 0;
  for (let i = 2; i < argv.length; i++) {
    if (h.delete(argv[i])) {
      deleted++;
      if (h.size === 0) {
        c.db.delete(key);
        break;
      }
    }
  }
  if (deleted > 0) c.db.modified(key, deleted);
  return deleted;
}

function hlen(c: ClientState, argv: string[]): Reply {
  const h = readValue<HashValue>(c, argv[1], "hash");
  if (h instanceof ErrorReply) return h;
  return h === undefined ? 0 : h.size;
}

function hstrlen(c: ClientState, argv: string[]): Reply {
  const h = readValue<HashValue>(c, argv[1], "hash");
  if (h instanceof ErrorReply) return h;
  return h?.get(argv[2])?.length ?? 0;
}

function hexists(c: ClientState, argv: string[]): Reply {
  const h = readValue<HashValue>(c, argv[1], "hash");
  if (h instanceof ErrorReply) return h;
  return h !== undefined && h.has(argv[2]) ? 1 : 0;
}

const KEYS = 1;
const VALS = 2;

/** genericHgetallCommand: keys, values or both (a map). */
function hgetallGeneric(c: ClientState, key: string, what: number): Reply {
  const h = readValue<HashValue>(c, key, "hash");
  if (h instanceof ErrorReply) return h;
  if (what === (KEYS | VALS)) {
    if (h === undefined) return new MapReply([]);
    const out: Reply[] = new Array(h.size * 2);
    for (let i = 0; i < h.size; i++) {
      out[2 * i] = h.fields[i];
      out[2 * i + 1] = h.values[i];
    }
    return new MapReply(out);
  }
  if (h === undefined) return [];
  return (what === KEYS ? h.fields : h.values).slice();
}

function hincrby(c: ClientState, argv: string[]): Reply {
  const incr = int64Arg(argv[3]);
  if (incr instanceof ErrorReply) return incr;
  const key = argv[1];
  const h = writeOrCreate<HashValue>(c, key, "hash", newHash);
  if (h instanceof ErrorReply) return h;
  let cur: number | bigint = 0;
  const old = h.get(argv[2]);
  if (old !== undefined) {
    const v = parseLL(old);
    if (v === undefined) return ERR_HASH_NOT_INT;
    cur = v;
  }
  let next: number | bigint;
  if (typeof cur === "number" && typeof incr === "number" && Number.isSafeInteger(cur + incr)) {
    next = cur + incr;
  } else {
    const sum = BigInt(cur) + BigInt(incr);
    if (sum > LLONG_MAX || sum < LLONG_MIN) return ERR_OVERFLOW;
    const n = Number(sum);
    next = Number.isSafeInteger(n) ? n : sum;
  }
  hashSet(h, argv[2], String(next), limits(c));
  c.db.modified(key);
  return next;
}

function hincrbyfloat(c: ClientState, argv: string[]): Reply {
  const incr = parseLongDouble(argv[3]);
  if (incr === undefined) return ERR_NOT_FLOAT;
  if (incr.inf) return ERR_NAN_INF;
  const key = argv[1];
  const h = writeOrCreate<HashValue>(c, key, "hash", newHash);
  if (h instanceof ErrorReply) return h;
  const old = h.get(argv[2]);
  let sum = incr;
  if (old !== undefined) {
    const cur = parseLongDouble(old);
    if (cur === undefined) return ERR_HASH_NOT_FLOAT;
    const s = addLongDouble(cur, incr);
    if (s === undefined || s.inf) return ERR_INCR_NAN;
    sum = s;
  }
  const text = formatLongDoubleHuman(sum);
  hashSet(h, argv[2], text, limits(c));
  c.db.modified(key);
  return text;
}

function hscan(c: ClientState, argv: string[]): Reply {
  const cursor = parseScanCursor(argv[2]);
  if (cursor instanceof ErrorReply) return cursor;
  const h = readValue<HashValue>(c, argv[1], "hash");
  if (h === undefined) return EMPTY_SCAN;
  if (h instanceof ErrorReply) return h;
  const o = parseScanOptions(argv, 3, false);
  if (o instanceof ErrorReply) return o;
  const pat = o.pattern;
  const out: string[] = [];
  const visit = (i: number): void => {
    const f = h.fields[i];
    if (pat === undefined || globMatch(pat, f)) out.push(f, h.values[i]);
  };
  let next = 0;
  if (h.listpack) for (let i = 0; i < h.size; i++) visit(i);
  else next = h.scan(cursor, o.count, visit);
  return [String(next), out];
}

function hrandfield(c: ClientState, argv: string[]): Reply {
  if (argv.length === 2) {
    const h = readValue<HashValue>(c, argv[1], "hash");
    if (h === undefined) return null;
    if (h instanceof ErrorReply) return h;
    return h.fields[Math.floor(Math.random() * h.size)];
  }
  const l = countArg(argv[2]);
  if (l instanceof ErrorReply) return l;
  if (argv.length > 4 || (argv.length === 4 && !is(argv[3], "withvalues"))) return ERR_SYNTAX;
  const withValues = argv.length === 4;
  if (withValues && outOfHalfRange(argv[2])) return ERR_OUT_OF_RANGE_PLAIN;
  const h = readValue<HashValue>(c, argv[1], "hash");
  if (h === undefined) return [];
  if (h instanceof ErrorReply) return h;
  const size = h.size;
  const pb = pairs(c);
  const one = (i: number): void => {
    if (withValues) pb.add(h.fields[i], h.values[i]);
    else pb.out.push(h.fields[i]);
  };
  if (l < 0) {
    for (let n = -l; n > 0; n--) one(Math.floor(Math.random() * size));
  } else if (l >= size) {
    for (let i = 0; i < size; i++) one(i);
  } else if (l > 0) {
    for (const i of sampleIndexes(size, l)) one(i);
  }
  return pb.out;
}

export const hashCommands: CommandDef[] = [
  {
    name: "hset",
    arity: -4,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hset,
  },
  {
    name: "hsetnx",
    arity: 4,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hsetnx,
  },
  {
    name: "hget",
    arity: 3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hget,
  },
  {
    name: "hmget",
    arity: -3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hmget,
  },
  {
    name: "hmset",
    arity: -4,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hmset,
  },
  {
    name: "hgetall",
    arity: 2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["hash"],
    tips: ["nondeterministic_output_order"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => hgetallGeneric(c, a[1], KEYS | VALS),
  },
  {
    name: "hdel",
    arity: -3,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hdel,
  },
  {
    name: "hexists",
    arity: 3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hexists,
  },
  {
    name: "hlen",
    arity: 2,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hlen,
  },
  {
    name: "hkeys",
    arity: 2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["hash"],
    tips: ["nondeterministic_output_order"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => hgetallGeneric(c, a[1], KEYS),
  },
  {
    name: "hvals",
    arity: 2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["hash"],
    tips: ["nondeterministic_output_order"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => hgetallGeneric(c, a[1], VALS),
  },
  {
    name: "hincrby",
    arity: 4,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RW access update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hincrby,
  },
  {
    name: "hincrbyfloat",
    arity: 4,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RW access update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hincrbyfloat,
  },
  {
    name: "hstrlen",
    arity: 3,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["hash"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hstrlen,
  },
  {
    name: "hscan",
    arity: -3,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["hash"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hscan,
  },
  {
    name: "hrandfield",
    arity: -2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["hash"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: hrandfield,
  },
];
