// String commands (t_string.c): GET SET (EX PX EXAT PXAT NX XX KEEPTTL GET) SETNX SETEX PSETEX
// GETSET GETDEL GETEX MGET MSET MSETNX INCR INCRBY INCRBYFLOAT DECR DECRBY APPEND STRLEN GETRANGE
// SETRANGE. Values are latin1 byte strings stored directly in the db entries.

import type { ClientState } from "../client.js";
import { ENC_EMBSTR, ENC_RAW } from "../keyspace/db.js";
import { err, ErrorReply, OK, type Reply } from "../reply.js";
import { addLongDouble, formatLongDoubleHuman, parseLongDouble } from "../util/longdouble.js";
import { parseLL, parseLLBig } from "../util/numbers.js";
import { ERR_NOT_FLOAT, ERR_NOT_INT, ERR_SYNTAX, intArg, readString, WRONGTYPE } from "./helpers.js";
import { setKeyFlags } from "./getkeys.js";
import type { CommandDef } from "./table.js";

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;
const ERR_OVERFLOW = err("ERR increment or decrement would overflow");
export const ERR_MAXSIZE = err("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
/** V8's longest string (2^29 - 24 chars): a value can't grow past it whatever the config says. */
const V8_MAX_STRING = 536870888;

export function maxStringLen(c: ClientState): number {
  return Math.min(c.db.host.protoMaxBulkLen, V8_MAX_STRING);
}

export function expireTimeError(c: ClientState): ErrorReply {
  return err(`ERR invalid expire time in '${c.lastCmd}' command`);
}

const F_NX = 1;
const F_XX = 2;
const F_GET = 4;
const F_KEEPTTL = 8;
const F_PERSIST = 16;
const F_EX = 32;
const F_PX = 64;
const F_EXAT = 128;
const F_PXAT = 256;
const ANY_EXPIRE = F_EX | F_PX | F_EXAT | F_PXAT;

interface ExtArgs {
  flags: number;
  expire: string | undefined;
}

/** parseExtendedStringArgumentsOrReply for SET (isSet) and GETEX. */
function parseExtended(argv: string[], from: number, isSet: boolean): ExtArgs | ErrorReply {
  let flags = 0;
  let expire: string | undefined;
  for (let j = from; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    const hasNext = j < argv.length - 1;
    if (opt === "nx" && !(flags & F_XX) && isSet) flags |= F_NX;
    else if (opt === "xx" && !(flags & F_NX) && isSet) flags |= F_XX;
    else if (opt === "get" && isSet) flags |= F_GET;
    else if (opt === "keepttl" && !(flags & (F_PERSIST | ANY_EXPIRE)) && isSet) flags |= F_KEEPTTL;
    else if (opt === "persist" && !isSet && !(flags & (ANY_EXPIRE | F_KEEPTTL))) flags |= F_PERSIST;
    else if (opt === "ex" && !(flags & (F_KEEPTTL | F_PERSIST | F_EXAT | F_PX | F_PXAT)) && hasNext) {
      flags |= F_EX;
      expire = argv[++j];
    } else if (opt === "px" && !(flags & (F_KEEPTTL | F_PERSIST | F_EX | F_EXAT | F_PXAT)) && hasNext) {
      flags |= F_PX;
      expire = argv[++j];
    } else if (opt === "exat" && !(flags & (F_KEEPTTL | F_PERSIST | F_EX | F_PX | F_PXAT)) && hasNext) {
      flags |= F_EXAT;
      expire = argv[++j];
    } else if (opt === "pxat" && !(flags & (F_KEEPTTL | F_PERSIST | F_EX | F_EXAT | F_PX)) && hasNext) {
      flags |= F_PXAT;
      expire = argv[++j];
    } else return ERR_SYNTAX;
  }
  return { flags, expire };
}

/** getExpireMillisecondsOrReply: absolute ms (Db.setExpire keeps them exactly), or an error reply. */
function expireMs(c: ClientState, s: string, flags: number): bigint | ErrorReply {
  const v = parseLLBig(s);
  if (v === undefined) return ERR_NOT_INT;
  let ms = v;
  const seconds = (flags & (F_EX | F_EXAT)) !== 0;
  if (ms <= 0n || (seconds && ms > LLONG_MAX / 1000n)) return expireTimeError(c);
  if (seconds) ms *= 1000n;
  if (flags & (F_EX | F_PX)) ms += BigInt(c.db.now());
  if (ms > LLONG_MAX) return expireTimeError(c);
  return ms;
}

/** setGenericCommand. */
function setGeneric(
  c: ClientState,
  flags: number,
  key: string,
  val: string,
  expire: string | undefined,
  okReply: Reply,
  abortReply: Reply,
): Reply {
  let when = 0n;
  if (expire !== undefined) {
    const w = expireMs(c, expire, flags);
    if (w instanceof ErrorReply) return w;
    when = w;
  }
  const db = c.db;
  let old: Reply = null;
  if (flags & F_GET) {
    const o = readString(c, key);
    if (o instanceof ErrorReply) return o;
    old = o ?? null;
  }
  const found = db.lookupWrite(key) !== undefined;
  if ((flags & F_NX && found) || (flags & F_XX && !found)) return flags & F_GET ? old : abortReply;
  const e = db.set(key, val, (flags & F_KEEPTTL) !== 0);
  if (expire !== undefined) db.setExpire(e, when);
  db.modified(key);
  return flags & F_GET ? old : okReply;
}

function set(c: ClientState, argv: string[]): Reply {
  const a = parseExtended(argv, 3, true);
  if (a instanceof ErrorReply) return a;
  return setGeneric(c, a.flags, argv[1], argv[2], a.expire, OK, null);
}

function get(c: ClientState, argv: string[]): Reply {
  const e = c.db.lookupRead(argv[1], c.noTouch);
  if (e === undefined) return null;
  const v = e.v;
  return typeof v === "string" ? v : WRONGTYPE;
}

function getex(c: ClientState, argv: string[]): Reply {
  const a = parseExtended(argv, 2, false);
  if (a instanceof ErrorReply) return a;
  const key = argv[1];
  const db = c.db;
  const e = db.lookupRead(key, c.noTouch);
  if (e === undefined) return null;
  if (typeof e.v !== "string") return WRONGTYPE;
  const v = e.v;
  // as Redis 7.0: the expire is checked once the key is known to be a string
  if (a.expire !== undefined) {
    const when = expireMs(c, a.expire, a.flags);
    if (when instanceof ErrorReply) return when;
    if (when <= db.now()) db.delete(key);
    else db.setExpire(e, when);
    db.modified(key);
  } else if (a.flags & F_PERSIST) {
    if (e.exp !== 0) {
      db.persist(e);
      db.modified(key);
    }
  }
  return v;
}

function getdel(c: ClientState, argv: string[]): Reply {
  const v = readString(c, argv[1]);
  if (v === undefined || v instanceof ErrorReply) return v ?? null;
  c.db.delete(argv[1]);
  c.db.modified(argv[1]);
  return v;
}

function getset(c: ClientState, argv: string[]): Reply {
  const v = readString(c, argv[1]);
  if (v instanceof ErrorReply) return v;
  c.db.set(argv[1], argv[2]);
  c.db.modified(argv[1]);
  return v ?? null;
}

function mget(c: ClientState, argv: string[]): Reply {
  const out: Reply[] = new Array(argv.length - 1);
  for (let i = 1; i < argv.length; i++) {
    const e = c.db.lookupRead(argv[i], c.noTouch);
    out[i - 1] = e !== undefined && typeof e.v === "string" ? e.v : null;
  }
  return out;
}

function msetGeneric(c: ClientState, argv: string[], nx: boolean): Reply {
  if (argv.length % 2 === 0) return err(`ERR wrong number of arguments for '${c.lastCmd}' command`);
  const db = c.db;
  if (nx) {
    for (let i = 1; i < argv.length; i += 2) if (db.lookupWrite(argv[i]) !== undefined) return 0;
  }
  for (let i = 1; i < argv.length; i += 2) {
    db.set(argv[i], argv[i + 1]);
    db.modified(argv[i]);
  }
  return nx ? 1 : OK;
}

/** incrDecrCommand. */
function incrDecr(c: ClientState, key: string, incr: number | bigint): Reply {
  const db = c.db;
  const e = db.lookupWrite(key);
  let cur: number | bigint = 0;
  if (e !== undefined) {
    if (typeof e.v !== "string") return WRONGTYPE;
    const v = parseLL(e.v);
    if (v === undefined) return ERR_NOT_INT;
    cur = v;
  }
  let result: number | bigint | undefined;
  if (typeof cur === "number" && typeof incr === "number") {
    result = cur + incr;
    if (!Number.isSafeInteger(result)) result = bigAdd(BigInt(cur), BigInt(incr));
  } else {
    result = bigAdd(BigInt(cur), BigInt(incr));
  }
  if (result === undefined) return ERR_OVERFLOW;
  const s = String(result);
  if (e !== undefined) {
    e.v = s;
    e.enc = 0;
    e.lru = db.host.lruClock;
  } else db.add(key, s);
  db.modified(key);
  return result;
}

function bigAdd(a: bigint, b: bigint): bigint | undefined {
  const r = a + b;
  if (r > LLONG_MAX || r < LLONG_MIN) return undefined;
  const n = Number(r);
  return Number.isSafeInteger(n) ? (n as unknown as bigint) : r;
}

function incrby(c: ClientState, argv: string[]): Reply {
  const v = parseLL(argv[2]);
  if (v === undefined) return ERR_NOT_INT;
  return incrDecr(c, argv[1], v);
}

function decrby(c: ClientState, argv: string[]): Reply {
  const v = parseLL(argv[2]);
  if (v === undefined) return ERR_NOT_INT;
  if (typeof v === "bigint" && v === LLONG_MIN) return err("ERR decrement would overflow");
  return incrDecr(c, argv[1], typeof v === "number" ? -v : -v);
}

function incrbyfloat(c: ClientState, argv: string[]): Reply {
  const db = c.db;
  const key = argv[1];
  const e = db.lookupWrite(key);
  if (e !== undefined && typeof e.v !== "string") return WRONGTYPE;
  const cur = e === undefined ? parseLongDouble("0") : parseLongDouble(e.v as string);
  if (cur === undefined) return ERR_NOT_FLOAT;
  const incr = parseLongDouble(argv[2]);
  if (incr === undefined) return ERR_NOT_FLOAT;
  const sum = addLongDouble(cur, incr);
  if (sum === undefined || sum.inf) return err("ERR increment would produce NaN or Infinity");
  const s = formatLongDoubleHuman(sum);
  const ne = db.set(key, s, true);
  ne.enc = s.length <= 44 ? ENC_EMBSTR : ENC_RAW;
  db.modified(key);
  return s;
}

function append(c: ClientState, argv: string[]): Reply {
  const db = c.db;
  const key = argv[1];
  const e = db.lookupWrite(key);
  if (e === undefined) {
    db.add(key, argv[2]);
    db.modified(key);
    return argv[2].length;
  }
  if (typeof e.v !== "string") return WRONGTYPE;
  if (e.v.length + argv[2].length > maxStringLen(c)) return ERR_MAXSIZE;
  e.v = e.v + argv[2];
  e.enc = ENC_RAW;
  db.modified(key);
  return e.v.length;
}

function strlen(c: ClientState, argv: string[]): Reply {
  const v = readString(c, argv[1]);
  if (v === undefined) return 0;
  return typeof v === "string" ? v.length : v;
}

function getrange(c: ClientState, argv: string[]): Reply {
  let start = intArg(argv[2]);
  if (start instanceof ErrorReply) return start;
  let end = intArg(argv[3]);
  if (end instanceof ErrorReply) return end;
  const v = readString(c, argv[1]);
  if (v === undefined) return "";
  if (v instanceof ErrorReply) return v;
  const len = v.length;
  if (start < 0 && end < 0 && start > end) return "";
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len === 0) return "";
  return v.slice(start, end + 1);
}

function setrange(c: ClientState, argv: string[]): Reply {
  const offset = intArg(argv[2]);
  if (offset instanceof ErrorReply) return offset;
  if (offset < 0) return err("ERR offset is out of range");
  const db = c.db;
  const key = argv[1];
  const val = argv[3];
  const e = db.lookupWrite(key);
  const maxLen = maxStringLen(c);
  if (e === undefined) {
    if (val.length === 0) return 0;
    if (offset + val.length > maxLen) return ERR_MAXSIZE;
    const ne = db.add(key, "\0".repeat(offset) + val);
    ne.enc = ENC_RAW;
    db.modified(key);
    return offset + val.length;
  }
  if (typeof e.v !== "string") return WRONGTYPE;
  const old = e.v;
  if (val.length === 0) return old.length;
  if (offset + val.length > maxLen) return ERR_MAXSIZE;
  const padded = old.length < offset ? old + "\0".repeat(offset - old.length) : old;
  e.v = padded.slice(0, offset) + val + padded.slice(offset + val.length);
  e.enc = ENC_RAW;
  db.modified(key);
  return e.v.length;
}

const RW1: [number, number, number] = [1, 1, 1];

export const stringCommands: CommandDef[] = [
  {
    name: "get",
    arity: 2,
    flags: ["readonly", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: get,
  },
  {
    name: "set",
    arity: -3,
    flags: ["write", "denyoom"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [
      {
        notes: "RW and ACCESS due to the optional `GET` argument",
        flags: "RW access update variable_flags",
        begin: 1,
        find: { lastkey: 0, step: 1, limit: 0 },
      },
    ],
    handler: set,
    keyFlags: setKeyFlags,
  },
  {
    name: "setnx",
    arity: 3,
    flags: ["write", "denyoom", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "OW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => setGeneric(c, F_NX, a[1], a[2], undefined, 1, 0),
  },
  {
    name: "setex",
    arity: 4,
    flags: ["write", "denyoom"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "OW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => setGeneric(c, F_EX, a[1], a[3], a[2], OK, null),
  },
  {
    name: "psetex",
    arity: 4,
    flags: ["write", "denyoom"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "OW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => setGeneric(c, F_PX, a[1], a[3], a[2], OK, null),
  },
  {
    name: "getset",
    arity: 3,
    flags: ["write", "denyoom", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RW access update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: getset,
  },
  {
    name: "getdel",
    arity: 2,
    flags: ["write", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: getdel,
  },
  {
    name: "getex",
    arity: -2,
    flags: ["write", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [
      {
        notes: "RW and UPDATE because it changes the TTL",
        flags: "RW access update",
        begin: 1,
        find: { lastkey: 0, step: 1, limit: 0 },
      },
    ],
    handler: getex,
  },
  {
    name: "mget",
    arity: -2,
    flags: ["readonly", "fast"],
    keys: [1, -1, 1],
    acl: ["string"],
    tips: ["request_policy:multi_shard"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
    handler: mget,
  },
  {
    name: "mset",
    arity: -3,
    flags: ["write", "denyoom"],
    keys: [1, -1, 2],
    acl: ["string"],
    tips: ["request_policy:multi_shard", "response_policy:all_succeeded"],
    keySpecs: [{ flags: "OW update", begin: 1, find: { lastkey: -1, step: 2, limit: 0 } }],
    handler: (c, a) => msetGeneric(c, a, false),
  },
  {
    name: "msetnx",
    arity: -3,
    flags: ["write", "denyoom"],
    keys: [1, -1, 2],
    acl: ["string"],
    tips: ["request_policy:multi_shard", "response_policy:agg_min"],
    keySpecs: [{ flags: "OW insert", begin: 1, find: { lastkey: -1, step: 2, limit: 0 } }],
    handler: (c, a) => msetGeneric(c, a, true),
  },
  ...(
    [
      ["incr", 2, (c: ClientState, a: string[]) => incrDecr(c, a[1], 1)],
      ["decr", 2, (c: ClientState, a: string[]) => incrDecr(c, a[1], -1)],
      ["incrby", 3, incrby],
      ["decrby", 3, decrby],
    ] as const
  ).map(([name, arity, handler]): CommandDef => ({
    name,
    arity,
    flags: ["write", "denyoom", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RW access update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler,
  })),
  {
    name: "incrbyfloat",
    arity: 3,
    flags: ["write", "denyoom", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RW access update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: incrbyfloat,
  },
  {
    name: "append",
    arity: 3,
    flags: ["write", "denyoom", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: append,
  },
  {
    name: "strlen",
    arity: 2,
    flags: ["readonly", "fast"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: strlen,
  },
  {
    name: "getrange",
    arity: 4,
    flags: ["readonly"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: getrange,
  },
  {
    name: "setrange",
    arity: 4,
    flags: ["write", "denyoom"],
    keys: RW1,
    acl: ["string"],
    keySpecs: [{ flags: "RW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: setrange,
  },
];
