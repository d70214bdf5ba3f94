// The stream value (Redis's t_stream.c / stream.h): entries in nodes that mirror Redis's
// listpack nodes (a master entry, live and deleted-flagged entries, the node's byte size as
// listpack.c would encode it), so new nodes start, approximate trims stop and XINFO STREAM's
// radix tree figures come out where Redis's do; plus the consumer groups with their pending
// entries lists (PEL) and consumers. IDs are 128-bit bigints: ms << 64 | seq.

import type { DataValue } from "../keyspace/db.js";
import { parseLL } from "../util/numbers.js";
import { RaxShape } from "./stream-rax.js";

export type StreamID = bigint;

export const MASK64 = (1n << 64n) - 1n;
export const ID_MAX: StreamID = (1n << 128n) - 1n;
/** SCG_INVALID_ENTRIES_READ */
export const INVALID_ENTRIES_READ = -1;

export function makeId(ms: bigint, seq: bigint): StreamID {
  return (ms << 64n) | seq;
}

export function idMs(id: StreamID): bigint {
  return id >> 64n;
}

export function idSeq(id: StreamID): bigint {
  return id & MASK64;
}

export function formatId(id: StreamID): string {
  return `${id >> 64n}-${id & MASK64}`;
}

/** The 16 big-endian bytes Redis uses as the node's rax key. */
function raxKey(id: StreamID): Uint8Array {
  const b = new Uint8Array(16);
  let v = id;
  for (let i = 15; i >= 0; i--) {
    b[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return b;
}

// ---- listpack sizes (listpack.c lpEncodeGetType / lpEncodeBacklen) ----

function intEncLen(v: bigint | number): number {
  if (v >= 0 && v <= 127) return 1;
  if (v >= -4096 && v <= 4095) return 2;
  if (v >= -32768 && v <= 32767) return 3;
  if (v >= -8388608 && v <= 8388607) return 4;
  if (v >= -2147483648 && v <= 2147483647) return 5;
  return 9;
}

/** An element's bytes: its encoding plus the back-length that follows it. */
function elemSize(enc: number): number {
  if (enc <= 127) return enc + 1;
  if (enc < 16383) return enc + 2;
  if (enc < 2097151) return enc + 3;
  if (enc < 268435455) return enc + 4;
  return enc + 5;
}

function intSize(v: bigint | number): number {
  return elemSize(intEncLen(v));
}

/** A string element: stored as an integer when it reads as one (lpStringToInt64). */
function strSize(s: string): number {
  if (s.length <= 20) {
    const v = parseLL(s);
    if (v !== undefined) return intSize(v);
  }
  const n = s.length;
  return elemSize(n < 64 ? 1 + n : n < 4096 ? 2 + n : 5 + n);
}

/** An unsigned 64-bit difference as the int64 lpAppendInteger stores. */
function asInt64(d: bigint): bigint {
  const u = d & MASK64;
  return u >= 1n << 63n ? u - (1n << 64n) : u;
}

export class StreamEntry {
  deleted = false;
  constructor(
    readonly id: StreamID,
    /** field, value, field, value… */
    readonly fields: string[],
  ) {}
}

/** One listpack node: the master entry's fields and the entries stored after it. */
class StreamNode {
  readonly entries: StreamEntry[] = [];
  /** live entries, and entries flagged deleted (the master entry's count and deleted) */
  count = 0;
  deleted = 0;
  /** bytes of every element but count and deleted (they change size as they grow) */
  private body: number;

  constructor(
    readonly master: StreamID,
    readonly masterFields: string[],
  ) {
    let b = intSize(masterFields.length) + intSize(0);
    for (const f of masterFields) b += strSize(f);
    this.body = b;
  }

  /** lpBytes: header (6), elements, end byte. */
  get bytes(): number {
    return 7 + intSize(this.count) + intSize(this.deleted) + this.body;
  }

  /** Appends an entry as streamAppendItem encodes it (SAMEFIELDS when the fields match). */
  append(e: StreamEntry): void {
    const f = e.fields;
    const n = f.length / 2;
    let same = n === this.masterFields.length;
    for (let i = 0; same && i < n; i++) if (f[2 * i] !== this.masterFields[i]) same = false;
    let b = intSize(same ? 2 : 0);
    b += intSize(asInt64(idMs(e.id) - idMs(this.master)));
    b += intSize(asInt64(idSeq(e.id) - idSeq(this.master)));
    let parts = n + 3;
    if (!same) {
      b += intSize(n);
      for (let i = 0; i < n; i++) b += strSize(f[2 * i]);
      parts += n + 1;
    }
    for (let i = 0; i < n; i++) b += strSize(f[2 * i + 1]);
    b += intSize(parts);
    this.body += b;
    this.entries.push(e);
    this.count++;
  }

  /** The first entry with id >= `id` (entries.length when none). */
  seek(id: StreamID): number {
    const es = this.entries;
    let lo = 0;
    let hi = es.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (es[mid].id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The ID of the last entry stored, deleted or not (lpGetEdgeStreamID). */
  get lastStored(): StreamID {
    return this.entries[this.entries.length - 1].id;
  }

  clone(): StreamNode {
    const n = new StreamNode(this.master, this.masterFields);
    n.body = this.body;
    n.count = this.count;
    n.deleted = this.deleted;
    for (const e of this.entries) {
      const c = new StreamEntry(e.id, e.fields);
      c.deleted = e.deleted;
      n.entries.push(c);
    }
    return n;
  }
}

/** IDs kept sorted (a rax of stream IDs), each with a value. */
export class IdMap<T> {
  private readonly keys: StreamID[] = [];
  private readonly values = new Map<StreamID, T>();

  get size(): number {
    return this.keys.length;
  }

  get(id: StreamID): T | undefined {
    return this.values.get(id);
  }

  has(id: StreamID): boolean {
    return this.values.has(id);
  }

  /** The index of the first key >= id. */
  seek(id: StreamID): number {
    const ks = this.keys;
    let lo = 0;
    let hi = ks.length;
    if (hi !== 0 && ks[hi - 1] < id) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ks[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  keyAt(i: number): StreamID {
    return this.keys[i];
  }

  set(id: StreamID, v: T): void {
    if (!this.values.has(id)) this.keys.splice(this.seek(id), 0, id);
    this.values.set(id, v);
  }

  delete(id: StreamID): boolean {
    if (!this.values.delete(id)) return false;
    this.keys.splice(this.seek(id), 1);
    return true;
  }

  first(): StreamID | undefined {
    return this.keys[0];
  }

  last(): StreamID | undefined {
    return this.keys[this.keys.length - 1];
  }

  *entries(): IterableIterator<[StreamID, T]> {
    for (const k of this.keys) yield [k, this.values.get(k) as T];
  }
}

/** A pending entry (streamNACK). */
export class Nack {
  constructor(
    public consumer: Consumer | undefined,
    public deliveryTime: number,
    public deliveryCount: number,
  ) {}
}

export class Consumer {
  readonly pel = new IdMap<Nack>();
  constructor(
    readonly name: string,
    public seenTime: number,
  ) {}
}

export class ConsumerGroup {
  readonly pel = new IdMap<Nack>();
  /** by name; listed sorted by name bytes (a rax) */
  readonly consumers = new Map<string, Consumer>();
  constructor(
    public lastId: StreamID,
    public entriesRead: number,
  ) {}

  /** streamCreateConsumer: undefined when it exists already. */
  createConsumer(name: string, now: number): Consumer | undefined {
    if (this.consumers.has(name)) return undefined;
    const c = new Consumer(name, now);
    this.consumers.set(name, c);
    return c;
  }

  /** streamDelConsumer: its pending entries leave the group's PEL too. */
  deleteConsumer(c: Consumer): void {
    for (const [id] of c.pel.entries()) this.pel.delete(id);
    this.consumers.delete(c.name);
  }

  sortedConsumers(): Consumer[] {
    return [...this.consumers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

export interface StreamLimits {
  /** stream-node-max-bytes (0: no limit but the listpack maximum) */
  maxBytes: number;
  /** stream-node-max-entries (0: no limit) */
  maxEntries: number;
}

/** STREAM_LISTPACK_MAX_SIZE */
export const LISTPACK_MAX_SIZE = 1 << 30;

export type TrimStrategy = { kind: "maxlen"; maxlen: number } | { kind: "minid"; minid: StreamID };

export class StreamValue implements DataValue {
  readonly type = "stream" as const;
  private nodes: StreamNode[] = [];
  length = 0;
  lastId: StreamID = 0n;
  firstId: StreamID = 0n;
  maxDeletedId: StreamID = 0n;
  entriesAdded = 0;
  readonly groups = new Map<string, ConsumerGroup>();
  private rax = new RaxShape();

  encoding(): string {
    return "stream";
  }

  /** streamDup: nodes re-inserted in order (so the rax is rebuilt), groups with their PELs. */
  copy(): StreamValue {
    const s = new StreamValue();
    for (const n of this.nodes) {
      s.nodes.push(n.clone());
      s.rax.insert(raxKey(n.master));
    }
    s.length = this.length;
    s.lastId = this.lastId;
    s.firstId = this.firstId;
    s.maxDeletedId = this.maxDeletedId;
    s.entriesAdded = this.entriesAdded;
    for (const [name, g] of this.groups) {
      const ng = new ConsumerGroup(g.lastId, g.entriesRead);
      for (const [id, nack] of g.pel.entries())
        ng.pel.set(id, new Nack(undefined, nack.deliveryTime, nack.deliveryCount));
      for (const c of g.consumers.values()) {
        const nc = new Consumer(c.name, c.seenTime);
        for (const [id] of c.pel.entries()) {
          const nack = ng.pel.get(id) as Nack;
          nack.consumer = nc;
          nc.pel.set(id, nack);
        }
        ng.consumers.set(c.name, nc);
      }
      s.groups.set(name, ng);
    }
    return s;
  }

  /** raxSize(s->rax): XINFO STREAM radix-tree-keys. */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** rax->numnodes: XINFO STREAM radix-tree-nodes. */
  get raxNodes(): number {
    return this.rax.numnodes;
  }

  /**
   * streamAppendItem's storage part: appends an entry with a new, greater ID, starting a new
   * node when the tail one is full (bytes or entries, deleted ones included).
   */
  append(id: StreamID, fields: string[], limits: StreamLimits): void {
    let tail: StreamNode | undefined = this.nodes[this.nodes.length - 1];
    if (tail !== undefined) {
      let maxBytes = limits.maxBytes;
      if (maxBytes === 0 || maxBytes > LISTPACK_MAX_SIZE) maxBytes = LISTPACK_MAX_SIZE;
      let raw = 0;
      for (const f of fields) raw += f.length;
      if (tail.bytes + raw >= maxBytes) tail = undefined;
      else if (limits.maxEntries !== 0 && tail.count + tail.deleted >= limits.maxEntries) tail = undefined;
    }
    if (tail === undefined) {
      const masterFields: string[] = [];
      for (let i = 0; i < fields.length; i += 2) masterFields.push(fields[i]);
      tail = new StreamNode(id, masterFields);
      this.nodes.push(tail);
      this.rax.insert(raxKey(id));
    }
    tail.append(new StreamEntry(id, fields));
    this.length++;
    this.entriesAdded++;
    this.lastId = id;
    if (this.length === 1) this.firstId = id;
  }

  /** The index of the node that may hold `id` (the last whose master <= id, or 0). */
  private nodeFor(id: StreamID): number {
    const ns = this.nodes;
    let lo = 0;
    let hi = ns.length - 1;
    if (hi < 0) return 0;
    if (ns[hi].master <= id) return hi;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ns[mid].master <= id) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Live entries with start <= id <= end, ascending (or descending), at most `count` (0: all). */
  range(start: StreamID, end: StreamID, count: number, rev: boolean): StreamEntry[] {
    const out: StreamEntry[] = [];
    if (start > end || this.length === 0) return out;
    const ns = this.nodes;
    if (!rev) {
      let ni = this.nodeFor(start);
      let ei = ns.length === 0 ? 0 : ns[ni].seek(start);
      for (; ni < ns.length; ni++, ei = 0) {
        const es = ns[ni].entries;
        for (; ei < es.length; ei++) {
          const e = es[ei];
          if (e.id > end) return out;
          if (e.deleted) continue;
          out.push(e);
          if (out.length === count) return out;
        }
      }
    } else {
      for (let ni = this.nodeFor(end), first = true; ni >= 0; ni--, first = false) {
        const es = ns[ni].entries;
        for (let ei = first ? ns[ni].seek(end + 1n) - 1 : es.length - 1; ei >= 0; ei--) {
          const e = es[ei];
          if (e.id < start) return out;
          if (e.deleted) continue;
          out.push(e);
          if (out.length === count) return out;
        }
      }
    }
    return out;
  }

  /** The live entry with this ID, if any. */
  get(id: StreamID): StreamEntry | undefined {
    if (this.length === 0) return undefined;
    const n = this.nodes[this.nodeFor(id)];
    const e = n.entries[n.seek(id)];
    return e !== undefined && e.id === id && !e.deleted ? e : undefined;
  }

  /** streamGetEdgeID(first/last, skipping tombstones): 0-0 / max when there is none. */
  edge(first: boolean): StreamID {
    const r = first ? this.range(0n, ID_MAX, 1, false) : this.range(0n, ID_MAX, 1, true);
    if (r.length !== 0) return r[0].id;
    return first ? ID_MAX : 0n;
  }

  /** streamLastValidID */
  lastValid(): StreamID {
    return this.edge(false);
  }

  /** streamDeleteItem: flags the entry deleted; a node left with no live entry goes. */
  delete(id: StreamID): boolean {
    if (this.length === 0) return false;
    const ni = this.nodeFor(id);
    const n = this.nodes[ni];
    const e = n.entries[n.seek(id)];
    if (e === undefined || e.id !== id || e.deleted) return false;
    e.deleted = true;
    if (n.count === 1) this.removeNode(ni);
    else {
      n.count--;
      n.deleted++;
    }
    this.length--;
    return true;
  }

  private removeNode(i: number): void {
    const [n] = this.nodes.splice(i, 1);
    this.rax.remove(raxKey(n.master));
  }

  /** XDEL: deletes the IDs, keeping max-deleted-entry-id and the first ID. */
  deleteIds(ids: StreamID[]): number {
    let deleted = 0;
    let firstEntry = false;
    for (const id of ids) {
      if (!this.delete(id)) continue;
      if (id === this.firstId) firstEntry = true;
      if (id > this.maxDeletedId) this.maxDeletedId = id;
      deleted++;
    }
    if (deleted !== 0) {
      if (this.length === 0) this.firstId = 0n;
      else if (firstEntry) this.firstId = this.edge(true);
    }
    return deleted;
  }

  /**
   * streamTrim: drops whole nodes from the head while allowed, then (unless approximate) flags
   * entries deleted inside the first node that must stay; `limit` bounds the entries removed
   * (0: no bound). Returns how many entries were removed.
   */
  trim(strategy: TrimStrategy, approx: boolean, limit: number): number {
    let deleted = 0;
    while (this.nodes.length !== 0) {
      if (strategy.kind === "maxlen" && this.length <= strategy.maxlen) break;
      const n = this.nodes[0];
      const entries = n.count;
      if (limit !== 0 && deleted + entries > limit) break;
      const removeNode =
        strategy.kind === "maxlen" ? this.length - entries >= strategy.maxlen : n.lastStored < strategy.minid;
      if (removeNode) {
        this.removeNode(0);
        this.length -= entries;
        deleted += entries;
        continue;
      }
      if (approx) break;
      let fromNode = 0;
      for (const e of n.entries) {
        const stop = strategy.kind === "maxlen" ? this.length <= strategy.maxlen : e.id >= strategy.minid;
        if (stop) break;
        if (!e.deleted) {
          e.deleted = true;
          fromNode++;
          this.length--;
        }
      }
      n.count -= fromNode;
      n.deleted += fromNode;
      deleted += fromNode;
      break;
    }
    this.firstId = this.length === 0 ? 0n : this.edge(true);
    return deleted;
  }

  /**
   * streamRangeHasTombstones: whether a deleted entry may lie in [start, end] (judged by
   * max-deleted-entry-id only, as Redis does).
   */
  rangeHasTombstones(start: StreamID, end: StreamID = ID_MAX): boolean {
    if (this.length === 0 || this.maxDeletedId === 0n) return false;
    if (this.firstId > this.maxDeletedId) return false;
    return start <= this.maxDeletedId && this.maxDeletedId <= end;
  }

  /**
   * streamEstimateDistanceFromFirstEverEntry: the logical read counter of an ID, or
   * INVALID_ENTRIES_READ when tombstones or an arbitrary ID make it unknowable.
   */
  estimateDistance(id: StreamID): number {
    if (this.entriesAdded === 0) return 0;
    if (this.length === 0 && id <= this.lastId) return this.entriesAdded;
    if (id === this.lastId) return this.entriesAdded;
    if (id > this.lastId) return INVALID_ENTRIES_READ;
    if (this.maxDeletedId === 0n || this.maxDeletedId < this.firstId) {
      if (id < this.firstId) return this.entriesAdded - this.length;
      if (id === this.firstId) return this.entriesAdded - this.length + 1;
    }
    return INVALID_ENTRIES_READ;
  }

  /** streamReplyWithCGLag's number: undefined (nil) when it can't be known. */
  lag(g: ConsumerGroup): number | undefined {
    if (this.entriesAdded === 0) return 0;
    if (g.entriesRead !== INVALID_ENTRIES_READ && !this.rangeHasTombstones(g.lastId)) {
      return this.entriesAdded - g.entriesRead;
    }
    const read = this.estimateDistance(g.lastId);
    return read === INVALID_ENTRIES_READ ? undefined : this.entriesAdded - read;
  }

  /**
   * What streamReplyWithRange does to a group as it delivers `id`: advances last-delivered-id
   * and keeps entries-read counting (or re-estimates it).
   */
  advanceGroup(g: ConsumerGroup, id: StreamID): void {
    if (id <= g.lastId) return;
    if (g.entriesRead !== INVALID_ENTRIES_READ && !this.rangeHasTombstones(id)) g.entriesRead++;
    else if (this.entriesAdded !== 0) g.entriesRead = this.estimateDistance(id);
    g.lastId = id;
  }

  /** Groups sorted by name bytes (the cgroups rax order). */
  sortedGroups(): [string, ConsumerGroup][] {
    return [...this.groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}
