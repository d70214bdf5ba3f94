// Generic key commands (db.c, expire.c, object.c): DEL UNLINK EXISTS TYPE TOUCH EXPIRE PEXPIRE
// EXPIREAT PEXPIREAT (NX XX GT LT) TTL PTTL EXPIRETIME PEXPIRETIME PERSIST RENAME RENAMENX KEYS
// SCAN RANDOMKEY COPY MOVE OBJECT. Type-agnostic: typed values only need type/encoding/copy.

import type { ClientState } from "../client.js";
import { expiryOf, lfuDecr, stringEncoding, typeOf, type Db, type Entry } from "../keyspace/db.js";
import { err, ErrorReply, OK, StatusReply, type Reply } from "../reply.js";
import { globMatch } from "../util/glob.js";
import { parseLLBig, parseLLNum } from "../util/numbers.js";
import { ERR_NO_SUCH_KEY, ERR_NOT_INT, ERR_SYNTAX } from "./helpers.js";
import { expireTimeError } from "./strings.js";
import type { CommandDef, KeySpec } from "./table.js";

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;
const ERR_SAME_OBJECT = err("ERR source and destination objects are the same");
const ERR_DB_RANGE = err("ERR DB index is out of range");
const INT_MAX = 2147483647;

/** getIntFromObjectOrReply: a 32-bit int or the given error. */
export function int32Arg(s: string, e?: ErrorReply): number | ErrorReply {
  const v = parseLLNum(s);
  if (v === undefined) return e ?? ERR_NOT_INT;
  if (v > INT_MAX || v < -INT_MAX - 1) {
    return e ?? err("ERR value is out of range, value must between -2147483648 and 2147483647");
  }
  return v;
}

function del(c: ClientState, argv: string[]): Reply {
  const db = c.db;
  let n = 0;
  for (let i = 1; i < argv.length; i++) {
    if (db.delete(argv[i])) {
      db.modified(argv[i]);
      n++;
    }
  }
  return n;
}

function exists(c: ClientState, argv: string[]): Reply {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (c.db.find(argv[i]) !== undefined) n++;
  return n;
}

function touch(c: ClientState, argv: string[]): Reply {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (c.db.lookupRead(argv[i], c.noTouch) !== undefined) n++;
  return n;
}

const TYPE_REPLIES = new Map<string, StatusReply>();
function typeCmd(c: ClientState, argv: string[]): Reply {
  const e = c.db.find(argv[1]);
  const t = e === undefined ? "none" : typeOf(e.v);
  let r = TYPE_REPLIES.get(t);
  if (r === undefined) TYPE_REPLIES.set(t, (r = new StatusReply(t)));
  return r;
}

const EX_NX = 1;
const EX_XX = 2;
const EX_GT = 4;
const EX_LT = 8;

/** expireGenericCommand: `basetime` is now (relative forms) or 0; `seconds` for EXPIRE/EXPIREAT. */
function expireGeneric(c: ClientState, argv: string[], relative: boolean, seconds: boolean): Reply {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const o = argv[j].toLowerCase();
    if (o === "nx") flags |= EX_NX;
    else if (o === "xx") flags |= EX_XX;
    else if (o === "gt") flags |= EX_GT;
    else if (o === "lt") flags |= EX_LT;
    else return err(`ERR Unsupported option ${argv[j]}`);
  }
  if (flags & EX_NX && flags & (EX_XX | EX_GT | EX_LT)) {
    return err("ERR NX and XX, GT or LT options at the same time are not compatible");
  }
  if (flags & EX_GT && flags & EX_LT) return err("ERR GT and LT options at the same time are not compatible");
  const v = parseLLBig(argv[2]);
  if (v === undefined) return ERR_NOT_INT;
  let when = v;
  const db = c.db;
  const base = relative ? BigInt(db.now()) : 0n;
  if (seconds) {
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return expireTimeError(c);
    when *= 1000n;
  }
  if (when > LLONG_MAX - base) return expireTimeError(c);
  when += base;
  const key = argv[1];
  const e = db.lookupWrite(key);
  if (e === undefined) return 0;
  if (flags) {
    const cur = e.exp === 0 ? -1 : expiryOf(e);
    if (flags & EX_NX && cur !== -1) return 0;
    if (flags & EX_XX && cur === -1) return 0;
    if (flags & EX_GT && (when <= cur || cur === -1)) return 0;
    if (flags & EX_LT && cur !== -1 && when >= cur) return 0;
  }
  if (when <= db.now()) {
    db.delete(key);
  } else {
    db.setExpire(e, when);
  }
  db.modified(key);
  return 1;
}

/** ttlGenericCommand. */
function ttlGeneric(c: ClientState, key: string, ms: boolean, abs: boolean): Reply {
  const e = c.db.find(key);
  if (e === undefined) return -2;
  if (e.exp === 0) return -1;
  const exp = expiryOf(e);
  if (typeof exp === "bigint") {
    // past 2^53 ms: exactly, as Redis's long long arithmetic
    const ttl = abs ? exp : exp - BigInt(c.db.now());
    return ms ? ttl : (ttl + 500n) / 1000n;
  }
  let ttl = abs ? exp : exp - c.db.now();
  if (ttl < 0) ttl = 0;
  return ms ? ttl : Math.floor((ttl + 500) / 1000);
}

function persist(c: ClientState, argv: string[]): Reply {
  const e = c.db.lookupWrite(argv[1]);
  if (e === undefined || e.exp === 0) return 0;
  c.db.persist(e);
  c.db.modified(argv[1]);
  return 1;
}

function copyValue(e: Entry): Entry["v"] {
  return typeof e.v === "string" ? e.v : e.v.copy();
}

function renameGeneric(c: ClientState, argv: string[], nx: boolean): Reply {
  const db = c.db;
  const [, src, dst] = argv;
  const e = db.lookupWrite(src);
  if (e === undefined) return ERR_NO_SUCH_KEY;
  if (src === dst) return nx ? 0 : OK;
  const exp = expiryOf(e);
  if (db.lookupWrite(dst) !== undefined) {
    if (nx) return 0;
    db.delete(dst);
  }
  const ne = db.add(dst, e.v);
  ne.enc = e.enc;
  ne.lru = e.lru;
  if (exp !== 0) db.setExpire(ne, exp);
  db.delete(src);
  db.modified(src);
  db.modified(dst);
  return nx ? 1 : OK;
}

function dbByIndex(c: ClientState, id: number): Db | undefined {
  const dbs = c.db.host as unknown as { dbs: Db[] };
  return id >= 0 && id < dbs.dbs.length ? dbs.dbs[id] : undefined;
}

function move(c: ClientState, argv: string[]): Reply {
  const src = c.db;
  const id = int32Arg(argv[2]);
  if (id instanceof ErrorReply) return id;
  const dst = dbByIndex(c, id);
  if (dst === undefined) return ERR_DB_RANGE;
  if (dst === src) return ERR_SAME_OBJECT;
  const key = argv[1];
  const e = src.lookupWrite(key);
  if (e === undefined) return 0;
  if (dst.lookupWrite(key) !== undefined) return 0;
  const ne = dst.add(key, e.v);
  ne.enc = e.enc;
  if (e.exp !== 0) dst.setExpire(ne, expiryOf(e));
  src.delete(key);
  src.modified(key);
  dst.modified(key);
  return 1;
}

function copy(c: ClientState, argv: string[]): Reply {
  const src = c.db;
  let dst = src;
  let replace = false;
  for (let j = 3; j < argv.length; j++) {
    const o = argv[j].toLowerCase();
    if (o === "replace") replace = true;
    else if (o === "db" && j + 1 < argv.length) {
      const id = parseLLNum(argv[j + 1]);
      if (id === undefined) return ERR_NOT_INT;
      const d = dbByIndex(c, id);
      if (d === undefined) return ERR_DB_RANGE;
      dst = d;
      j++;
    } else return ERR_SYNTAX;
  }
  const [, key, newkey] = argv;
  if (src === dst && key === newkey) return ERR_SAME_OBJECT;
  const e = src.lookupRead(key, c.noTouch);
  if (e === undefined) return 0;
  let del = false;
  if (dst.lookupWrite(newkey) !== undefined) {
    if (!replace) return 0;
    del = true;
  }
  const v = copyValue(e);
  if (del) dst.delete(newkey);
  const ne = dst.add(newkey, v);
  ne.enc = e.enc;
  if (e.exp !== 0) dst.setExpire(ne, expiryOf(e));
  dst.modified(newkey);
  return 1;
}

function keys(c: ClientState, argv: string[]): Reply {
  const pat = argv[1];
  const all = pat === "*";
  const out: string[] = [];
  const db = c.db;
  const now = db.now();
  for (const e of db.dict.values()) {
    if (e.exp !== 0 && e.exp <= now) continue;
    if (all || globMatch(pat, e.key)) out.push(e.key);
  }
  return out;
}

/** parseScanCursorOrReply: strtoul semantics ("" is 0, "+5" is 5, overflow is an error). */
export function parseScanCursor(s: string): number | ErrorReply {
  if (s.length > 0 && /^[\s]/.test(s)) return err("ERR invalid cursor");
  const m = /^([+-]?)(\d*)$/.exec(s);
  if (!m) return err("ERR invalid cursor");
  if (m[2] === "") return m[1] === "" ? 0 : err("ERR invalid cursor");
  const v = BigInt(m[2]);
  if (v > 18446744073709551615n) return err("ERR invalid cursor");
  const u = m[1] === "-" && v !== 0n ? 18446744073709551616n - v : v;
  return u > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(u);
}

export interface ScanOptions {
  count: number;
  pattern: string | undefined;
  type: string | undefined;
}

/** The options of SCAN/HSCAN/SSCAN/ZSCAN (`allowType` only for SCAN). */
export function parseScanOptions(argv: string[], from: number, allowType: boolean): ScanOptions | ErrorReply {
  const o: ScanOptions = { count: 10, pattern: undefined, type: undefined };
  for (let i = from; i < argv.length;) {
    const left = argv.length - i;
    const a = argv[i].toLowerCase();
    if (a === "count" && left >= 2) {
      const n = parseLLNum(argv[i + 1]);
      if (n === undefined) return ERR_NOT_INT;
      if (n < 1) return ERR_SYNTAX;
      o.count = n;
      i += 2;
    } else if (a === "match" && left >= 2) {
      o.pattern = argv[i + 1] === "*" ? undefined : argv[i + 1];
      i += 2;
    } else if (a === "type" && allowType && left >= 2) {
      o.type = argv[i + 1];
      i += 2;
    } else return ERR_SYNTAX;
  }
  return o;
}

function scan(c: ClientState, argv: string[]): Reply {
  const cursor = parseScanCursor(argv[1]);
  if (cursor instanceof ErrorReply) return cursor;
  const o = parseScanOptions(argv, 2, true);
  if (o instanceof ErrorReply) return o;
  const db = c.db;
  const found: Entry[] = [];
  const next = db.scan(cursor, o.count, (e) => found.push(e));
  const out: string[] = [];
  for (const e of found) {
    if (o.pattern !== undefined && !globMatch(o.pattern, e.key)) continue;
    if (o.type !== undefined && typeOf(e.v) !== o.type.toLowerCase()) continue;
    if (db.find(e.key) === undefined) continue;
    out.push(e.key);
  }
  return [String(next), out];
}

function randomkey(c: ClientState): Reply {
  return c.db.randomKey() ?? null;
}

function objectEncoding(c: ClientState, argv: string[]): Reply {
  const e = c.db.find(argv[2]);
  if (e === undefined) return null;
  return typeof e.v === "string" ? stringEncoding(e) : e.v.encoding();
}

function lfuPolicy(c: ClientState): boolean {
  const ex = c.db.host as unknown as { config: { get(n: string): string | undefined } };
  return (ex.config.get("maxmemory-policy") ?? "").endsWith("lfu");
}

function objectFreq(c: ClientState, argv: string[]): Reply {
  const e = c.db.find(argv[2]);
  if (e === undefined) return null;
  if (!lfuPolicy(c)) {
    return err(
      "ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.",
    );
  }
  return lfuDecr(e, c.db.host.lruClock, c.db.host.lfuDecayTime);
}

function objectIdletime(c: ClientState, argv: string[]): Reply {
  const e = c.db.find(argv[2]);
  if (e === undefined) return null;
  if (lfuPolicy(c)) {
    return err(
      "ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.",
    );
  }
  return Math.max(0, Math.floor((c.db.host.lruClock - e.lru) / 1000));
}

function objectRefcount(c: ClientState, argv: string[]): Reply {
  const e = c.db.find(argv[2]);
  if (e === undefined) return null;
  return refcountOf(c, e);
}

/** An object's refcount: shared integers (0..9999, unless an LRU/LFU maxmemory) are INT_MAX. */
export function refcountOf(c: ClientState, e: Entry): number {
  if (typeof e.v === "string" && stringEncoding(e) === "int") {
    const n = Number(e.v);
    const ex = c.db.host as unknown as { config: { maxmemory: number; get(n: string): string | undefined } };
    const policy = ex.config.get("maxmemory-policy") ?? "";
    const shared = ex.config.maxmemory === 0 || !/lru|lfu/.test(policy);
    if (shared && n >= 0 && n < 10000) return 2147483647;
  }
  return 1;
}

const OBJECT_HELP = [
  "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "ENCODING <key>",
  "    Return the kind of internal representation used in order to store the value",
  "    associated with a <key>.",
  "FREQ <key>",
  "    Return the access frequency index of the <key>. The returned integer is",
  "    proportional to the logarithm of the recent access frequency of the key.",
  "IDLETIME <key>",
  "    Return the idle time of the <key>, that is the approximated number of",
  "    seconds elapsed since the last access to the key.",
  "REFCOUNT <key>",
  "    Return the number of references of the value associated with the specified",
  "    <key>.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

const K1: [number, number, number] = [1, 1, 1];
const range1 = { lastkey: 0, step: 1, limit: 0 };
const spec = (flags: string, extra: Partial<KeySpec> = {}): KeySpec[] => [
  { flags, begin: 1, find: range1, ...extra },
];

function expireDef(name: string, relative: boolean, seconds: boolean): CommandDef {
  return {
    name,
    arity: -3,
    flags: ["write", "fast"],
    keys: K1,
    acl: ["keyspace"],
    keySpecs: spec("RW update"),
    handler: (c, a) => expireGeneric(c, a, relative, seconds),
  };
}

function ttlDef(name: string, ms: boolean, abs: boolean): CommandDef {
  return {
    tips: abs ? undefined : ["nondeterministic_output"],
    name,
    arity: 2,
    flags: ["readonly", "fast"],
    keys: K1,
    acl: ["keyspace"],
    keySpecs: spec("RO access"),
    handler: (c, a) => ttlGeneric(c, a[1], ms, abs),
  };
}

function objectSub(name: string, handler: CommandDef["handler"]): CommandDef {
  return {
    name,
    arity: 3,
    flags: ["readonly"],
    keys: [2, 2, 1],
    acl: ["keyspace"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RO", begin: 2, find: range1 }],
    handler,
  };
}

export const keyCommands: CommandDef[] = [
  {
    name: "del",
    arity: -2,
    flags: ["write"],
    keys: [1, -1, 1],
    acl: ["keyspace"],
    tips: ["request_policy:multi_shard", "response_policy:agg_sum"],
    keySpecs: [{ flags: "RM delete", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
    handler: del,
  },
  {
    name: "unlink",
    arity: -2,
    flags: ["write", "fast"],
    keys: [1, -1, 1],
    acl: ["keyspace"],
    tips: ["request_policy:multi_shard", "response_policy:agg_sum"],
    keySpecs: [{ flags: "RM delete", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
    handler: del,
  },
  {
    name: "exists",
    arity: -2,
    flags: ["readonly", "fast"],
    keys: [1, -1, 1],
    acl: ["keyspace"],
    tips: ["request_policy:multi_shard", "response_policy:agg_sum"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
    handler: exists,
  },
  {
    name: "touch",
    arity: -2,
    flags: ["readonly", "fast"],
    keys: [1, -1, 1],
    acl: ["keyspace"],
    tips: ["request_policy:multi_shard", "response_policy:agg_sum"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
    handler: touch,
  },
  {
    name: "type",
    arity: 2,
    flags: ["readonly", "fast"],
    keys: K1,
    acl: ["keyspace"],
    keySpecs: spec("RO"),
    handler: typeCmd,
  },
  expireDef("expire", true, true),
  expireDef("pexpire", true, false),
  expireDef("expireat", false, true),
  expireDef("pexpireat", false, false),
  ttlDef("ttl", false, false),
  ttlDef("pttl", true, false),
  ttlDef("expiretime", false, true),
  ttlDef("pexpiretime", true, true),
  {
    name: "persist",
    arity: 2,
    flags: ["write", "fast"],
    keys: K1,
    acl: ["keyspace"],
    keySpecs: spec("RW update"),
    handler: persist,
  },
  {
    name: "rename",
    arity: 3,
    flags: ["write"],
    keys: [1, 2, 1],
    acl: ["keyspace"],
    keySpecs: [
      { flags: "RW access delete", begin: 1, find: range1 },
      { flags: "OW update", begin: 2, find: range1 },
    ],
    handler: (c, a) => renameGeneric(c, a, false),
  },
  {
    name: "renamenx",
    arity: 3,
    flags: ["write", "fast"],
    keys: [1, 2, 1],
    acl: ["keyspace"],
    keySpecs: [
      { flags: "RW access delete", begin: 1, find: range1 },
      { flags: "OW insert", begin: 2, find: range1 },
    ],
    handler: (c, a) => renameGeneric(c, a, true),
  },
  {
    name: "move",
    arity: 3,
    flags: ["write", "fast"],
    keys: K1,
    acl: ["keyspace"],
    keySpecs: spec("RW access update"),
    handler: move,
  },
  {
    name: "copy",
    arity: -3,
    flags: ["write", "denyoom"],
    keys: [1, 2, 1],
    acl: ["keyspace"],
    keySpecs: [
      { flags: "RO access", begin: 1, find: range1 },
      { flags: "OW update", begin: 2, find: range1 },
    ],
    handler: copy,
  },
  {
    name: "keys",
    arity: 2,
    flags: ["readonly"],
    acl: ["keyspace", "dangerous"],
    tips: ["request_policy:all_shards", "nondeterministic_output_order"],
    handler: keys,
  },
  {
    name: "scan",
    arity: -2,
    flags: ["readonly"],
    acl: ["keyspace"],
    tips: ["nondeterministic_output", "request_policy:special"],
    handler: scan,
  },
  {
    name: "randomkey",
    arity: 1,
    flags: ["readonly"],
    acl: ["keyspace"],
    tips: ["request_policy:all_shards", "nondeterministic_output"],
    handler: randomkey,
  },
  {
    name: "object",
    arity: -2,
    flags: [],
    subcommands: [
      objectSub("encoding", objectEncoding),
      objectSub("freq", objectFreq),
      objectSub("idletime", objectIdletime),
      objectSub("refcount", objectRefcount),
      {
        name: "help",
        arity: 2,
        flags: ["loading", "stale"],
        acl: ["keyspace"],
        handler: () => OBJECT_HELP,
      },
    ],
  },
];
