// SORT and SORT_RO (sort.c): lists, sets and sorted sets sorted by value or ALPHA, by weights
// found through BY patterns (`*` substituted, `->field` for hash fields), GET patterns, LIMIT
// (pqsort.c's partial sort with BY: server/util/pqsort.ts) and STORE into a list.

import type { ClientState } from "../client.js";
import { err, ErrorReply, type Reply } from "../reply.js";
import { strtod } from "../../runtime/number.js";
import type { HashValue } from "../types/hash.js";
import { ListValue } from "../types/list.js";
import type { SetValue } from "../types/set.js";
import type { ZSetValue } from "../types/zset.js";
import { pqsort } from "../util/pqsort.js";
import { DEC_RE, plainDecimal } from "../util/numbers.js";
import type { KeyRef } from "./getkeys.js";
import { cstr, ERR_SYNTAX, is, limitArgs, WRONGTYPE } from "./helpers.js";
import type { CommandDef } from "./table.js";

const ERR_NOT_DOUBLE = err("ERR One or more scores can't be converted into double");

/**
 * redisSortObject: the element, and its weight (score, or cmpobj for ALPHA). A class, not an
 * object literal: when `score` first holds a fraction (or
 * `cmpobj` a string) the literal's map was deprecated, and every object made from it afterwards
 * was migrated on first access, a SORT of 1,000 elements taking ~1 ms instead of ~0.15.
 */
class SortObject {
  score = 0;
  cmpobj: string | undefined = undefined;
  constructor(readonly obj: string) {}
}

/**
 * lookupKeyByPattern: "#" is the element itself; else the first `*` of the pattern (as a C
 * string) becomes the element and the key is read, a string, or with `->field` after the `*`
 * the field of a hash. undefined for no `*`, a missing key or field, or another type.
 */
function lookupByPattern(c: ClientState, pattern: string, subst: string): string | undefined {
  if (pattern.charCodeAt(0) === 35 /* # */ && (pattern.length === 1 || pattern.charCodeAt(1) === 0))
    return subst;
  const cpat = cstr(pattern);
  const p = cpat.indexOf("*");
  if (p < 0) return undefined;
  // strstr(p+1, "->") with something after the arrow; the field runs to the pattern's end
  const f = cpat.indexOf("->", p + 1);
  const field = f >= 0 && f + 2 < cpat.length ? pattern.slice(f + 2) : undefined;
  const postfixEnd = field === undefined ? pattern.length : f;
  const key = pattern.slice(0, p) + subst + pattern.slice(p + 1, postfixEnd);
  const e = c.db.lookupRead(key, c.noTouch);
  if (e === undefined) return undefined;
  const v = e.v;
  if (field !== undefined)
    return typeof v !== "string" && v.type === "hash" ? (v as HashValue).get(field) : undefined;
  return typeof v === "string" ? v : undefined;
}

const DBL_MIN = 2.2250738585072014e-308;

/**
 * A weight as sortCommandGeneric reads it: strtod over the C string, which must be consumed to
 * its end, without ERANGE (overflow, or an underflow that loses digits) and not NaN. undefined
 * when it can't be converted. Spaces before the number, hex and inf are strtod's.
 */
function sortScore(s: string): number | undefined {
  const v = plainDecimal(s);
  if (v !== undefined) return v;
  if (DEC_RE.test(s)) return checkRange(s, Number(s));
  const cs = cstr(s);
  const { value, end } = strtod(cs);
  if (end !== cs.length || Number.isNaN(value)) return undefined;
  const text = cs.slice(0, end).trimStart();
  if (/^[+-]?i/i.test(text)) return value; // inf, infinity
  return checkRange(text, value);
}

/**
 * glibc strtod's ERANGE: an infinite result of finite digits, or a result below DBL_MIN that is
 * not exact (a decimal never is, unless zero; a hex one when its digits fit the subnormal's).
 */
function checkRange(text: string, v: number): number | undefined {
  if (!Number.isFinite(v)) return undefined;
  if (Math.abs(v) >= DBL_MIN) return v;
  const hex = /^[+-]?0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?\d+))?$/.exec(text);
  if (hex === null) return /[1-9]/.test(text.replace(/[eE].*$/, "")) ? undefined : v;
  const m = BigInt("0x0" + hex[1] + hex[2]);
  if (m === 0n) return v;
  // m * 2^e is exact as a subnormal when it is a whole multiple of 2^-1074
  const e = (hex[3] === undefined ? 0 : Number(hex[3])) - 4 * hex[2].length;
  if (e >= -1074) return v;
  const k = -1074 - e;
  return k > 4 * (hex[1].length + hex[2].length) + 64 || m % (1n << BigInt(k)) !== 0n ? undefined : v;
}

/**
 * compareStringObjects: memcmp order, a prefix first (latin1 strings compare as bytes). strcoll,
 * which ALPHA uses without STORE, is strcmp on the C strings: redis-server sets LC_COLLATE from
 * the environment, and in C or C.UTF-8 (glibc's codepoint collation) that is byte order.
 */
function compareBinary(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// sortCompare, one function per mode (server.sort_alpha/sort_desc). Numeric: by score, equal
// scores by the elements' bytes, so the result is deterministic. ALPHA: by cmpobj, the weight
// (BY) or the element, kept as the bytes the comparison sees (C strings for strcoll, whole with
// STORE); elements without a weight come first.
function compareNumeric(a: SortObject, b: SortObject): number {
  if (a.score > b.score) return 1;
  if (a.score < b.score) return -1;
  return compareBinary(a.obj, b.obj);
}

function compareAlpha(a: SortObject, b: SortObject): number {
  const x = a.cmpobj;
  const y = b.cmpobj;
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * vector sorted as Array#sort with compareNumeric (or its reverse) sorts it, by a merge sort of
 * indices with the comparison inlined: Array#sort calling a comparator cost ~190 µs for 1,000
 * elements, more than Redis's whole SORT. Stability does not show here: two elements equal
 * under compareNumeric are the same bytes, so reading the ascending order backwards is DESC.
 */
function sortNumeric(vector: SortObject[], desc: boolean): SortObject[] {
  const n = vector.length;
  const score = new Float64Array(n);
  let a = new Int32Array(n);
  let b = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = vector[i].score;
    a[i] = i;
  }
  // x after y: a greater score, or an equal one and greater bytes
  const after = (x: number, y: number): boolean =>
    score[x] > score[y] || (score[x] === score[y] && vector[x].obj > vector[y].obj);
  // insertion sort of runs of 8, then merges of runs (taking from the left run on ties)
  for (let lo = 0; lo < n; lo += 8) {
    const hi = lo + 8 < n ? lo + 8 : n;
    for (let i = lo + 1; i < hi; i++) {
      const x = a[i];
      let j = i - 1;
      while (j >= lo && after(a[j], x)) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }
  for (let w = 8; w < n; w *= 2) {
    for (let lo = 0; lo < n; lo += 2 * w) {
      const mid = lo + w < n ? lo + w : n;
      const hi = lo + 2 * w < n ? lo + 2 * w : n;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) b[k++] = after(a[i], a[j]) ? a[j++] : a[i++];
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
    }
    const t = a;
    a = b;
    b = t;
  }
  const out = new Array<SortObject>(n);
  for (let k = 0; k < n; k++) out[k] = vector[a[desc ? n - 1 - k : k]];
  return out;
}

const reversed =
  (f: (a: SortObject, b: SortObject) => number) =>
  (a: SortObject, b: SortObject): number =>
    -f(a, b);

const item = (obj: string): SortObject => new SortObject(obj);

/** sortCommandGeneric. */
function sortGeneric(c: ClientState, argv: string[], readonly: boolean): Reply {
  let desc = false;
  let alpha = false;
  let limitStart = 0;
  let limitCount = -1;
  let dontsort = false;
  let sortby: string | undefined;
  let storekey: string | undefined;
  const gets: string[] = [];

  // The SORT command has an SQL-alike syntax, parse it
  for (let j = 2; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const a = cstr(argv[j]);
    if (is(a, "asc")) desc = false;
    else if (is(a, "desc")) desc = true;
    else if (is(a, "alpha")) alpha = true;
    else if (is(a, "limit") && left >= 2) {
      const sn = limitArgs(argv, j);
      if (sn instanceof ErrorReply) return sn;
      [limitStart, limitCount] = sn;
      j += 2;
    } else if (!readonly && is(a, "store") && left >= 1) {
      storekey = argv[++j];
    } else if (is(a, "by") && left >= 1) {
      sortby = argv[++j];
      // a BY pattern without '*' is constant: nothing to sort, no weights to look up
      if (!cstr(sortby).includes("*")) dontsort = true;
    } else if (is(a, "get") && left >= 1) {
      gets.push(argv[++j]);
    } else return ERR_SYNTAX;
  }

  const e = c.db.lookupRead(argv[1], c.noTouch);
  const v = e?.v;
  if (
    v !== undefined &&
    (typeof v === "string" || (v.type !== "list" && v.type !== "set" && v.type !== "zset"))
  ) {
    return WRONGTYPE;
  }
  const type = v === undefined ? "list" : v.type;

  // A set read with no sort at all would answer in its hash order: STORE and scripts (whose
  // effects replicate) get it sorted ALPHA instead.
  if (dontsort && type === "set" && (storekey !== undefined || c.fake)) {
    dontsort = false;
    alpha = true;
    sortby = undefined;
  }
  // Destructively convert encoded sorted sets for SORT.
  if (type === "zset") (v as ZSetValue).convert();

  const size =
    v === undefined ? 0 : type === "list" ? (v as ListValue).length : (v as SetValue | ZSetValue).size;
  // LIMIT sanity checks, clamped to the size (no overflow)
  let start = Math.min(Math.max(limitStart, 0), size);
  const count = Math.min(Math.max(limitCount, -1), size);
  let end = count < 0 ? size - 1 : start + count - 1;
  if (start >= size) {
    start = size - 1;
    end = size - 2;
  }
  if (end >= size) end = size - 1;

  // Lists and sorted sets with nothing to sort load just the range, in their order (DESC reverses)
  let vector: SortObject[];
  if (dontsort && (type === "list" || type === "zset")) {
    const len = start !== 0 || end !== size - 1 ? end - start + 1 : size;
    vector = [];
    if (type === "list") {
      if (end >= start && v !== undefined) {
        const l = v as ListValue;
        for (let i = 0; i < len; i++) vector.push(item(l.get(desc ? size - start - 1 - i : start + i)));
        end -= start;
        start = 0;
      }
    } else {
      // from the rank where the range starts, along the skiplist (backward for DESC)
      const z = v as ZSetValue;
      let x = len > 0 ? z.at(desc ? size - start - 1 : start) : null;
      for (let i = 0; i < len && x !== null; i++) {
        vector.push(item(x.member));
        x = desc ? x.backward : x.next[0];
      }
      end -= start;
      start = 0;
    }
  } else if (v === undefined) {
    vector = [];
  } else if (type === "list") {
    vector = (v as ListValue).toArray().map(item);
  } else if (type === "set") {
    vector = (v as SetValue).members.map(item);
  } else {
    vector = (v as ZSetValue).nodes.map((x) => item(x.member));
  }

  if (!dontsort) {
    let bad = false;
    const whole = storekey !== undefined;
    for (const so of vector) {
      const byval = sortby !== undefined ? lookupByPattern(c, sortby, so.obj) : so.obj;
      if (byval === undefined) continue;
      if (alpha) {
        so.cmpobj = whole ? byval : cstr(byval);
      } else {
        const score = sortScore(byval);
        if (score === undefined) bad = true;
        else so.score = score;
      }
    }
    if (bad) return ERR_NOT_DOUBLE;
    const base = alpha ? compareAlpha : compareNumeric;
    const cmp = desc ? reversed(base) : base;
    // qsort is glibc's merge sort (stable, as Array.prototype.sort); BY with LIMIT sorts partially
    if (sortby !== undefined && (start !== 0 || end !== vector.length - 1)) pqsort(vector, cmp, start, end);
    else if (!alpha) vector = sortNumeric(vector, desc);
    else vector.sort(cmp);
  }

  const rows = end - start + 1;
  const outputlen = gets.length > 0 ? gets.length * rows : rows;
  if (storekey === undefined) {
    const out: Reply[] = [];
    for (let j = start; j <= end; j++) {
      const obj = vector[j].obj;
      if (gets.length === 0) out.push(obj);
      for (const g of gets) out.push(lookupByPattern(c, g, obj) ?? null);
    }
    return out;
  }
  const list = new ListValue(outputlen);
  for (let j = start; j <= end; j++) {
    const obj = vector[j].obj;
    if (gets.length === 0) list.pushBack(obj);
    for (const g of gets) list.pushBack(lookupByPattern(c, g, obj) ?? "");
  }
  if (outputlen > 0) {
    c.db.set(storekey, list);
    c.db.modified(storekey, outputlen);
  } else if (c.db.delete(storekey)) {
    c.db.modified(storekey);
  }
  return outputlen;
}

/** sortGetKeys: the sorted key, and the last STORE's key (options skip their arguments). */
export function sortKeyRefs(argv: string[]): KeyRef[] {
  const keys: KeyRef[] = [{ pos: 1, flags: "RO access" }];
  let store: KeyRef | undefined;
  for (let i = 2; i < argv.length; i++) {
    const a = cstr(argv[i]);
    if (is(a, "limit")) i += 2;
    else if (is(a, "get") || is(a, "by")) i += 1;
    else if (is(a, "store") && i + 1 < argv.length) store = { pos: i + 1, flags: "OW update" };
  }
  if (store !== undefined) keys.push(store);
  return keys;
}

/** sortROGetKeys: just the sorted key. */
const sortROKeyRefs = (): KeyRef[] => [{ pos: 1, flags: "RO access" }];

const SORTED_KEY_SPEC = { flags: "RO access", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } };
const BY_GET_KEY_SPEC = {
  notes:
    "For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort",
  flags: "RO access",
  begin: "unknown",
  find: "unknown",
} as const;

export const sortCommands: CommandDef[] = [
  {
    name: "sort",
    arity: -2,
    flags: ["write", "denyoom"],
    keys: [1, 1, 1],
    acl: ["set", "sortedset", "list", "dangerous"],
    keySpecs: [
      SORTED_KEY_SPEC,
      BY_GET_KEY_SPEC,
      {
        notes:
          "For the optional STORE keyword. It is marked 'unknown' because the keyword can appear anywhere in the argument array",
        flags: "OW update",
        begin: "unknown",
        find: "unknown",
      },
    ],
    handler: (c, a) => sortGeneric(c, a, false),
    getKeys: (a) => sortKeyRefs(a).map((k) => k.pos),
    getKeyRefs: sortKeyRefs,
  },
  {
    name: "sort_ro",
    arity: -2,
    flags: ["readonly"],
    keys: [1, 1, 1],
    acl: ["set", "sortedset", "list", "dangerous"],
    keySpecs: [SORTED_KEY_SPEC, BY_GET_KEY_SPEC],
    handler: (c, a) => sortGeneric(c, a, true),
    getKeys: () => [1],
    getKeyRefs: sortROKeyRefs,
  },
];
