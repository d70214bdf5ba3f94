// Stream commands on the stream itself (t_stream.c): XADD XLEN XRANGE XREVRANGE XDEL XTRIM
// XSETID, and what the other stream command files share: ID parsing as Redis reads IDs
// (streamGenericParseIDOrReply, string2ull), entry replies, the stream at a key, node limits.

import type { ClientState } from "../client.js";
import { err, ErrorReply, NIL_ARRAY, OK, type Reply } from "../reply.js";
import {
  formatId,
  ID_MAX,
  idMs,
  idSeq,
  makeId,
  MASK64,
  StreamValue,
  type StreamEntry,
  type StreamID,
  type StreamLimits,
  type TrimStrategy,
} from "../types/stream.js";
import { parseLL, parseLLNum } from "../util/numbers.js";
import { wrongArgs } from "./collections.js";
import { executorOf } from "./connection.js";
import { ERR_NOT_INT, ERR_SYNTAX, is, WRONGTYPE } from "./helpers.js";
import type { CommandDef } from "./table.js";

export const ERR_INVALID_ID = err("ERR Invalid stream ID specified as stream command argument");
const ERR_START_INTERVAL = err("ERR invalid start ID for the interval");
const ERR_END_INTERVAL = err("ERR invalid end ID for the interval");

const SPACE = new Set([" ", "\t", "\n", "\v", "\f", "\r"]);

/**
 * string2ull: string2ll when it fits (negative is invalid), else strtoull over the whole string
 * (leading spaces and a sign accepted, a '-' negates modulo 2^64, overflow invalid).
 */
export function string2ull(s: string): bigint | undefined {
  const v = parseLL(s);
  if (v !== undefined) return v < 0 ? undefined : BigInt(v);
  let i = 0;
  while (i < s.length && SPACE.has(s[i])) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") neg = s[i++] === "-";
  const digits = s.slice(i);
  if (!/^[0-9]+$/.test(digits)) return undefined;
  const n = BigInt(digits);
  if (n > MASK64) return undefined; // ERANGE
  return neg ? (MASK64 + 1n - n) & MASK64 : n;
}

export interface ParsedId {
  id: StreamID;
  /** false for the <ms>-* form */
  seqGiven: boolean;
}

/**
 * streamGenericParseIDOrReply: "-" and "+" (unless strict), <ms>-<seq>, <ms> (seq =
 * `missingSeq`), and <ms>-* when `allowSeqStar`. Undefined when invalid.
 */
export function parseId(
  s: string,
  missingSeq: bigint,
  strict: boolean,
  allowSeqStar = false,
): ParsedId | undefined {
  if (s.length > 127) return undefined;
  if (s === "-") return strict ? undefined : { id: 0n, seqGiven: true };
  if (s === "+") return strict ? undefined : { id: ID_MAX, seqGiven: true };
  const cut = s.indexOf("\0");
  const str = cut < 0 ? s : s.slice(0, cut);
  const dash = str.indexOf("-");
  const ms = string2ull(dash < 0 ? str : str.slice(0, dash));
  if (ms === undefined) return undefined;
  if (dash < 0) return { id: makeId(ms, missingSeq), seqGiven: true };
  const rest = str.slice(dash + 1);
  if (allowSeqStar && rest === "*") return { id: makeId(ms, 0n), seqGiven: false };
  const seq = string2ull(rest);
  if (seq === undefined) return undefined;
  return { id: makeId(ms, seq), seqGiven: true };
}

/** streamParseStrictIDOrReply with seq 0 when missing. */
export function strictIdArg(s: string): StreamID | ErrorReply {
  const p = parseId(s, 0n, true);
  return p === undefined ? ERR_INVALID_ID : p.id;
}

/**
 * streamParseIntervalIDOrReply + the exclusive adjustment: "(" makes the bound exclusive
 * (strictly parsed), moved one ID inwards. `end` selects the missing-seq default and the error.
 */
export function intervalArg(s: string, end: boolean): StreamID | ErrorReply {
  const missing = end ? MASK64 : 0n;
  if (s.length > 1 && s[0] === "(") {
    const p = parseId(s.slice(1), missing, true);
    if (p === undefined) return ERR_INVALID_ID;
    if (end) return p.id === 0n ? ERR_END_INTERVAL : p.id - 1n;
    return p.id === ID_MAX ? ERR_START_INTERVAL : p.id + 1n;
  }
  const p = parseId(s, missing, false);
  return p === undefined ? ERR_INVALID_ID : p.id;
}

/** An entry as XRANGE & co. answer it: [id, [field, value, …]]. */
export function entryReply(e: StreamEntry): Reply {
  return [formatId(e.id), e.fields];
}

/** The stream at `key`: undefined when absent, WRONGTYPE for another type. */
export function streamAt(c: ClientState, key: string, write: boolean): StreamValue | undefined | ErrorReply {
  const e = write ? c.db.lookupWrite(key) : c.db.lookupRead(key, c.noTouch);
  if (e === undefined) return undefined;
  return e.v instanceof StreamValue ? e.v : WRONGTYPE;
}

const limitsCache = new WeakMap<object, StreamLimits>();

/** stream-node-max-bytes and stream-node-max-entries, kept current. */
export function streamLimits(c: ClientState): StreamLimits {
  const config = executorOf(c).config;
  let l = limitsCache.get(config);
  if (l === undefined) {
    const lim: StreamLimits = {
      maxBytes: Number(config.get("stream-node-max-bytes")),
      maxEntries: Number(config.get("stream-node-max-entries")),
    };
    config.onChange((name, value) => {
      if (name === "stream-node-max-bytes") lim.maxBytes = Number(value);
      else if (name === "stream-node-max-entries") lim.maxEntries = Number(value);
    });
    limitsCache.set(config, lim);
    l = lim;
  }
  return l;
}

interface AddTrimArgs {
  /** the argument where the ID is (XADD), or argv.length */
  idpos: number;
  trim: TrimStrategy | undefined;
  approx: boolean;
  /** 0: no limit */
  limit: number;
  id: ParsedId | undefined;
  noMkstream: boolean;
}

/** streamParseAddOrTrimArgsOrReply. */
function parseAddOrTrim(c: ClientState, argv: string[], xadd: boolean): AddTrimArgs | ErrorReply {
  const a: AddTrimArgs = {
    idpos: argv.length,
    trim: undefined,
    approx: false,
    limit: 0,
    id: undefined,
    noMkstream: false,
  };
  let limitGiven = false;
  let i = 2;
  for (; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    const opt = argv[i];
    if (xadd && opt === "*") break;
    if ((is(opt, "maxlen") || is(opt, "minid")) && more) {
      if (a.trim !== undefined) {
        return err("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
      }
      a.approx = false;
      const next = argv[i + 1];
      if (more >= 2 && next === "~") {
        a.approx = true;
        i++;
      } else if (more >= 2 && next === "=") i++;
      if (is(opt, "maxlen")) {
        const n = parseLLNum(argv[i + 1]);
        if (n === undefined) return ERR_NOT_INT;
        if (n < 0) return err("ERR The MAXLEN argument must be >= 0.");
        a.trim = { kind: "maxlen", maxlen: n };
      } else {
        const id = strictIdArg(argv[i + 1]);
        if (id instanceof ErrorReply) return id;
        a.trim = { kind: "minid", minid: id };
      }
      i++;
    } else if (is(opt, "limit") && more) {
      const n = parseLLNum(argv[i + 1]);
      if (n === undefined) return ERR_NOT_INT;
      if (n < 0) return err("ERR The LIMIT argument must be >= 0.");
      a.limit = n;
      limitGiven = true;
      i++;
    } else if (xadd && is(opt, "nomkstream")) {
      a.noMkstream = true;
    } else if (xadd) {
      const p = parseId(opt, 0n, true, true);
      if (p === undefined) return ERR_INVALID_ID;
      a.id = p;
      break;
    } else return ERR_SYNTAX;
  }
  a.idpos = i;
  if (a.limit !== 0 && a.trim === undefined) {
    return err("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
  }
  if (!xadd && a.trim === undefined) {
    return err("ERR syntax error, XTRIM must be called with a trimming strategy");
  }
  if (limitGiven) {
    if (!a.approx) return err("ERR syntax error, LIMIT cannot be used without the special ~ option");
  } else if (a.approx) {
    const l = 100 * streamLimits(c).maxEntries;
    a.limit = l <= 0 || l > 10000 ? 10000 : l;
  } else a.limit = 0;
  return a;
}

function xadd(c: ClientState, argv: string[]): Reply {
  const a = parseAddOrTrim(c, argv, true);
  if (a instanceof ErrorReply) return a;
  const fieldPos = a.idpos + 1;
  const nvals = argv.length - fieldPos;
  if (nvals < 2 || nvals % 2 === 1) return wrongArgs("xadd");
  if (a.id !== undefined && a.id.seqGiven && a.id.id === 0n) {
    return err("ERR The ID specified in XADD must be greater than 0-0");
  }
  const key = argv[1];
  let s = streamAt(c, key, true);
  if (s instanceof ErrorReply) return s;
  if (s === undefined) {
    if (a.noMkstream) return null;
    s = new StreamValue();
    c.db.add(key, s);
  }
  const last = s.lastId;
  if (last === ID_MAX)
    return err("ERR The stream has exhausted the last possible ID, unable to add more items");
  let id: StreamID;
  if (a.id === undefined) {
    // streamNextID: the clock, or one past the last ID when the clock is not ahead.
    const now = BigInt(Date.now());
    id = now > idMs(last) ? makeId(now, 0n) : last + 1n;
  } else if (a.id.seqGiven) id = a.id.id;
  else if (idMs(a.id.id) === idMs(last)) {
    if (idSeq(last) === MASK64) return ERR_XADD_SMALLER;
    id = last + 1n;
  } else id = a.id.id;
  if (id <= last) return ERR_XADD_SMALLER;
  s.append(id, argv.slice(fieldPos), streamLimits(c));
  c.db.modified(key);
  if (a.trim !== undefined) s.trim(a.trim, a.approx, a.limit);
  return formatId(id);
}

const ERR_XADD_SMALLER = err(
  "ERR The ID specified in XADD is equal or smaller than the target stream top item",
);

function xlen(c: ClientState, argv: string[]): Reply {
  const s = streamAt(c, argv[1], false);
  if (s instanceof ErrorReply) return s;
  return s === undefined ? 0 : s.length;
}

/** xrangeGenericCommand. */
function xrange(c: ClientState, argv: string[], rev: boolean): Reply {
  const start = intervalArg(rev ? argv[3] : argv[2], false);
  if (start instanceof ErrorReply) return start;
  const end = intervalArg(rev ? argv[2] : argv[3], true);
  if (end instanceof ErrorReply) return end;
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if (is(argv[j], "count") && argv.length - j - 1 >= 1) {
      const n = parseLLNum(argv[j + 1]);
      if (n === undefined) return ERR_NOT_INT;
      count = n < 0 ? 0 : n;
      j++;
    } else return ERR_SYNTAX;
  }
  const s = streamAt(c, argv[1], false);
  if (s instanceof ErrorReply) return s;
  if (s === undefined) return [];
  if (count === 0) return NIL_ARRAY;
  return s.range(start, end, count === -1 ? 0 : count, rev).map(entryReply);
}

function xdel(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const s = streamAt(c, key, true);
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  const ids: StreamID[] = [];
  for (let j = 2; j < argv.length; j++) {
    const id = strictIdArg(argv[j]);
    if (id instanceof ErrorReply) return id;
    ids.push(id);
  }
  const deleted = s.deleteIds(ids);
  if (deleted !== 0) c.db.modified(key, deleted);
  return deleted;
}

function xtrim(c: ClientState, argv: string[]): Reply {
  const a = parseAddOrTrim(c, argv, false);
  if (a instanceof ErrorReply) return a;
  const key = argv[1];
  const s = streamAt(c, key, true);
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  const deleted = s.trim(a.trim as TrimStrategy, a.approx, a.limit);
  if (deleted !== 0) c.db.modified(key, deleted);
  return deleted;
}

function xsetid(c: ClientState, argv: string[]): Reply {
  const id = strictIdArg(argv[2]);
  if (id instanceof ErrorReply) return id;
  let entriesAdded = -1;
  let maxDeleted = 0n;
  for (let i = 3; i < argv.length; i += 2) {
    const more = argv.length - 1 - i;
    if (is(argv[i], "entriesadded") && more) {
      const n = parseLLNum(argv[i + 1]);
      if (n === undefined) return ERR_NOT_INT;
      if (n < 0) return err("ERR entries_added must be positive");
      entriesAdded = n;
    } else if (is(argv[i], "maxdeletedid") && more) {
      const m = strictIdArg(argv[i + 1]);
      if (m instanceof ErrorReply) return m;
      if (id < m)
        return err("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
      maxDeleted = m;
    } else return ERR_SYNTAX;
  }
  const key = argv[1];
  const s = streamAt(c, key, true);
  if (s === undefined) return err("ERR no such key");
  if (s instanceof ErrorReply) return s;
  if (s.length > 0) {
    if (id < s.lastValid())
      return err("ERR The ID specified in XSETID is smaller than the target stream top item");
    if (entriesAdded !== -1 && s.length > entriesAdded) {
      return err("ERR The entries_added specified in XSETID is smaller than the target stream length");
    }
  }
  s.lastId = id;
  if (entriesAdded !== -1) s.entriesAdded = entriesAdded;
  if (maxDeleted !== 0n) s.maxDeletedId = maxDeleted;
  c.db.modified(key);
  return OK;
}

export const streamCommands: CommandDef[] = [
  {
    name: "xadd",
    arity: -5,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["stream"],
    tips: ["nondeterministic_output"],
    keySpecs: [
      {
        notes: "UPDATE instead of INSERT because of the optional trimming feature",
        flags: "RW update",
        begin: 1,
        find: { lastkey: 0, step: 1, limit: 0 },
      },
    ],
    handler: xadd,
  },
  {
    name: "xlen",
    arity: 2,
    flags: ["readonly", "fast"],
    keys: [1, 1, 1],
    acl: ["stream"],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: xlen,
  },
  {
    name: "xrange",
    arity: -4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["stream"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => xrange(c, a, false),
  },
  {
    name: "xrevrange",
    arity: -4,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["stream"],
    keySpecs: [{ flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: (c, a) => xrange(c, a, true),
  },
  {
    name: "xdel",
    arity: -3,
    flags: ["write", "fast"],
    keys: [1, 1, 1],
    acl: ["stream"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: xdel,
  },
  {
    name: "xtrim",
    arity: -4,
    flags: ["write"],
    keys: [1, 1, 1],
    acl: ["stream"],
    tips: ["nondeterministic_output"],
    keySpecs: [{ flags: "RW delete", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: xtrim,
  },
  {
    name: "xsetid",
    arity: -3,
    flags: ["write", "denyoom", "fast"],
    keys: [1, 1, 1],
    acl: ["stream"],
    keySpecs: [{ flags: "RW update", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: xsetid,
  },
];
