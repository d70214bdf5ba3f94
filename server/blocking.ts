// Clients blocked on keys (Redis's blocked.c): BLPOP & co., BZPOPMIN & co., XREAD/XREADGROUP
// BLOCK. Keeps, per db and key, the FIFO of clients waiting on it; the keys that writes signal
// as ready (Db → Executor.keyReady → signal); the timeouts; and serves the waiting clients after
// each command, MULTI/EXEC or script (handleClientsBlockedOnKeys). A reply for a served client
// goes out through Executor.deliver, an event the connection layer drains: never a socket write.

import type { ClientState } from "./client.js";
import type { Db, Value } from "./keyspace/db.js";
import { err, NIL_ARRAY, type Reply } from "./reply.js";
import { now } from "./util/clock.js";

export type BlockType = "list" | "zset" | "stream";

/** How a blocked command waits, and how to serve it once one of its keys is ready. */
export interface BlockSpec {
  btype: BlockType;
  /** The keys it waits on (duplicates allowed: the first one counts). */
  keys: readonly string[];
  /** Absolute deadline in ms (Date.now() clock); 0 waits forever. */
  deadline: number;
  /** XREADGROUP: the key deleted, or holding another type, unblocks with an error. */
  unblockOnNoKey?: boolean;
  /**
   * Serves the client from `key`, which holds `v` of this block's type: the reply when served
   * (the command ran), or undefined to keep waiting (a stream with nothing newer).
   */
  serve(key: string, v: Value): Reply | undefined;
}

/** The sink for replies produced outside a client's own command (Executor.deliver). */
export interface ReplySink {
  deliver(c: ClientState, r: Reply): void;
  /** A blocked client is served, the serve having taken `us` µs (its stats and slowlog). */
  served(c: ClientState, us: number): void;
}

/** A blocked client (ClientState.waiter while it waits). */
export interface Waiter {
  client: ClientState;
  db: Db;
  spec: BlockSpec;
  /** Distinct keys, as registered in the db's queues. */
  keys: string[];
  /** Neighbours in the list of waiters with a deadline (Blocking's timed list). */
  prev: Waiter | undefined;
  next: Waiter | undefined;
}

/** What a released waiter holds instead of its spec and keys (see release). */
const RELEASED: BlockSpec = { btype: "list", keys: [], deadline: 0, serve: () => undefined };
const RELEASED_KEYS: string[] = [];

const NOT_A_KEY = Symbol("not a key");

/** setTimeout's longest delay. */
const MAX_TIMER = 2 ** 31 - 1;
const UNBLOCKED_NOKEY = err("UNBLOCKED the stream key no longer exists");
const UNBLOCKED_BY_CLIENT = err("UNBLOCKED client unblocked via CLIENT UNBLOCK");

export class Blocking {
  /** db → key → clients waiting on it, oldest first (db->blocking_keys). */
  private readonly queues = new Map<Db, Map<string, Waiter[]>>();
  /**
   * How many clients are blocked. Each one's Waiter is its ClientState.waiter, and the ones
   * with a deadline are a list through the waiters themselves (timedHead): no Map or Set is
   * added to and deleted from a block (see release for why that matters).
   */
  private blocked = 0;
  /**
   * Keys signalled ready since the last serve pass, in signal order (server.ready_keys), as
   * two parallel arrays; a serve pass swaps them with the spare pair (no allocation a pass).
   */
  private readyDbs: Db[] = [];
  private readyKeys: string[] = [];
  private spareDbs: Db[] = [];
  private spareKeys: string[] = [];
  /**
   * The keys in ready, per db. Each set keeps NOT_A_KEY too, so that it never goes back to
   * empty: V8 shrinks a Set's table when it gets that small and grows it again on the next
   * add, two allocations a wake-up.
   */
  private readonly readySet = new Map<Db, Set<string | symbol>>();
  private serving = false;
  /**
   * The waiters with a deadline, in the order they blocked, and one timer for the earliest
   * deadline (Redis keeps a radix tree of timeouts and checks the earliest each event loop
   * turn). A timer per waiter cost each BLPOP a Timeout, and Node a timer list per distinct
   * delay in ms: ~0.7 KB allocated a block.
   */
  private timedHead: Waiter | undefined = undefined;
  private timedTail: Waiter | undefined = undefined;
  private timed = 0;
  private timer: NodeJS.Timeout | undefined = undefined;
  /** when the timer fires (Infinity: none) */
  private timerAt = Infinity;

  constructor(private readonly sink: ReplySink) {}

  /** How many clients are blocked (INFO blocked_clients). */
  get count(): number {
    return this.blocked;
  }

  /** How many blocked clients have a timeout (INFO clients_in_timeout_table). */
  get timedCount(): number {
    return this.timed;
  }

  /** True when keys wait to be served (checked after every command). */
  get hasReady(): boolean {
    return this.readyKeys.length !== 0;
  }

  isBlocked(c: ClientState): boolean {
    return c.waiter !== undefined;
  }

  /** blockForKeys: `c` waits on `spec.keys` of its db until served, timed out or unblocked. */
  block(c: ClientState, spec: BlockSpec): void {
    const db = c.db;
    let q = this.queues.get(db);
    if (q === undefined) {
      q = new Map();
      this.queues.set(db, q);
    }
    const keys: string[] = [];
    const w: Waiter = { client: c, db, spec, keys, prev: undefined, next: undefined };
    for (const k of spec.keys) {
      if (keys.includes(k)) continue;
      keys.push(k);
      let l = q.get(k);
      if (l === undefined) {
        l = [];
        q.set(k, l);
        db.blockingKeys.add(k);
      }
      l.push(w);
    }
    if (spec.deadline > 0) {
      w.prev = this.timedTail;
      if (this.timedTail === undefined) this.timedHead = w;
      else this.timedTail.next = w;
      this.timedTail = w;
      this.timed++;
      if (spec.deadline < this.timerAt) this.schedule(spec.deadline);
    }
    c.waiter = w;
    this.blocked++;
    c.blocked = true;
  }

  /** Removes a client from every queue it waits in (unblockClientWaitingData). */
  private release(w: Waiter): void {
    const q = this.queues.get(w.db);
    if (q !== undefined) {
      for (const k of w.keys) {
        const l = q.get(k);
        if (l === undefined) continue;
        const i = l.indexOf(w);
        if (i >= 0) l.splice(i, 1);
        if (l.length === 0) {
          q.delete(k);
          w.db.blockingKeys.delete(k);
        }
      }
    }
    // the timer stays: if it was for this deadline, it finds nothing due and moves on
    if (w.spec.deadline > 0) {
      if (w.prev === undefined) this.timedHead = w.next;
      else w.prev.next = w.next;
      if (w.next === undefined) this.timedTail = w.prev;
      else w.next.prev = w.prev;
      w.prev = w.next = undefined;
      this.timed--;
    }
    w.client.waiter = undefined;
    w.client.blockedCmd = undefined;
    w.client.blockedArgv = undefined;
    this.blocked--;
    w.client.blocked = false;
    // A released waiter lets go of its spec (the serve closure, the request's arguments) and
    // keys. Something old may still point at it: an array or table it was in that has since
    // been replaced (V8 replaces an old Map's or Set's table with one in old space), garbage
    // only a full GC finds. Until then every young object such garbage reaches survives the
    // scavenges and is promoted, and what it reaches in turn: pushes of fresh values to blocked
    // clients promoted ~290 bytes a request this way (~140 since), each scavenge took 2-3 ms.
    w.spec = RELEASED;
    w.keys = RELEASED_KEYS;
  }

  /** Unblocks with a reply (served, timed out, CLIENT UNBLOCK). */
  private finish(w: Waiter, r: Reply): void {
    this.release(w);
    this.sink.deliver(w.client, r);
  }

  /** The timer fires at `at` (in steps past setTimeout's 24.8-day limit). */
  private schedule(at: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.expire(), Math.min(MAX_TIMER, Math.max(0, at - Date.now())));
    this.timer.unref();
  }

  /**
   * handleBlockedClientsTimeout: answers the waiters whose deadline has passed with a nil, the
   * earliest deadline first (equal ones in the order they blocked), then sets the timer for the
   * next deadline.
   */
  private expire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now();
    const due: Waiter[] = [];
    let next = Infinity;
    for (let w = this.timedHead; w !== undefined; w = w.next) {
      const d = w.spec.deadline;
      if (d <= now) due.push(w);
      else if (d < next) next = d;
    }
    due.sort((a, b) => a.spec.deadline - b.spec.deadline);
    for (const w of due) if (w.client.waiter === w) this.finish(w, NIL_ARRAY);
    if (next !== Infinity && next < this.timerAt) this.schedule(next);
  }

  /** CLIENT UNBLOCK: true when the client was blocked (and is now answered). */
  unblock(c: ClientState, withError: boolean): boolean {
    const w = c.waiter;
    if (w === undefined) return false;
    this.finish(w, withError ? UNBLOCKED_BY_CLIENT : NIL_ARRAY);
    return true;
  }

  /** The client's connection closed: forget it without a reply. */
  clientGone(c: ClientState): void {
    const w = c.waiter;
    if (w !== undefined) this.release(w);
  }

  /** signalKeyAsReady: called (through Db) when a key some client waits on was written. */
  signal(db: Db, key: string): void {
    let s = this.readySet.get(db);
    if (s === undefined) {
      s = new Set([NOT_A_KEY]);
      this.readySet.set(db, s);
    }
    if (s.has(key)) return;
    s.add(key);
    this.readyDbs.push(db);
    this.readyKeys.push(key);
  }

  /**
   * handleClientsBlockedOnKeys: serves the clients waiting on the keys signalled ready, each
   * key's clients in the order they blocked, until the key runs out (lists, sorted sets) or
   * every client that can be served was (streams). Serving may signal more keys (BLMOVE's push):
   * those are served in a following round.
   */
  handleReady(): void {
    if (this.serving) return;
    this.serving = true;
    try {
      while (this.readyKeys.length !== 0) {
        const dbs = this.readyDbs;
        const keys = this.readyKeys;
        this.readyDbs = this.spareDbs;
        this.readyKeys = this.spareKeys;
        for (let i = 0; i < keys.length; i++) {
          const db = dbs[i];
          this.readySet.get(db)?.delete(keys[i]);
          this.serveKey(db, keys[i]);
        }
        dbs.length = 0;
        keys.length = 0;
        this.spareDbs = dbs;
        this.spareKeys = keys;
      }
    } finally {
      this.serving = false;
    }
  }

  private serveKey(db: Db, key: string): void {
    const q = this.queues.get(db)?.get(key);
    if (q === undefined || q.length === 0) return;
    const entry = db.find(key);
    const v = entry?.v;
    const type = v === undefined ? undefined : typeof v === "string" ? "string" : v.type;
    // a served client leaves q (finish → release): the next one is then at the same index
    for (let i = 0; i < q.length;) {
      const w = q[i];
      let r: Reply | undefined = undefined;
      if (w.client.waiter === w && w.spec.btype === type) {
        const t0 = now();
        r = w.spec.serve(key, v as Value);
        if (r !== undefined) this.sink.served(w.client, (now() - t0) * 1000);
      }
      if (r !== undefined) this.finish(w, r);
      if (q[i] === w) i++;
      // A list or sorted set emptied by the last client served is gone: nothing left to give.
      if (type !== "stream" && db.peek(key)?.v !== v) break;
    }
    if (type !== "stream") {
      // unblockDeletedStreamReadgroupClients: XREADGROUP can't outlive its stream.
      for (let i = 0; i < q.length;) {
        const w = q[i];
        if (w.client.waiter === w && w.spec.unblockOnNoKey) this.finish(w, UNBLOCKED_NOKEY);
        if (q[i] === w) i++;
      }
    }
  }
}
