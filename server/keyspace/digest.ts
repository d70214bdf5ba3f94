// DEBUG DIGEST and DIGEST-VALUE (debug.c's computeDatasetDigest / xorObjectDigest): a SHA1 per
// key and value, mixed where order matters (list elements, stream entries) and XORed where it
// does not (keys, set members, hash fields, sorted set members), so two servers holding the
// same data give the same hex signature. Expired keys not yet removed count, as in Redis.

import { createHash } from "node:crypto";
import { formatG } from "../../runtime/number.js";
import type { Db, Entry } from "./db.js";
import type { HashValue } from "../types/hash.js";
import type { ListValue } from "../types/list.js";
import type { SetValue } from "../types/set.js";
import type { ZSetValue } from "../types/zset.js";
import { ID_MAX, MASK64, type StreamValue } from "../types/stream.js";

/** OBJ_STRING … OBJ_STREAM, as server.h numbers them. */
const TYPE_CODES: Record<string, number> = { string: 0, list: 1, set: 2, zset: 3, hash: 4, stream: 6 };

function sha1(data: Uint8Array): Buffer {
  return createHash("sha1").update(data).digest();
}

/** xorDigest: digest ^= SHA1(data). */
function xorDigest(digest: Uint8Array, data: Uint8Array): void {
  const h = sha1(data);
  for (let j = 0; j < 20; j++) digest[j] ^= h[j];
}

/** mixDigest: digest = SHA1(digest ^ SHA1(data)), so order matters. */
function mixDigest(digest: Uint8Array, data: Uint8Array): void {
  xorDigest(digest, data);
  digest.set(sha1(digest));
}

const bytes = (s: string): Buffer => Buffer.from(s, "latin1");

function uint32BE(n: number): Uint8Array {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** A sorted set score as the digest prints it ("%.17g"). */
function scoreText(score: number): string {
  return formatG(score, 17);
}

/** xorObjectDigest: mixes the value of `e` (its type, contents and whether it has a TTL). */
export function xorObjectDigest(digest: Uint8Array, e: Entry): void {
  const v = e.v;
  const type = typeof v === "string" ? "string" : v.type;
  mixDigest(digest, uint32BE(TYPE_CODES[type]));
  if (typeof v === "string") mixDigest(digest, bytes(v));
  else if (v.type === "list") {
    const l = v as ListValue;
    for (let i = 0; i < l.length; i++) mixDigest(digest, bytes(l.get(i)));
  } else if (v.type === "set") {
    for (const m of (v as SetValue).members) xorDigest(digest, bytes(m));
  } else if (v.type === "zset") {
    for (const [member, node] of (v as ZSetValue).dict) {
      const ele = new Uint8Array(20);
      mixDigest(ele, bytes(member));
      mixDigest(ele, bytes(scoreText(node.score)));
      xorDigest(digest, ele);
    }
  } else if (v.type === "hash") {
    const h = v as HashValue;
    for (let i = 0; i < h.fields.length; i++) {
      const ele = new Uint8Array(20);
      mixDigest(ele, bytes(h.fields[i]));
      mixDigest(ele, bytes(h.values[i]));
      xorDigest(digest, ele);
    }
  } else if (v.type === "stream") {
    for (const se of (v as StreamValue).range(0n, ID_MAX, 0, false)) {
      mixDigest(digest, bytes(`${se.id >> 64n}.${se.id & MASK64}`));
      for (const f of se.fields) mixDigest(digest, bytes(f));
    }
  }
  if (e.exp !== 0) xorDigest(digest, bytes("!!expire!!"));
}

/** computeDatasetDigest over every db, as lowercase hex. */
export function datasetDigest(dbs: readonly Db[]): string {
  const final = new Uint8Array(20);
  for (const db of dbs) {
    if (db.dict.size === 0) continue;
    mixDigest(final, uint32BE(db.id));
    for (const [key, e] of db.dict) {
      const digest = new Uint8Array(20);
      mixDigest(digest, bytes(key));
      xorObjectDigest(digest, e);
      xorDigest(final, digest);
    }
  }
  return Buffer.from(final).toString("hex");
}

/** DEBUG DIGEST-VALUE: the value's digest (zeros for a missing key), expired or not. */
export function valueDigest(db: Db, key: string): string {
  const digest = new Uint8Array(20);
  const e = db.dict.get(key);
  if (e !== undefined) xorObjectDigest(digest, e);
  return Buffer.from(digest).toString("hex");
}
