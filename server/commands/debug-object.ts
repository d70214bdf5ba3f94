// DEBUG OBJECT <key> (debug.c): "Value at:… refcount:… encoding:… serializedlength:… lru:…
// lru_seconds_idle:…". serializedlength is rdbSavedObjectLen, the bytes the value takes in an
// RDB file, computed from what an RDB writer would emit: strings as rdbSaveRawString (integer
// encoding, LZF over 20 bytes), listpack-encoded hashes and sorted sets as their listpack blob
// (built byte for byte, listpack.c's entry encodings), intsets as their blob, hashtable and
// skiplist encodings element by element. Lists (quicklist nodes depend on the order of past
// pushes, which redlua does not keep) and streams are refused. "Value at" is the entry's
// identity in this process, not a C pointer.

import type { Entry } from "../keyspace/db.js";
import { stringEncoding } from "../keyspace/db.js";
import { saveLen, saveRawString } from "../util/rdb.js";
import type { HashValue } from "../types/hash.js";
import type { SetValue } from "../types/set.js";
import type { ZSetValue } from "../types/zset.js";
import { formatG } from "../../runtime/number.js";
import { parseLL } from "../util/numbers.js";

/** lpEncodeBacklen: the entry length, written backwards so the listpack can be walked back. */
function backlen(l: number): number[] {
  if (l <= 127) return [l];
  if (l < 16383) return [l >> 7, (l & 127) | 128];
  if (l < 2097151) return [l >> 14, ((l >> 7) & 127) | 128, (l & 127) | 128];
  if (l < 268435455) return [l >> 21, ((l >> 14) & 127) | 128, ((l >> 7) & 127) | 128, (l & 127) | 128];
  return [
    Math.floor(l / 2 ** 28),
    ((l >> 21) & 127) | 128,
    ((l >> 14) & 127) | 128,
    ((l >> 7) & 127) | 128,
    (l & 127) | 128,
  ];
}

/** n little-endian bytes of a (two's complement) integer. */
function le(v: bigint, n: number): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(n * 8, v);
  for (let i = 0; i < n; i++) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
  }
  return out;
}

/** One listpack entry (lpEncodeGetType + lpEncodeString/integer, then its backlen). */
function lpEntry(s: string): number[] {
  let enc: number[];
  const n = s.length <= 20 ? parseLL(s) : undefined;
  if (n !== undefined) {
    const v = BigInt(n);
    if (v >= 0n && v <= 127n) enc = [Number(v)];
    else if (v >= -4096n && v <= 4095n) {
      const u = Number(v < 0n ? (1n << 13n) + v : v);
      enc = [(u >> 8) | 0xc0, u & 0xff];
    } else if (v >= -32768n && v <= 32767n) enc = [0xf1, ...le(v, 2)];
    else if (v >= -8388608n && v <= 8388607n) enc = [0xf2, ...le(v, 3)];
    else if (v >= -2147483648n && v <= 2147483647n) enc = [0xf3, ...le(v, 4)];
    else enc = [0xf4, ...le(v, 8)];
  } else {
    const len = s.length;
    const head =
      len < 64 ? [0x80 | len] : len < 4096 ? [(len >> 8) | 0xe0, len & 0xff] : [0xf0, ...le(BigInt(len), 4)];
    enc = head;
    for (let i = 0; i < len; i++) enc.push(s.charCodeAt(i));
  }
  return enc.concat(backlen(enc.length));
}

/** A listpack holding `items` in order: 6-byte header, entries, 0xFF. */
function listpack(items: readonly string[]): Uint8Array {
  const body: number[] = [];
  for (const s of items) for (const b of lpEntry(s)) body.push(b);
  const total = 6 + body.length + 1;
  const count = Math.min(items.length, 65535);
  return Uint8Array.from([...le(BigInt(total), 4), ...le(BigInt(count), 2), ...body, 0xff]);
}

/** d2string: a sorted set score as the listpack stores it. */
function scoreString(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v < 0 ? "-inf" : "inf";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  if (v > -4503599627370495 && v < 4503599627370496 && Number.isInteger(v)) return String(v);
  return formatG(v, 17);
}

const latin1 = (s: string): Buffer => Buffer.from(s, "latin1");

/** rdbSaveRawString's length. */
function stringLen(s: string, lzf: boolean): number {
  return saveRawString(latin1(s), lzf).length;
}

/** An intset blob: element width, length, the members in order (little-endian). */
function intsetBlob(members: readonly string[], width: number): Uint8Array {
  const out = [...le(BigInt(width), 4), ...le(BigInt(members.length), 4)];
  for (const m of members) out.push(...le(BigInt(m), width));
  return Uint8Array.from(out);
}

/** rdbSavedObjectLen for the value of `e`, or undefined for lists and streams. */
export function serializedLength(e: Entry, lzf: boolean): number | undefined {
  const v = e.v;
  if (typeof v === "string") return stringLen(v, lzf);
  switch (v.type) {
    case "hash": {
      const h = v as HashValue;
      if (h.listpack) {
        const items: string[] = [];
        for (let i = 0; i < h.fields.length; i++) items.push(h.fields[i], h.values[i]);
        return saveRawString(Buffer.from(listpack(items)), lzf).length;
      }
      let n = saveLen(h.fields.length).length;
      for (let i = 0; i < h.fields.length; i++)
        n += stringLen(h.fields[i], lzf) + stringLen(h.values[i], lzf);
      return n;
    }
    case "set": {
      const s = v as SetValue;
      if (s.intset) return saveRawString(Buffer.from(intsetBlob(s.members, s.intsetWidth)), lzf).length;
      let n = saveLen(s.members.length).length;
      for (const m of s.members) n += stringLen(m, lzf);
      return n;
    }
    case "zset": {
      const z = v as ZSetValue;
      if (z.listpack) {
        const items: string[] = [];
        for (let x = z.zsl.first(); x !== null; x = x.next[0]) items.push(x.member, scoreString(x.score));
        return saveRawString(Buffer.from(listpack(items)), lzf).length;
      }
      // RDB_TYPE_ZSET_2: each member and its score as a binary double
      let n = saveLen(z.size).length;
      for (const member of z.dict.keys()) n += stringLen(member, lzf) + 8;
      return n;
    }
    default:
      return undefined;
  }
}

const ids = new WeakMap<Entry, number>();
let nextId = 1;

/** The status line of DEBUG OBJECT, or undefined when the value's type is not supported. */
export function debugObjectLine(
  e: Entry,
  refcount: number,
  lzf: boolean,
  idleSeconds: number,
): string | undefined {
  const len = serializedLength(e, lzf);
  if (len === undefined) return undefined;
  let id = ids.get(e);
  if (id === undefined) ids.set(e, (id = nextId++));
  const enc = typeof e.v === "string" ? stringEncoding(e) : e.v.encoding();
  const lru = Math.floor(e.lru / 1000) & 0xffffff;
  return (
    `Value at:0x${id.toString(16)} refcount:${refcount} encoding:${enc} serializedlength:${len} ` +
    `lru:${lru} lru_seconds_idle:${idleSeconds}`
  );
}
