// What command handlers share: WRONGTYPE and other common errors, typed-value access with the
// type check (readValue / writeValue), argument parsing that replies in Redis's words, and small
// option parsers. Data-type command files (hashes, lists, sets, zsets) build on these.

import type { ClientState } from "../client.js";
import type { DataValue, Entry } from "../keyspace/db.js";
import { err, ErrorReply, type Reply } from "../reply.js";
import { ERR_NOT_FLOAT, ERR_NOT_INT, parseDouble, parseLL, parseLLNum } from "../util/numbers.js";

export { ERR_NOT_INT, ERR_NOT_FLOAT, ERR_SYNTAX } from "../util/numbers.js";

export const WRONGTYPE = err("WRONGTYPE Operation against a key holding the wrong kind of value");
export const ERR_NO_SUCH_KEY = err("ERR no such key");
export const ERR_OUT_OF_RANGE = err("ERR index out of range");

/**
 * The typed value at `key` for a read (lookupKeyRead: lazy expiry, hit/miss stats, LRU):
 * undefined when absent, the WRONGTYPE reply when it holds another type.
 */
export function readValue<T extends DataValue>(
  c: ClientState,
  key: string,
  type: T["type"],
): T | undefined | ErrorReply {
  const e = c.db.lookupRead(key, c.noTouch);
  if (e === undefined) return undefined;
  const v = e.v;
  if (typeof v === "string" || v.type !== type) return WRONGTYPE;
  return v as T;
}

/**
 * The typed value at `key` for a write (lookupKeyWrite), created with `create()` and added to the
 * db when absent (pass no `create` to get undefined instead). WRONGTYPE when another type.
 * After changing it, call `c.db.modified(key)`; when it becomes empty, `c.db.delete(key)`.
 */
export function writeValue<T extends DataValue>(
  c: ClientState,
  key: string,
  type: T["type"],
  create?: () => T,
): T | undefined | ErrorReply {
  const e = c.db.lookupWrite(key);
  if (e === undefined) {
    if (create === undefined) return undefined;
    const v = create();
    c.db.add(key, v);
    return v;
  }
  const v = e.v;
  if (typeof v === "string" || v.type !== type) return WRONGTYPE;
  return v as T;
}

/** The string at `key` for a read: undefined when absent, WRONGTYPE for other types. */
export function readString(c: ClientState, key: string): string | undefined | ErrorReply {
  const e = c.db.lookupRead(key, c.noTouch);
  if (e === undefined) return undefined;
  return typeof e.v === "string" ? e.v : WRONGTYPE;
}

/** The entry at `key` for a write when it holds a string (or is absent), else WRONGTYPE. */
export function writeStringEntry(c: ClientState, key: string): Entry | undefined | ErrorReply {
  const e = c.db.lookupWrite(key);
  if (e !== undefined && typeof e.v !== "string") return WRONGTYPE;
  return e;
}

export function isError(r: unknown): r is ErrorReply {
  return r instanceof ErrorReply;
}

/** getLongLongFromObjectOrReply: an int64 as a JS number (approximate beyond 2^53). */
export function intArg(s: string, e: ErrorReply = ERR_NOT_INT): number | ErrorReply {
  const v = parseLLNum(s);
  return v === undefined ? e : v;
}

/** `LIMIT offset count` at argv[j] (the word itself): the two integers, or the first error. */
export function limitArgs(argv: readonly string[], j: number): [number, number] | ErrorReply {
  const offset = intArg(argv[j + 1]);
  if (offset instanceof ErrorReply) return offset;
  const count = intArg(argv[j + 2]);
  if (count instanceof ErrorReply) return count;
  return [offset, count];
}

/** An exact int64 (number when safe, bigint beyond). */
export function int64Arg(s: string, e: ErrorReply = ERR_NOT_INT): number | bigint | ErrorReply {
  const v = parseLL(s);
  return v === undefined ? e : v;
}

/** getPositiveLongFromObjectOrReply / range-checked integers with a custom message. */
export function rangeIntArg(s: string, min: number, max: number, msg: string): number | ErrorReply {
  const v = parseLLNum(s);
  if (v === undefined) return ERR_NOT_INT;
  if (v < min || v > max) return err(`ERR ${msg}`);
  return v;
}

/** getDoubleFromObjectOrReply. */
export function doubleArg(s: string, e: ErrorReply = ERR_NOT_FLOAT): number | ErrorReply {
  const v = parseDouble(s);
  return v === undefined ? e : v;
}

/** The C string view of a byte string: Redis's %s and strcasecmp stop at the first NUL. */
export function cstr(s: string): string {
  const i = s.indexOf("\0");
  return i < 0 ? s : s.slice(0, i);
}

/** Case-insensitive compare of an argument with an ASCII keyword (lowercase). */
export function is(arg: string, lowerWord: string): boolean {
  return arg.length === lowerWord.length && (arg === lowerWord || arg.toLowerCase() === lowerWord);
}

/** Formats a reply for an integer result that may exceed 2^53. */
export function intReply(v: number | bigint): Reply {
  return v;
}
