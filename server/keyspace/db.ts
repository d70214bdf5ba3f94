// One Redis database: key -> Entry (value, expiry, LRU stamp, encoding hint), lazy expiry on
// access, slot array for SCAN cursors and RANDOMKEY, the set of keys with a TTL for active
// expiry, and WATCH bookkeeping. Knows nothing of commands or sockets.

import type { ClientState } from "../client.js";

/** A non-string value (hash, list, set, zset, stream). Types live in server/types/. */
export interface DataValue {
  /** What TYPE prints. */
  readonly type: "list" | "hash" | "set" | "zset" | "stream";
  /** What OBJECT ENCODING prints ("listpack", "quicklist", "hashtable", "intset", "skiplist"…). */
  encoding(): string;
  /** A deep copy (COPY). */
  copy(): DataValue;
}

/** A stored value: a byte string (latin1 JS string) or a typed value. */
export type Value = string | DataValue;

/** String encodings we must remember because they can't be told from the bytes. */
export const ENC_AUTO = 0;
export const ENC_RAW = 1;
export const ENC_EMBSTR = 2;

export class Entry {
  /** Absolute expiry in ms since the epoch; 0 = persistent. */
  exp = 0;
  /** Index in Db.slots (SCAN cursor position). */
  slot = -1;
  /** ENC_* for strings. */
  enc = ENC_AUTO;
  /** LFU counter (OBJECT FREQ under an LFU policy); LFU_INIT_VAL for new keys. */
  lfu = 5;
  constructor(
    readonly key: string,
    public v: Value,
    /** Last access (ms, from the keyspace clock) for OBJECT IDLETIME. */
    public lru: number,
  ) {}
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The exact expiry of entries whose expiry in ms is past 2^53 (PEXPIREAT k 9223372036854775807). */
const hugeExpiry = new WeakMap<Entry, bigint>();

/** An entry's absolute expiry in ms, exactly (0: persistent). */
export function expiryOf(e: Entry): number | bigint {
  if (e.exp > Number.MAX_SAFE_INTEGER) {
    const x = hugeExpiry.get(e);
    if (x !== undefined) return x;
  }
  return e.exp;
}

/** LFUDecrAndReturn: the counter after decaying one step per lfu-decay-time minutes idle. */
export function lfuDecr(e: Entry, now: number, decayMinutes: number): number {
  const idleMin = Math.floor((now - e.lru) / 60000);
  const periods = decayMinutes > 0 ? Math.floor(idleMin / decayMinutes) : 0;
  return periods > e.lfu ? 0 : e.lfu - periods;
}

/** LFULogIncr: logarithmic, probabilistic increment (saturates at 255). */
function lfuLogIncr(counter: number, factor: number): number {
  if (counter === 255) return 255;
  const base = counter - 5 < 0 ? 0 : counter - 5;
  const p = 1 / (base * factor + 1);
  return Math.random() < p ? counter + 1 : counter;
}

export function typeOf(v: Value): string {
  return typeof v === "string" ? "string" : v.type;
}

/** OBJECT ENCODING of a string value, as tryObjectEncoding would have stored it. */
export function stringEncoding(e: Entry): string {
  if (e.enc === ENC_RAW) return "raw";
  if (e.enc === ENC_EMBSTR) return "embstr";
  const s = e.v as string;
  if (s.length <= 20 && /^(?:0|-?[1-9][0-9]*)$/.test(s)) {
    const n = BigInt(s);
    if (n <= 9223372036854775807n && n >= -9223372036854775808n) return "int";
  }
  return s.length <= 44 ? "embstr" : "raw";
}

/** Shared clock and hooks every Db of a keyspace sees. */
export interface DbHost {
  /** Cached ms clock, refreshed by the server cron (Redis's LRU clock). */
  lruClock: number;
  /** Count of changes since start (INFO rdb_changes_since_last_save). */
  dirty: number;
  stats: { expiredKeys: number; keyspaceHits: number; keyspaceMisses: number };
  /** Set while a script runs: expiry uses the script's start time, as Redis does. */
  frozenTime: number;
  /** True under an LFU maxmemory-policy: accesses bump the LFU counter. */
  lfuMode: boolean;
  lfuLogFactor: number;
  lfuDecayTime: number;
  /** proto-max-bulk-len: the longest string APPEND/SETRANGE may build. */
  readonly protoMaxBulkLen: number;
  /** A key in `Db.blockingKeys` was added, written, deleted or flushed (signalKeyAsReady). */
  keyReady(db: Db, key: string): void;
  /** Client-side caching is in use: modified and expired keys are reported to keyInvalidated. */
  readonly trackingActive: boolean;
  /** trackingInvalidateKey: the key was modified (or expired) in some db. */
  keyInvalidated(key: string, expired: boolean): void;
  /** Clients are paused (CLIENT PAUSE): expired keys are reported missing but not deleted. */
  paused(): boolean;
}

interface WatchEntry {
  clients: Set<ClientState>;
}

export class Db {
  readonly dict = new Map<string, Entry>();
  /** Entries that have a TTL. */
  readonly expires = new Set<Entry>();
  /** SCAN positions: a slot keeps its entry until deleted; holes are reused. */
  private slots: (Entry | undefined)[] = [];
  private freeSlots: number[] = [];
  /** Keys WATCHed by clients. */
  readonly watched = new Map<string, WatchEntry>();
  /** Keys some client is blocked on (kept by server/blocking.ts): writes to them signal the host. */
  readonly blockingKeys = new Set<string>();
  /** INFO keyspace avg_ttl: a running estimate kept by the active expire cycle, as Redis's. */
  avgTtl = 0;
  /** Rolling iterator over `expires` for the active expire cycle. */
  private expireIter: Iterator<Entry> | undefined;

  constructor(
    readonly id: number,
    readonly host: DbHost,
  ) {}

  get size(): number {
    return this.dict.size;
  }

  now(): number {
    return this.host.frozenTime || Date.now();
  }

  /** True when the entry's TTL has passed (without deleting it). */
  isExpired(e: Entry): boolean {
    return e.exp !== 0 && e.exp <= this.now();
  }

  /**
   * The live entry for a key, deleting it first if it has expired (expireIfNeeded). Does not
   * touch LRU or stats: lookupRead/lookupWrite do.
   */
  find(key: string): Entry | undefined {
    const e = this.dict.get(key);
    if (e === undefined) return undefined;
    if (e.exp !== 0 && e.exp <= this.now()) {
      // while clients are paused the dataset stays as it is: the key only looks gone
      if (!this.host.paused()) this.expireEntry(e);
      return undefined;
    }
    return e;
  }

  /** lookupKeyRead: live entry, counts a hit or miss, stamps LRU unless `noTouch`. */
  lookupRead(key: string, noTouch = false): Entry | undefined {
    const e = this.find(key);
    if (e === undefined) {
      this.host.stats.keyspaceMisses++;
      return undefined;
    }
    this.host.stats.keyspaceHits++;
    if (!noTouch) this.touch(e);
    return e;
  }

  /** lookupKeyWrite: live entry, stamps LRU, no stats. */
  lookupWrite(key: string): Entry | undefined {
    const e = this.find(key);
    if (e !== undefined) this.touch(e);
    return e;
  }

  /** updateLFU / LRU stamp on access. */
  private touch(e: Entry): void {
    const h = this.host;
    if (h.lfuMode) {
      e.lfu = lfuLogIncr(lfuDecr(e, h.lruClock, h.lfuDecayTime), h.lfuLogFactor);
    }
    e.lru = h.lruClock;
  }

  /** Raw access, ignoring expiry (for SCAN/KEYS style iteration and internals). */
  peek(key: string): Entry | undefined {
    return this.dict.get(key);
  }

  /** Adds a key that must not exist (dbAdd). */
  add(key: string, v: Value): Entry {
    const e = new Entry(key, v, this.host.lruClock);
    this.dict.set(key, e);
    this.takeSlot(e);
    if (this.blockingKeys.size !== 0 && this.blockingKeys.has(key)) this.host.keyReady(this, key);
    return e;
  }

  /**
   * setKey: creates or overwrites the value; the TTL is cleared unless keepTtl. Returns the
   * entry. Does not signal: call `modified(key)` after a write.
   */
  set(key: string, v: Value, keepTtl = false): Entry {
    const old = this.dict.get(key);
    if (old === undefined) return this.add(key, v);
    if (old.exp !== 0 && old.exp <= this.now()) {
      this.expireEntry(old);
      return this.add(key, v);
    }
    old.v = v;
    old.enc = ENC_AUTO;
    old.lru = this.host.lruClock;
    if (!keepTtl && old.exp !== 0) this.persist(old);
    return old;
  }

  /** Removes a key; true when it existed (expired keys count as absent). */
  delete(key: string): boolean {
    const e = this.dict.get(key);
    if (e === undefined) return false;
    if (e.exp !== 0 && e.exp <= this.now()) {
      this.expireEntry(e);
      return false;
    }
    this.removeEntry(e);
    return true;
  }

  removeEntry(e: Entry): void {
    this.dict.delete(e.key);
    if (e.exp !== 0) this.expires.delete(e);
    this.slots[e.slot] = undefined;
    this.freeSlots.push(e.slot);
    e.slot = -1;
    if (this.blockingKeys.size !== 0 && this.blockingKeys.has(e.key)) this.host.keyReady(this, e.key);
  }

  /** deleteExpiredKeyAndPropagate: removes an expired key; WATCHers see a modification. */
  private expireEntry(e: Entry): void {
    this.removeEntry(e);
    this.host.stats.expiredKeys++;
    if (this.watched.size !== 0) this.touchWatched(e.key);
    if (this.host.trackingActive) this.host.keyInvalidated(e.key, true);
  }

  private takeSlot(e: Entry): void {
    const s = this.freeSlots.pop();
    if (s !== undefined) {
      this.slots[s] = e;
      e.slot = s;
    } else {
      e.slot = this.slots.length;
      this.slots.push(e);
    }
  }

  /**
   * Sets an absolute expiry in ms. Redis keeps any long long: one past 2^53 is kept exactly
   * beside the entry (`expiryOf`), its double serving the comparisons with now.
   */
  setExpire(e: Entry, when: number | bigint): void {
    if (e.exp === 0) this.expires.add(e);
    else if (e.exp > Number.MAX_SAFE_INTEGER) hugeExpiry.delete(e);
    if (typeof when === "bigint") {
      e.exp = Number(when);
      if (when > MAX_SAFE) hugeExpiry.set(e, when);
    } else e.exp = when;
  }

  persist(e: Entry): void {
    if (e.exp !== 0) {
      this.expires.delete(e);
      if (e.exp > Number.MAX_SAFE_INTEGER) hugeExpiry.delete(e);
      e.exp = 0;
    }
  }

  /** signalModifiedKey + server.dirty: marks WATCHers dirty. Call after every write. */
  modified(key: string, changes = 1): void {
    this.host.dirty += changes;
    if (this.watched.size !== 0) this.touchWatched(key);
    if (this.host.trackingActive) this.host.keyInvalidated(key, false);
    if (this.blockingKeys.size !== 0 && this.blockingKeys.has(key)) this.host.keyReady(this, key);
  }

  /** Signals every key clients block on (FLUSHDB, FLUSHALL, SWAPDB change them all at once). */
  private signalAllBlocking(): void {
    for (const key of this.blockingKeys) this.host.keyReady(this, key);
  }

  /**
   * touchWatchedKey: marks the key's watchers dirty, except a watcher that saw the key already
   * expired at WATCH time while it is now gone (logically no change; that watch forgets it).
   */
  touchWatched(key: string): void {
    const w = this.watched.get(key);
    if (w === undefined) return;
    for (const c of w.clients) {
      const wk = c.watched.find((x) => x.db === this && x.key === key);
      if (wk !== undefined && wk.expiredAtWatch) {
        if (!this.dict.has(key)) {
          wk.expiredAtWatch = false;
          continue;
        }
      }
      c.dirtyCas = true;
    }
  }

  /** Marks every watcher of a key that exists here (FLUSHDB, FLUSHALL, SWAPDB). */
  touchAllWatched(other?: Db): void {
    for (const [key, w] of this.watched) {
      if (this.dict.has(key) || (other !== undefined && other.dict.has(key))) {
        for (const c of w.clients) c.dirtyCas = true;
      }
    }
  }

  /** Empties the database (FLUSHDB); returns how many keys it held. */
  clear(): number {
    const n = this.dict.size;
    this.dict.clear();
    this.expires.clear();
    this.slots = [];
    this.freeSlots = [];
    this.expireIter = undefined;
    this.avgTtl = 0;
    if (this.blockingKeys.size !== 0) this.signalAllBlocking();
    return n;
  }

  /** Swaps contents with another Db (SWAPDB); watchers stay with their db number. */
  swapWith(other: Db): void {
    const fields = ["dict", "expires", "slots", "freeSlots", "expireIter", "avgTtl"] as const;
    for (const f of fields) {
      const a = (this as any)[f];
      (this as any)[f] = (other as any)[f];
      (other as any)[f] = a;
    }
    if (this.blockingKeys.size !== 0) this.signalAllBlocking();
    if (other.blockingKeys.size !== 0) other.signalAllBlocking();
  }

  /**
   * One step of a SCAN over the keyspace: visits slots from `cursor` until `count` keys are
   * gathered or 10*count slots were looked at; returns the next cursor (0 when done).
   */
  scan(cursor: number, count: number, visit: (e: Entry) => void): number {
    const slots = this.slots;
    let i = cursor;
    let found = 0;
    let looked = 0;
    const maxLook = count * 10;
    while (i < slots.length && found < count && looked < maxLook) {
      const e = slots[i++];
      looked++;
      if (e !== undefined) {
        visit(e);
        found++;
      }
    }
    return i >= slots.length ? 0 : i;
  }

  /** A random live key (RANDOMKEY), or undefined when empty. Deletes expired keys it meets. */
  randomKey(): string | undefined {
    for (let tries = 0; this.dict.size > 0; tries++) {
      let e: Entry | undefined;
      if (tries < 64 && this.slots.length <= this.dict.size * 4) {
        e = this.slots[Math.floor(Math.random() * this.slots.length)];
        if (e === undefined) continue;
      } else {
        let k = Math.floor(Math.random() * this.dict.size);
        for (const x of this.dict.values()) if (k-- === 0) e = x;
      }
      if (e === undefined) continue;
      if (this.isExpired(e)) {
        // If every key is volatile and expired, give up like Redis (after enough tries) by
        // returning one of them anyway would be wrong: delete it and go on. While clients are
        // paused nothing is deleted (Redis would spin forever if every key were expired).
        if (this.host.paused()) {
          if (tries > 1000) return undefined;
          continue;
        }
        this.expireEntry(e);
        continue;
      }
      return e.key;
    }
    return undefined;
  }

  /**
   * Active expiry for this db: looks at up to `sample` keys with a TTL (continuing where the
   * last call stopped) and deletes the expired ones. Returns [looked, expired].
   */
  activeExpire(sample: number, now: number): [number, number] {
    if (this.expires.size === 0) return [0, 0];
    let looked = 0;
    let expired = 0;
    let restarted = false;
    let ttlSum = 0;
    let ttlSamples = 0;
    while (looked < sample) {
      if (this.expireIter === undefined) this.expireIter = this.expires.values();
      const r = this.expireIter.next();
      if (r.done) {
        this.expireIter = undefined;
        if (restarted) break;
        restarted = true;
        continue;
      }
      looked++;
      const e = r.value;
      if (e.exp !== 0 && e.exp <= now) {
        this.expireEntry(e);
        expired++;
      } else {
        ttlSum += e.exp - now;
        ttlSamples++;
      }
    }
    if (ttlSamples > 0) {
      const avg = Math.floor(ttlSum / ttlSamples);
      if (this.avgTtl === 0) this.avgTtl = avg;
      this.avgTtl = Math.floor(this.avgTtl / 50) * 49 + Math.floor(avg / 50);
    }
    return [looked, expired];
  }
}
