// What the hash, list, set and sorted-set command files share: the encoding limits of the
// client's server, Redis's range-checked integer replies (getRangeLongFromObjectOrReply,
// getPositiveLongFromObjectOrReply), the SCAN-family reply, and the RESP3 pair nesting rule.

import type { ClientState } from "../client.js";
import { err, ErrorReply, type Reply } from "../reply.js";
import { limitsOf, type TypeLimits } from "../types/limits.js";
import { parseLLNum } from "../util/numbers.js";
import { executorOf } from "./connection.js";
import type { DataValue } from "../keyspace/db.js";
import { ERR_NOT_INT, writeValue } from "./helpers.js";

export const ERR_NOT_POSITIVE = err("ERR value is out of range, must be positive");
export const ERR_OUT_OF_RANGE_PLAIN = err("ERR value is out of range");
const ERR_RANGE_LONG = err(
  "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
);
/** The reply SCAN-family commands give for a missing key. */
export const EMPTY_SCAN: Reply = ["0", []];

/** lookupKeyWrite, creating the value with `create()` when the key is absent (WRONGTYPE else). */
export function writeOrCreate<T extends DataValue>(
  c: ClientState,
  key: string,
  type: T["type"],
  create: () => T,
): T | ErrorReply {
  return writeValue<T>(c, key, type, create) as T | ErrorReply;
}

export function limits(c: ClientState): TypeLimits {
  return limitsOf(executorOf(c).config);
}

/** "ERR wrong number of arguments for 'NAME' command" for arity rules the table can't express. */
export function wrongArgs(name: string): ErrorReply {
  return err(`ERR wrong number of arguments for '${name}' command`);
}

/**
 * getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX): the count of HRANDFIELD/SRANDMEMBER/
 * ZRANDMEMBER. Only LLONG_MIN is out of that range.
 */
export function countArg(s: string): number | ErrorReply {
  const v = parseLLNum(s);
  if (v === undefined) return ERR_NOT_INT;
  if (s === "-9223372036854775808") return ERR_RANGE_LONG;
  return v;
}

/** WITHVALUES/WITHSCORES counts must stay within +-LONG_MAX/2 (`s` already parsed as an integer). */
export function outOfHalfRange(s: string): boolean {
  const b = BigInt(s);
  return b < -4611686018427387903n || b > 4611686018427387903n;
}

/**
 * getPositiveLongFromObjectOrReply: a non-negative integer; anything else (not an integer, or
 * negative) answers `msg`, Redis's "value is out of range, must be positive" by default.
 */
export function positiveArg(s: string, msg: ErrorReply = ERR_NOT_POSITIVE): number | ErrorReply {
  const v = parseLLNum(s);
  if (v === undefined || v < 0) return msg;
  return v;
}

/** getRangeLongFromObjectOrReply(min, max, msg): an integer within [min, max], else `msg`. */
export function rangeArg(s: string, min: number, max: number, msg: ErrorReply): number | ErrorReply {
  const v = parseLLNum(s);
  if (v === undefined || v < min || v > max) return msg;
  return v;
}

/**
 * Builds a reply of (a, b) pairs the way Redis writes WITHSCORES / WITHVALUES: a flat array in
 * RESP2, an array of two-element arrays in RESP3.
 */
export class PairsBuilder {
  readonly out: Reply[] = [];
  constructor(private readonly nested: boolean) {}
  add(a: Reply, b: Reply): void {
    if (this.nested) this.out.push([a, b]);
    else this.out.push(a, b);
  }
}

export function pairs(c: ClientState): PairsBuilder {
  return new PairsBuilder(c.resp === 3);
}

export function isErr(x: unknown): x is ErrorReply {
  return x instanceof ErrorReply;
}

/** Distinct random indexes below `size` (0 < count < size), in random order. */
export function sampleIndexes(size: number, count: number): number[] {
  const out: number[] = [];
  if (count * 3 > size) {
    const idx = new Array<number>(size);
    for (let i = 0; i < size; i++) idx[i] = i;
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(Math.random() * (size - i));
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      out.push(idx[i]);
    }
    return out;
  }
  const seen = new Set<number>();
  while (out.length < count) {
    const j = Math.floor(Math.random() * size);
    if (!seen.has(j)) {
      seen.add(j);
      out.push(j);
    }
  }
  return out;
}
