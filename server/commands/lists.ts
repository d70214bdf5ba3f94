// List commands (t_list.c): LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LLEN LRANGE LINDEX LSET LINSERT
// LREM LTRIM LPOS RPOPLPUSH LMOVE LMPOP, on the ListValue deque (server/types/list.ts). The
// blocking forms (BLPOP…) belong to the blocking-commands module.

import type { ClientState } from "../client.js";
import { err, ErrorReply, NIL_ARRAY, OK, type Reply } from "../reply.js";
import { ListValue } from "../types/list.js";
import { positiveArg, rangeArg, writeOrCreate } from "./collections.js";
import { genericGetKeys } from "./getkeys.js";
import {
  ERR_NO_SUCH_KEY,
  ERR_OUT_OF_RANGE,
  ERR_SYNTAX,
  intArg,
  is,
  readValue,
  writeValue,
} from "./helpers.js";
import type { CommandDef } from "./table.js";

const HEAD = 0;
const TAIL = 1;
const newList = (): ListValue => new ListValue();
const ERR_RANK_ZERO = err(
  "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
);
const ERR_COUNT_NEG = err("ERR COUNT can't be negative");
const ERR_MAXLEN_NEG = err("ERR MAXLEN can't be negative");
const ERR_NUMKEYS = err("ERR numkeys should be greater than 0");
const ERR_COUNT_POSITIVE = err("ERR count should be greater than 0");
/** No upper bound for rangeArg (LONG_MAX in Redis). */
const NO_MAX = Number.MAX_VALUE;

function pushGeneric(c: ClientState, argv: string[], where: number, xx: boolean): Reply {
  const key = argv[1];
  let l: ListValue | ErrorReply | undefined;
  if (xx) {
    l = writeValue<ListValue>(c, key, "list");
    if (l === undefined) return 0;
  } else l = writeOrCreate<ListValue>(c, key, "list", newList);
  if (l instanceof ErrorReply) return l;
  if (where === HEAD) for (let i = 2; i < argv.length; i++) l.pushFront(argv[i]);
  else for (let i = 2; i < argv.length; i++) l.pushBack(argv[i]);
  c.db.modified(key, argv.length - 2);
  return l.length;
}

/** Removes the key when its list became empty, and signals the change. */
function afterPop(c: ClientState, key: string, l: ListValue, changes = 1): void {
  if (l.length === 0) c.db.delete(key);
  c.db.modified(key, changes);
}

function popGeneric(c: ClientState, argv: string[], where: number): Reply {
  if (argv.length > 3)
    return err(`ERR wrong number of arguments for '${where === HEAD ? "lpop" : "rpop"}' command`);
  let count = -1;
  if (argv.length === 3) {
    const n = positiveArg(argv[2]);
    if (n instanceof ErrorReply) return n;
    count = n;
  }
  const key = argv[1];
  const l = writeValue<ListValue>(c, key, "list");
  if (l === undefined) return count === -1 ? null : NIL_ARRAY;
  if (l instanceof ErrorReply) return l;
  if (count === 0) return [];
  if (count === -1) {
    const v = where === HEAD ? l.popFront() : l.popBack();
    afterPop(c, key, l);
    return v as string;
  }
  const n = Math.min(count, l.length);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = (where === HEAD ? l.popFront() : l.popBack()) as string;
  afterPop(c, key, l, n);
  return out;
}

function llen(c: ClientState, argv: string[]): Reply {
  const l = readValue<ListValue>(c, argv[1], "list");
  if (l instanceof ErrorReply) return l;
  return l === undefined ? 0 : l.length;
}

function lindex(c: ClientState, argv: string[]): Reply {
  const l = readValue<ListValue>(c, argv[1], "list");
  if (l === undefined) return null;
  if (l instanceof ErrorReply) return l;
  const i = intArg(argv[2]);
  if (i instanceof ErrorReply) return i;
  const idx = i < 0 ? l.length + i : i;
  return idx >= 0 && idx < l.length ? l.get(idx) : null;
}

function lset(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const l = writeValue<ListValue>(c, key, "list");
  if (l === undefined) return ERR_NO_SUCH_KEY;
  if (l instanceof ErrorReply) return l;
  const i = intArg(argv[2]);
  if (i instanceof ErrorReply) return i;
  const idx = i < 0 ? l.length + i : i;
  if (idx < 0 || idx >= l.length) return ERR_OUT_OF_RANGE;
  l.set(idx, argv[3]);
  c.db.modified(key);
  return OK;
}

function lrange(c: ClientState, argv: string[]): Reply {
  const s = intArg(argv[2]);
  if (s instanceof ErrorReply) return s;
  const e = intArg(argv[3]);
  if (e instanceof ErrorReply) return e;
  const l = readValue<ListValue>(c, argv[1], "list");
  if (l === undefined) return [];
  if (l instanceof ErrorReply) return l;
  const n = l.length;
  let start = s < 0 ? n + s : s;
  let end = e < 0 ? n + e : e;
  if (start < 0) start = 0;
  if (start > end || start >= n) return [];
  if (end >= n) end = n - 1;
  return l.range(start, end);
}

function ltrim(c: ClientState, argv: string[]): Reply {
  const s = intArg(argv[2]);
  if (s instanceof ErrorReply) return s;
  const e = intArg(argv[3]);
  if (e instanceof ErrorReply) return e;
  const key = argv[1];
  const l = writeValue<ListValue>(c, key, "list");
  if (l === undefined) return OK;
  if (l instanceof ErrorReply) return l;
  const n = l.length;
  let start = s < 0 ? n + s : s;
  let end = e < 0 ? n + e : e;
  if (start < 0) start = 0;
  let removed: number;
  if (start > end || start >= n) {
    removed = n;
    c.db.delete(key);
  } else {
    if (end >= n) end = n - 1;
    removed = n - (end - start + 1);
    l.trim(start, end);
  }
  c.db.modified(key, removed);
  return OK;
}

function linsert(c: ClientState, argv: string[]): Reply {
  let after: boolean;
  if (is(argv[2], "after")) after = true;
  else if (is(argv[2], "before")) after = false;
  else return ERR_SYNTAX;
  const key = argv[1];
  const l = writeValue<ListValue>(c, key, "list");
  if (l === undefined) return 0;
  if (l instanceof ErrorReply) return l;
  const i = l.indexOf(argv[3]);
  if (i < 0) return -1;
  l.insertAt(after ? i + 1 : i, argv[4]);
  c.db.modified(key);
  return l.length;
}

function lrem(c: ClientState, argv: string[]): Reply {
  const count = intArg(argv[2]);
  if (count instanceof ErrorReply) return count;
  const key = argv[1];
  const l = writeValue<ListValue>(c, key, "list");
  if (l === undefined) return 0;
  if (l instanceof ErrorReply) return l;
  const removed = l.removeValue(argv[3], count);
  if (removed > 0) afterPop(c, key, l, removed);
  return removed;
}

function lpos(c: ClientState, argv: string[]): Reply {
  let rank = 1;
  let count = -1;
  let maxlen = 0;
  let rankWraps = false;
  for (let j = 3; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (is(argv[j], "rank") && more) {
      const r = intArg(argv[++j]);
      if (r instanceof ErrorReply) return r;
      rankWraps = argv[j] === "-9223372036854775808";
      if (r === 0) return ERR_RANK_ZERO;
      rank = r;
    } else if (is(argv[j], "count") && more) {
      const n = positiveArg(argv[++j], ERR_COUNT_NEG);
      if (n instanceof ErrorReply) return n;
      count = n;
    } else if (is(argv[j], "maxlen") && more) {
      const n = positiveArg(argv[++j], ERR_MAXLEN_NEG);
      if (n instanceof ErrorReply) return n;
      maxlen = n;
    } else return ERR_SYNTAX;
  }
  const l = readValue<ListValue>(c, argv[1], "list");
  if (l === undefined) return count !== -1 ? [] : null;
  if (l instanceof ErrorReply) return l;
  const ele = argv[2];
  const n = l.length;
  const out: number[] = [];
  let want = count === 0 ? Infinity : count === -1 ? 1 : count;
  let skip = Math.abs(rank) - 1;
  if (rankWraps) {
    // Redis negates LONG_MIN and wraps: no match is skipped and COUNT stops limiting.
    skip = 0;
    if (count > 0) want = Infinity;
  }
  const limit = maxlen === 0 ? n : Math.min(n, maxlen);
  for (let k = 0; k < limit && out.length < want; k++) {
    const i = rank > 0 ? k : n - 1 - k;
    if (l.get(i) === ele) {
      if (skip > 0) skip--;
      else out.push(i);
    }
  }
  if (count !== -1) return out;
  return out.length > 0 ? out[0] : null;
}

function wherefrom(s: string): number | ErrorReply {
  if (is(s, "left")) return HEAD;
  if (is(s, "right")) return TAIL;
  return ERR_SYNTAX;
}

function lmoveGeneric(c: ClientState, argv: string[], from: number, to: number): Reply {
  const src = argv[1];
  const dst = argv[2];
  const s = writeValue<ListValue>(c, src, "list");
  if (s === undefined) return null;
  if (s instanceof ErrorReply) return s;
  let d = writeValue<ListValue>(c, dst, "list");
  if (d instanceof ErrorReply) return d;
  const v = (from === HEAD ? s.popFront() : s.popBack()) as string;
  if (d === undefined) {
    d = newList();
    c.db.add(dst, d);
  }
  if (to === HEAD) d.pushFront(v);
  else d.pushBack(v);
  c.db.modified(dst);
  if (s.length === 0) c.db.delete(src);
  c.db.modified(src);
  return v;
}

function lmove(c: ClientState, argv: string[]): Reply {
  const from = wherefrom(argv[3]);
  if (from instanceof ErrorReply) return from;
  const to = wherefrom(argv[4]);
  if (to instanceof ErrorReply) return to;
  return lmoveGeneric(c, argv, from, to);
}

function lmpop(c: ClientState, argv: string[]): Reply {
  const numkeys = rangeArg(argv[1], 1, NO_MAX, ERR_NUMKEYS);
  if (numkeys instanceof ErrorReply) return numkeys;
  const whereIdx = 1 + numkeys + 1;
  if (whereIdx >= argv.length) return ERR_SYNTAX;
  const where = wherefrom(argv[whereIdx]);
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
  if (count === -1) count = 1;
  for (let k = 2; k < whereIdx; k++) {
    const key = argv[k];
    const l = writeValue<ListValue>(c, key, "list");
    if (l === undefined) continue;
    if (l instanceof ErrorReply) return l;
    const n = Math.min(count, l.length);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = (where === HEAD ? l.popFront() : l.popBack()) as string;
    afterPop(c, key, l, n);
    return [key, out];
  }
  return NIL_ARRAY;
}

export const listCommands: CommandDef[] = [
  {
    name: "lpush",
    arity: -3,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => pushGeneric(c, a, HEAD, false),
  },
  {
    name: "rpush",
    arity: -3,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => pushGeneric(c, a, TAIL, false),
  },
  {
    name: "lpushx",
    arity: -3,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => pushGeneric(c, a, HEAD, true),
  },
  {
    name: "rpushx",
    arity: -3,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => pushGeneric(c, a, TAIL, true),
  },
  {
    name: "lpop",
    arity: -2,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => popGeneric(c, a, HEAD),
  },
  {
    name: "rpop",
    arity: -2,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => popGeneric(c, a, TAIL),
  },
  {
    name: "llen",
    arity: 2,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: llen,
  },
  {
    name: "lrange",
    arity: 4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: lrange,
  },
  {
    name: "lindex",
    arity: 3,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: lindex,
  },
  {
    name: "lset",
    arity: 4,
    flags: ["write", "denyoom"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: lset,
  },
  {
    name: "linsert",
    arity: 5,
    flags: ["write", "denyoom"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW insert", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: linsert,
  },
  {
    name: "lrem",
    arity: 4,
    flags: ["write"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: lrem,
  },
  {
    name: "ltrim",
    arity: 4,
    flags: ["write"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: ltrim,
  },
  {
    name: "lpos",
    arity: -3,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["list"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: lpos,
  },
  {
    name: "rpoplpush",
    arity: 3,
    flags: ["write", "denyoom"],
    keys: [1, 2, 1],
    acl: ["list"],
    keySpecs: [
      { flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RW insert", begin: 2, find: { lastkey: 0, step: 1, limit: 0 } },
    ],
    handler: (c, a) => lmoveGeneric(c, a, TAIL, HEAD),
  },
  {
    name: "lmove",
    arity: 5,
    flags: ["write", "denyoom"],
    keys: [1, 2, 1],
    acl: ["list"],
    keySpecs: [
      { flags: "RW access delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } },
      { flags: "RW insert", begin: 2, find: { lastkey: 0, step: 1, limit: 0 } },
    ],
    handler: lmove,
  },
  {
    name: "lmpop",
    arity: -4,
    flags: ["write"],
    acl: ["list"],
    keySpecs: [{ flags: "RW access delete", begin: 1, find: { keynumidx: 0, firstkey: 1, step: 1 } }],
    handler: lmpop,
    getKeys: genericGetKeys(0, 1, 2),
  },
];
