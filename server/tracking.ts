// Client-side caching (tracking.c): CLIENT TRACKING state per client, the table of tracked keys
// (key name -> ids of the clients that read it, whatever the db, as Redis keeps it), the BCAST
// prefix table, and the invalidation messages — RESP3 pushes, or __redis__:invalidate messages
// to a RESP2 client in pub/sub mode when redirected. The executor calls in after reads (keys to
// remember), from Db on every modified or expired key, on FLUSHDB/FLUSHALL, and before sleeping
// (BCAST broadcasts, once per event-loop turn as Redis's beforeSleep).

import type { ClientState } from "./client.js";
import type { Command } from "./commands/table.js";
import { F } from "./commands/table.js";
import { commandKeys } from "./commands/command.js";
import { cstr } from "./commands/helpers.js";
import { PushReply, type Reply } from "./reply.js";

/** A client's CLIENT TRACKING state (CLIENT_TRACKING_* flags, redirection, BCAST prefixes). */
export interface TrackingState {
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
  /** CLIENT CACHING yes/no given, for the next command or transaction (CLIENT_TRACKING_CACHING). */
  caching: boolean;
  /** The redirection target went away (CLIENT_TRACKING_BROKEN_REDIR). */
  brokenRedir: boolean;
  /** Client id invalidations go to; 0 for this client itself. */
  redirect: number;
  /** BCAST prefixes (client_tracking_prefixes), kept in byte order. */
  prefixes: string[];
}

/** What tracking needs of the executor. */
export interface TrackingHost {
  readonly clients: Map<number, ClientState>;
  /** The client whose command is running (server.current_client), if any. */
  readonly current: ClientState | undefined;
  /** Set once a client enables tracking: from then on writes look the tables up. */
  trackingActive: boolean;
  /** The caller of the running script, if any (server.script_caller). */
  scriptCaller(): ClientState | undefined;
  /** tracking-table-max-keys. */
  trackingTableMaxKeys(): number;
  /** Queues a push for `c`: after the current command's reply when `c` is running one. */
  push(c: ClientState, r: Reply): void;
  /** Something waits for beforeSleep (a broadcast): the host runs it soon. */
  wakeUp(): void;
}

const CHANNEL = "__redis__:invalidate";

/** Prefix state (bcastState): the clients on it, the keys modified since the last broadcast. */
interface BcastState {
  /** key -> the client that modified it last (for NOLOOP), undefined when none did */
  keys: Map<string, ClientState | undefined>;
  clients: Set<ClientState>;
}

/** The scripts whose own keys are not remembered: only the commands they run count. */
const SCRIPT_RO = new Set(["eval_ro", "evalsha_ro", "fcall_ro"]);

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class Tracking {
  /** Key name -> ids of the clients that may have it cached (TrackingTable). */
  private readonly table = new Map<string, Set<number>>();
  /** Tracked (key, client) pairs (TrackingTableTotalItems). */
  private items = 0;
  private readonly prefixTable = new Map<string, BcastState>();
  /** Clients with tracking on (server.tracking_clients). */
  clientCount = 0;
  /** tracking_pending_keys' timeout_counter: effort grows while the table stays over its limit. */
  private limitRounds = 0;
  private broadcastPending = false;

  constructor(private readonly host: TrackingHost) {}

  get totalKeys(): number {
    return this.table.size;
  }

  get totalItems(): number {
    return this.items;
  }

  get totalPrefixes(): number {
    return this.prefixTable.size;
  }

  /** enableTracking (options already checked by CLIENT TRACKING). */
  enable(
    c: ClientState,
    redirect: number,
    opts: { bcast: boolean; optin: boolean; optout: boolean; noloop: boolean },
    prefixes: string[],
  ): void {
    if (c.tracking === undefined) this.clientCount++;
    const t: TrackingState = c.tracking ?? {
      bcast: false,
      optin: false,
      optout: false,
      noloop: false,
      caching: false,
      brokenRedir: false,
      redirect: 0,
      prefixes: [],
    };
    c.tracking = t;
    t.brokenRedir = false;
    t.redirect = redirect;
    this.host.trackingActive = true;
    t.bcast = opts.bcast;
    if (opts.bcast) {
      if (prefixes.length === 0) this.addPrefix(c, t, "");
      for (const p of prefixes) this.addPrefix(c, t, p);
    }
    t.optin = opts.optin;
    t.optout = opts.optout;
    t.noloop = opts.noloop;
  }

  /** enableBcastTrackingForPrefix. */
  private addPrefix(c: ClientState, t: TrackingState, prefix: string): void {
    let bs = this.prefixTable.get(prefix);
    if (bs === undefined) {
      bs = { keys: new Map(), clients: new Set() };
      this.prefixTable.set(prefix, bs);
    }
    if (!bs.clients.has(c)) {
      bs.clients.add(c);
      t.prefixes.push(prefix);
      t.prefixes.sort(byteOrder);
    }
  }

  /** disableTracking: off, its prefixes dropped (its ids in the table are skipped lazily). */
  disable(c: ClientState): void {
    const t = c.tracking;
    if (t === undefined) return;
    if (t.bcast) {
      for (const p of t.prefixes) {
        const bs = this.prefixTable.get(p);
        if (bs === undefined) continue;
        bs.clients.delete(c);
        if (bs.clients.size === 0) this.prefixTable.delete(p);
      }
    }
    c.tracking = undefined;
    this.clientCount--;
  }

  /**
   * checkPrefixCollisionsOrReply: the error text when a new prefix overlaps one the client has
   * or another one given, else undefined.
   */
  prefixCollision(c: ClientState, prefixes: string[]): string | undefined {
    const overlap = (a: string, b: string) => (a.length <= b.length ? b.startsWith(a) : a.startsWith(b));
    for (let i = 0; i < prefixes.length; i++) {
      for (const p of c.tracking?.prefixes ?? []) {
        if (overlap(p, prefixes[i])) {
          return `Prefix '${cstr(prefixes[i])}' overlaps with an existing prefix '${cstr(p)}'. Prefixes for a single client must not overlap.`;
        }
      }
      for (let j = i + 1; j < prefixes.length; j++) {
        if (overlap(prefixes[i], prefixes[j])) {
          return `Prefix '${cstr(prefixes[i])}' overlaps with another provided prefix '${cstr(prefixes[j])}'. Prefixes for a single client must not overlap.`;
        }
      }
    }
    return undefined;
  }

  /**
   * After a read-only command ran for `c` (call()): the keys its caller may now cache — the
   * keys of the command the caller sent (a script's caller: the script's declared keys, as
   * Redis 7.0 does), unless OPTIN/OPTOUT and CLIENT CACHING say otherwise.
   */
  afterRead(c: ClientState, cmd: Command, cmdArgv: string[]): void {
    if (SCRIPT_RO.has(cmd.fullname)) return;
    const caller = c.fake ? (this.host.scriptCaller() ?? c) : c;
    const t = caller.tracking;
    if (t === undefined || t.bcast) return;
    if ((t.optin && !t.caching) || (t.optout && t.caching)) return;
    const ccmd = caller === c ? cmd : caller.curCmd;
    const argv = caller === c ? cmdArgv : caller.curArgv;
    if (ccmd === undefined) return;
    const keys = commandKeys(ccmd, argv);
    if (keys.length === 0 || (ccmd.flags & F.pubsub) !== 0) return;
    for (const i of keys) {
      const key = argv[i];
      let ids = this.table.get(key);
      if (ids === undefined) {
        ids = new Set();
        this.table.set(key, ids);
      }
      if (!ids.has(caller.id)) {
        ids.add(caller.id);
        this.items++;
      }
    }
  }

  /**
   * trackingInvalidateKey: `key` was modified by `by` (undefined: it expired) — every client
   * that may cache it is told, and it is no longer tracked. With `bcast`, BCAST clients on a
   * matching prefix get it at the next broadcast.
   */
  invalidateKey(key: string, by: ClientState | undefined, bcast = true): void {
    if (bcast && this.prefixTable.size !== 0) this.rememberForBroadcast(key, by);
    const ids = this.table.get(key);
    if (ids === undefined) return;
    const current = this.host.current;
    for (const id of ids) {
      const target = this.host.clients.get(id);
      const t = target?.tracking;
      if (target === undefined || t === undefined || t.bcast) continue;
      if (t.noloop && target === current) continue;
      this.send(target, [key]);
    }
    this.items -= ids.size;
    this.table.delete(key);
  }

  /** trackingRememberKeyToBroadcast: the key, for every prefix it starts with. */
  private rememberForBroadcast(key: string, by: ClientState | undefined): void {
    for (const [prefix, bs] of this.prefixTable) {
      if (key.startsWith(prefix)) {
        bs.keys.set(key, by);
        if (!this.broadcastPending) {
          this.broadcastPending = true;
          this.host.wakeUp();
        }
      }
    }
  }

  /** trackingInvalidateKeysOnFlush: every tracking client gets a null invalidation. */
  invalidateAllOnFlush(): void {
    if (this.clientCount !== 0) {
      for (const c of this.host.clients.values()) if (c.tracking !== undefined) this.send(c, null);
    }
    this.table.clear();
    this.items = 0;
  }

  /** trackingBroadcastInvalidationMessages (beforeSleep): each prefix's keys to its clients. */
  broadcast(): void {
    if (!this.broadcastPending) return;
    this.broadcastPending = false;
    if (this.clientCount === 0) return;
    for (const prefix of [...this.prefixTable.keys()].sort(byteOrder)) {
      const bs = this.prefixTable.get(prefix)!;
      if (bs.keys.size === 0) continue;
      const keys = [...bs.keys.keys()].sort(byteOrder);
      for (const c of bs.clients) {
        if (c.tracking?.noloop) {
          // the keys this client did not modify itself
          const mine = keys.filter((k) => bs.keys.get(k) !== c);
          if (mine.length !== 0) this.send(c, mine);
        } else this.send(c, keys);
      }
      bs.keys = new Map();
    }
  }

  /**
   * trackingLimitUsedSlots: over tracking-table-max-keys, invalidates keys (the oldest tracked;
   * Redis picks them by a random walk) with more effort each time the limit is still exceeded.
   */
  limit(): void {
    const max = this.host.trackingTableMaxKeys();
    if (max === 0 || this.table.size <= max) {
      this.limitRounds = 0;
      return;
    }
    let effort = 100 * (this.limitRounds + 1);
    for (const key of this.table.keys()) {
      if (effort-- <= 0) break;
      this.invalidateKey(key, undefined, false);
      if (this.table.size <= max) {
        this.limitRounds = 0;
        return;
      }
    }
    this.limitRounds++;
  }

  /**
   * sendTrackingMessage: an invalidation of `keys` (null: everything, on a flush) to `c`, or to
   * the client it redirects to — a RESP3 push, or a __redis__:invalidate message to a RESP2
   * client in pub/sub mode. A redirection whose target is gone marks the client broken (and a
   * RESP3 client is told so).
   */
  private send(c: ClientState, keys: string[] | null): void {
    const t = c.tracking!;
    let target = c;
    if (t.redirect !== 0) {
      const r = this.host.clients.get(t.redirect);
      if (r === undefined) {
        t.brokenRedir = true;
        if (c.resp === 3) this.host.push(c, new PushReply(["tracking-redir-broken", t.redirect]));
        return;
      }
      target = r;
    }
    if (target.resp === 3) this.host.push(target, new PushReply(["invalidate", keys]));
    else if (t.redirect !== 0 && target.subs + target.psubs + target.ssubs !== 0) {
      this.host.push(target, new PushReply(["message", CHANNEL, keys]));
    }
  }
}
