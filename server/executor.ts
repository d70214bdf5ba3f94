// The executor: keyspace (16 dbs) + command table + server-wide state (config, clients, stats),
// and `execute(client, argv)` — processCommand's checks (unknown command, arity, auth, MULTI
// queueing, OOM) then the handler. No sockets here: connection I/O goes through ExecutorHost.

import { Blocking } from "./blocking.js";
import { ClientState } from "./client.js";
import { CommandTable, F, type Command } from "./commands/table.js";
import { Config } from "./config.js";
import { registerCoreCommands } from "./commands/index.js";
import { installScripting, type Scripting } from "./scripting/index.js";
import { Db, type DbHost } from "./keyspace/db.js";
import { PubSub } from "./pubsub.js";
import { err, ErrorReply, NIL_ARRAY, NO_REPLY, OK, QUEUED, type Reply } from "./reply.js";
import { cstr } from "./commands/helpers.js";
import { Tracking, type TrackingHost } from "./tracking.js";
import { ClientPause, PAUSE_OFF, type PauseHost } from "./pause.js";
import { Monitors } from "./monitor.js";
import { Slowlog } from "./slowlog.js";
import { now } from "./util/clock.js";
import { LatencyHistogram, LatencyMonitor } from "./latency.js";
import { lastHeapReading, memoryGuard, readHeap } from "../runtime/memory.js";

/** What the executor asks of whoever owns the connections. */
export interface ExecutorHost {
  /** Close a client's connection (CLIENT KILL); the reply to the killer is sent first. */
  killClient(c: ClientState): void;
  /** SHUTDOWN: stop serving and exit. */
  shutdown(): void;
  /** The TCP port and bind address (INFO, CONFIG). */
  readonly port: number;
  /**
   * Replies wait in some clients' outboxes (Executor.pendingWrites): a blocked client was
   * served or timed out, a message was published. Called once until the host drains them.
   */
  repliesReady?(): void;
}

export interface ServerStats {
  totalCommands: number;
  totalConnections: number;
  rejectedConnections: number;
  expiredKeys: number;
  keyspaceHits: number;
  keyspaceMisses: number;
  netInputBytes: number;
  netOutputBytes: number;
  evictedKeys: number;
  unexpectedErrorReplies: number;
  totalErrorReplies: number;
  /** Error replies by prefix (INFO errorstats). */
  errors: Map<string, number>;
}

const NOAUTH = err("NOAUTH Authentication required.");
const EXECABORT_ERR = err("EXECABORT Transaction discarded because of previous errors.");
const OOM_ERR = err("OOM command not allowed when used memory > 'maxmemory'.");
/** How often, at most, a heap past the scripts' cap is collected to see if it still is (ms). */
const HEAP_GC_MS = 5000;
/** The share of the scripts' heap cap past which writes are refused (the rest: scripts can run). */
const DATA_SHARE = 0.9;
const REPLICA_KEYSPACE = err("ERR Replica can't interact with the keyspace");

function protectedError(option: string): ErrorReply {
  const what = option === "enable-debug-command" ? "DEBUG" : "MODULE";
  return err(
    `ERR ${what} command not allowed. If the ${option} option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.`,
  );
}

/** What a RESP2 client in subscribed mode may still run. */
const PUBSUB_CONTEXT = new Set([
  "ping",
  "subscribe",
  "ssubscribe",
  "unsubscribe",
  "sunsubscribe",
  "psubscribe",
  "punsubscribe",
  "quit",
  "reset",
]);

/** Commands that run at once inside MULTI instead of being queued. */
const MULTI_IMMEDIATE = new Set(["exec", "discard", "multi", "watch", "quit", "reset"]);

/** addReplyErrorFormat's sanitizing: newlines would break the protocol. */
function sanitize(s: string): string {
  return s.replace(/[\r\n]/g, " ");
}

/** "ERR unknown command 'foo', with args beginning with: 'a' 'b' " */
export function unknownCommandError(argv: readonly string[]): ErrorReply {
  let args = "";
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${cstr(argv[i]).slice(0, 128 - args.length)}' `;
  }
  return err(
    sanitize(`ERR unknown command '${cstr(argv[0]).slice(0, 128)}', with args beginning with: ${args}`),
  );
}

export function wrongArityError(cmd: Command): ErrorReply {
  return err(`ERR wrong number of arguments for '${cmd.fullname}' command`);
}

export class Executor implements DbHost, TrackingHost, PauseHost {
  readonly table = new CommandTable();
  readonly config: Config;
  readonly dbs: Db[] = [];
  readonly clients = new Map<number, ClientState>();
  private nextClientId = 1;
  readonly startTime = Date.now();
  host: ExecutorHost | undefined;
  // DbHost
  lruClock = Date.now();
  lfuMode = false;
  lfuLogFactor = 10;
  lfuDecayTime = 1;
  dirty = 0;
  frozenTime = 0;
  readonly stats: ServerStats = {
    totalCommands: 0,
    totalConnections: 0,
    rejectedConnections: 0,
    expiredKeys: 0,
    keyspaceHits: 0,
    keyspaceMisses: 0,
    netInputBytes: 0,
    netOutputBytes: 0,
    evictedKeys: 0,
    unexpectedErrorReplies: 0,
    totalErrorReplies: 0,
    errors: new Map(),
  };
  get protoMaxBulkLen(): number {
    return this.config.protoMaxBulkLen;
  }
  /** Estimate of used memory for maxmemory checks and INFO (process heap). */
  usedMemory = 0;
  /** when the cron last ran a full GC to see whether the heap is still past its share (ms) */
  private heapCollectedAt = 0;
  lastSave = Math.floor(Date.now() / 1000);
  /** DEBUG SET-ACTIVE-EXPIRE: the cron's active expiry cycle runs (server.active_expire_enabled). */
  activeExpireEnabled = true;
  /** EVAL/SCRIPT (and later FUNCTION): the shared script runner and the script caches. */
  readonly scripting: Scripting;
  /** Hook for scripting: replies -BUSY while a script runs past the threshold. */
  busyCheck: ((c: ClientState, cmd: Command) => ErrorReply | undefined) | undefined;
  /** Clients blocked on keys (BLPOP, XREAD BLOCK…) and the keys ready to serve them. */
  readonly blocking = new Blocking(this);
  /** Pub/sub subscriptions and PUBLISH. */
  readonly pubsub = new PubSub(this);
  /** Clients with replies in their outbox for the host to send (see deliver). */
  readonly pendingWrites = new PendingWrites();
  /** Client-side caching: tracked keys, BCAST prefixes, invalidation messages. */
  readonly tracking = new Tracking(this);
  /** CLIENT PAUSE: the pause and the postponed clients. */
  readonly pause = new ClientPause(this);
  /** MONITOR: the clients that get a line for every command run. */
  readonly monitors = new Monitors(this);
  /** SLOWLOG: the commands that ran longer than slowlog-log-slower-than. */
  readonly slowlog: Slowlog;
  /** LATENCY LATEST/HISTORY: the commands and cycles slower than latency-monitor-threshold. */
  readonly latencyMonitor = new LatencyMonitor();
  /** latency-tracking: every command's duration goes into its INFO latencystats histogram. */
  latencyTracking = true;
  /** The client whose command `execute` runs (server.current_client). */
  current: ClientState | undefined;
  /** DbHost: client-side caching is in use (set once by Tracking, as Redis's TrackingTable). */
  trackingActive = false;

  constructor(config = new Config()) {
    this.config = config;
    const n = Number(config.get("databases") ?? 16);
    for (let i = 0; i < n; i++) this.dbs.push(new Db(i, this));
    registerCoreCommands(this.table);
    this.scripting = installScripting(this);
    this.slowlog = new Slowlog(config);
    const onConfig = (name: string) => {
      this.latencyTracking = config.get("latency-tracking") === "yes";
      this.latencyMonitor.threshold = Number(config.get("latency-monitor-threshold"));
      if (name === "maxmemory") this.refreshUsedMemory();
      this.lfuMode = (config.get("maxmemory-policy") ?? "").endsWith("lfu");
      this.lfuLogFactor = Number(config.get("lfu-log-factor"));
      this.lfuDecayTime = Number(config.get("lfu-decay-time"));
    };
    onConfig("");
    config.onChange(onConfig);
  }

  /** A new client in the registry, on db 0. */
  newClient(fake = false): ClientState {
    const c = new ClientState(this.nextClientId++, this.dbs[0], this.config.requirepass === "", fake);
    if (!fake) {
      this.clients.set(c.id, c);
      this.stats.totalConnections++;
    }
    return c;
  }

  /** Forget a client whose connection closed. */
  removeClient(c: ClientState): void {
    this.blocking.clientGone(c);
    this.pause.clientGone(c);
    this.tracking.disable(c);
    this.pubsub.clientGone(c);
    this.monitors.remove(c);
    this.pendingWrites.delete(c);
    c.outbox = [];
    this.unwatchAll(c);
    c.queue = [];
    c.inMulti = false;
    this.clients.delete(c.id);
  }

  /**
   * processCommand + call: the single entry point for a parsed command from a client. Pushes
   * for `c` produced meanwhile (its own tracking invalidations) wait in `c.afterReply`.
   */
  execute(c: ClientState, argv: string[]): Reply {
    c.dropReply = c.replyOff || c.replySkipNext;
    c.replySkipNext = false;
    const prev = this.current;
    this.current = c;
    const r = this.process(c, argv);
    // handleClientsBlockedOnKeys: after a command, a MULTI/EXEC or a script.
    if (this.blocking.hasReady) this.blocking.handleReady();
    if (c.tracking !== undefined && c.tracking.caching) this.resetCaching(c, argv);
    this.current = prev;
    return r;
  }

  /** resetClient: CLIENT CACHING holds for the next command or transaction only. */
  private resetCaching(c: ClientState, argv: string[]): void {
    if (c.inMulti || c.blocked || this.table.lookup(argv)?.parent?.name === "client") return;
    c.tracking!.caching = false;
  }

  /** Queues a push for `c` (TrackingHost): after its reply when its command is running. */
  push(c: ClientState, r: Reply): void {
    if (c === this.current) c.afterReply.push(r);
    else this.deliver(c, r, true);
  }

  /** Replies wait for beforeSleep (TrackingHost, PauseHost): the host is told once. */
  wakeUp(): void {
    this.host?.repliesReady?.();
  }

  scriptCaller(): ClientState | undefined {
    return this.scripting.runner.current?.caller;
  }

  trackingTableMaxKeys(): number {
    return Number(this.config.get("tracking-table-max-keys"));
  }

  /**
   * DbHost: a key was modified or expired: tracking invalidates it. The modifying client (for
   * BCAST's NOLOOP) is signalModifiedKey's: a running script's own client, else the current one.
   */
  keyInvalidated(key: string, expired: boolean): void {
    const by = expired ? undefined : (this.scripting.runner.current?.client ?? this.current);
    this.tracking.invalidateKey(key, by);
  }

  /** DbHost: clients are paused (expired keys are then reported missing but kept). */
  paused(): boolean {
    return this.pause.type !== PAUSE_OFF && this.pause.paused();
  }

  /**
   * beforeSleep, run by the host before it sends the output of an event-loop turn: the clients
   * whose pause ended process their postponed commands again (processUnblockedClients), then
   * BCAST invalidations go out.
   */
  beforeSleep(): void {
    for (const p of this.pause.takeReleased()) {
      const c = p.client;
      if (!this.clients.has(c.id)) continue;
      c.replySkipNext = p.skip;
      const r = this.execute(c, p.argv);
      // paused again, or now blocked on keys: its reply comes later
      if (c.blocked) continue;
      this.deliver(c, c.dropReply ? NO_REPLY : r);
      for (const x of c.afterReply) this.deliver(c, x, true);
      c.afterReply = [];
    }
    this.tracking.broadcast();
  }

  /** signalKeyAsReady (DbHost): a key some client is blocked on was written. */
  keyReady(db: Db, key: string): void {
    this.blocking.signal(db, key);
  }

  /**
   * A reply for `c` produced outside its own command (its blocked command served, a pub/sub
   * message): queued in its outbox, and the host told once that replies are waiting. The
   * connection layer sends an outbox before the client's next own reply, so order is kept.
   * A `push` (tracking invalidation) is sent even when the client turned replies off.
   */
  /**
   * A blocked client is about to be served (Blocking): the serve took `us` µs, which counts for
   * its command as in updateStatsOnUnblock, with the time of its first run for the latency and
   * the slowlog.
   */
  served(c: ClientState, us: number): void {
    const cmd = c.blockedCmd;
    if (cmd === undefined) return;
    cmd.usec += us;
    this.record(c, cmd, c.blockedArgv ?? [], c.blockedUs + us);
    this.latencyMonitor.sample("command-unblocking", us / 1000);
  }

  /** A command's run of `us` µs, done: its latency histogram and maybe a slowlog entry. */
  private record(c: ClientState, cmd: Command, argv: string[], us: number): void {
    if (this.latencyTracking) (cmd.latency ??= new LatencyHistogram()).record(us);
    if (us >= this.slowlog.threshold && (cmd.flags & F.skip_slowlog) === 0) this.slowlog.push(c, argv, us);
  }

  deliver(c: ClientState, r: Reply, push = false): void {
    if (c.fake) return;
    // pushes (CLIENT_PUSHING) go out even with CLIENT REPLY OFF
    if (!c.replyOff || push) c.outbox.push(r);
    if (this.pendingWrites.empty) this.host?.repliesReady?.();
    this.pendingWrites.add(c);
  }

  /**
   * rejectCommand: flags an open transaction; a rejected EXEC itself aborts the transaction with
   * "EXECABORT Transaction discarded because of: <reason>" (the reason without "ERR ").
   */
  private reject(c: ClientState, cmd: Command | undefined, r: ErrorReply, argv: string[]): Reply {
    if (c.inMulti) c.dirtyExec = true;
    if (cmd !== undefined) cmd.rejectedCalls++;
    if (cmd !== undefined && cmd.name === "exec" && cmd.parent === undefined) {
      this.discard(c);
      const reason = r.text.startsWith("ERR ") ? r.text.slice(4) : r.text;
      r = err(`EXECABORT Transaction discarded because of: ${reason}`);
      // execCommandAbort: monitors see the EXEC that did not run
      if (this.monitors.size !== 0) this.monitors.feed(c, argv, true);
    }
    this.countError(r);
    return r;
  }

  countError(r: Reply): void {
    if (r instanceof ErrorReply && !r.noStats) {
      // afterErrorReply: the code is what comes before a space within the reply's first 32
      // bytes ('-' included), else ERR (so a script's error of hundreds of MB is not a code)
      const text = r.text;
      const end = Math.min(text.length, 31);
      let sp = 0;
      while (sp < end && text.charCodeAt(sp) !== 32) sp++;
      const code = sp < end ? text.slice(0, sp) : "ERR";
      this.stats.totalErrorReplies++;
      this.stats.errors.set(code, (this.stats.errors.get(code) ?? 0) + 1);
    }
  }

  private process(c: ClientState, argv: string[]): Reply {
    const name = argv[0];
    const base = this.table.lookupBase(name);
    // QUIT is answered before anything else in 7.0 (any arguments, even unauthenticated).
    if (base !== undefined && base.name === "quit") {
      c.closeAfterReply = true;
      if (this.monitors.size !== 0) this.monitors.feed(c, argv, true);
      return OK;
    }
    let cmd = base;
    if (base !== undefined && base.sub !== undefined && argv.length > 1) {
      cmd = base.sub.get(argv[1].toLowerCase());
      if (cmd === undefined) {
        return this.reject(
          c,
          undefined,
          err(
            sanitize(
              `ERR unknown subcommand '${cstr(argv[1]).slice(0, 128)}'. Try ${cstr(name).toUpperCase()} HELP.`,
            ),
          ),
          argv,
        );
      }
    }
    if (cmd === undefined) return this.reject(c, undefined, unknownCommandError(argv), argv);
    const arity = cmd.arity;
    if ((arity > 0 && arity !== argv.length) || argv.length < -arity) {
      return this.reject(c, cmd, wrongArityError(cmd), argv);
    }
    // CMD_PROTECTED: DEBUG as enable-debug-command allows, before authentication
    if (cmd.def.protectedBy !== undefined && !this.allowProtected(c, cmd.def.protectedBy)) {
      return this.reject(c, cmd, protectedError(cmd.def.protectedBy), argv);
    }
    const flags = cmd.def.flagsFor === undefined ? cmd.flags : cmd.def.flagsFor(argv, cmd.flags);
    if (!c.authenticated && (flags & F.no_auth) === 0) {
      if (this.config.requirepass !== "") return this.reject(c, cmd, NOAUTH, argv);
      c.authenticated = true;
    }
    if ((flags & F.denyoom) !== 0 && this.overMaxmemory()) {
      return this.reject(c, cmd, OOM_ERR, argv);
    }
    // keep the tracking table within tracking-table-max-keys
    if (this.tracking.clientCount !== 0) this.tracking.limit();
    if (
      c.resp === 2 &&
      c.subs + c.psubs + c.ssubs !== 0 &&
      !PUBSUB_CONTEXT.has(cmd.parent ? cmd.parent.name : cmd.name)
    ) {
      return this.reject(
        c,
        cmd,
        err(
          `ERR Can't execute '${cmd.fullname}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
        ),
        argv,
      );
    }
    // a monitor is a replica here: nothing that reads, writes or may replicate
    if (c.monitor && (flags & (F.write | F.readonly | F.may_replicate)) !== 0) {
      return this.reject(c, cmd, REPLICA_KEYSPACE, argv);
    }
    if (this.busyCheck !== undefined) {
      const busy = this.busyCheck(c, cmd);
      if (busy !== undefined) return this.reject(c, cmd, busy, argv);
    }
    // CLIENT PAUSE: the command waits for the end of the pause
    if (this.pause.type !== PAUSE_OFF && this.postponed(c, cmd, argv, flags)) return NO_REPLY;
    if (c.inMulti && !MULTI_IMMEDIATE.has(cmd.parent ? cmd.parent.name : cmd.name)) {
      if ((flags & F.no_multi) !== 0) {
        return this.reject(c, cmd, err("ERR Command not allowed inside a transaction"), argv);
      }
      if (!c.dirtyExec && !c.dirtyCas) c.queue.push({ cmd, argv });
      return QUEUED;
    }
    return this.call(c, cmd, argv);
  }

  /** allowProtectedAction: the option is "yes", or "local" and the client is on loopback. */
  private allowProtected(c: ClientState, option: string): boolean {
    const v = this.config.get(option);
    if (v === "yes") return true;
    if (v !== "local") return false;
    return /^(127\.|\[::1\]:|::1:|::ffff:127\.)/.test(c.addr);
  }

  /**
   * processCommand's pause check: postpones the command when clients are paused for it (ALL:
   * any; WRITE: writes, may-replicate commands, an EXEC of queued ones). Replicas never wait.
   */
  private postponed(c: ClientState, cmd: Command, argv: string[], flags: number): boolean {
    if (c.kind === "replica" || c.monitor || c.fake) return false;
    let mayReplicate = (flags & (F.write | F.may_replicate)) !== 0;
    if (!mayReplicate && cmd.name === "exec" && cmd.parent === undefined) {
      for (const q of c.queue) {
        const qf = q.cmd.def.flagsFor === undefined ? q.cmd.flags : q.cmd.def.flagsFor(q.argv, q.cmd.flags);
        if ((qf & (F.write | F.may_replicate)) !== 0) mayReplicate = true;
      }
    }
    if (!this.pause.postpones(mayReplicate)) return false;
    c.lastCmd = cmd.fullname;
    this.pause.postpone(c, argv, c.dropReply && !c.replyOff);
    return true;
  }

  /** call(): runs a looked-up, checked command and keeps the stats. */
  call(c: ClientState, cmd: Command, argv: string[]): Reply {
    c.commands++;
    c.lastCmd = cmd.fullname;
    const tracking = this.trackingActive;
    if (tracking) {
      // what a script's reads track: the keys of the command its caller sent
      c.curCmd = cmd;
      c.curArgv = argv;
    }
    let r: Reply;
    const t0 = now();
    try {
      r = cmd.handler(c, argv);
    } catch (e) {
      // A bug or a JS limit (e.g. V8's maximum string length) must not take the server down.
      r = err(`ERR ${(e as Error).message.replace(/[\r\n]/g, " ")}`);
    }
    const us = (now() - t0) * 1000;
    // counted once it ran, as call() does: INFO does not count itself, CONFIG RESETSTAT does
    cmd.calls++;
    this.stats.totalCommands++;
    cmd.usec += us;
    if (c.waiter !== undefined) {
      // blocked: its latency and slowlog entry wait for it to be served (served)
      c.blockedCmd = cmd;
      c.blockedArgv = argv;
      c.blockedUs = us;
    } else {
      this.record(c, cmd, argv, us);
      if (this.latencyMonitor.threshold !== 0) {
        this.latencyMonitor.sample((cmd.flags & F.fast) !== 0 ? "fast-command" : "command", us / 1000);
      }
    }
    if (r instanceof ErrorReply) {
      cmd.failedCalls++;
      this.countError(r);
    }
    // MONITOR: after the command, on the db it left the client on (not admin commands)
    // (feed clears the redaction of the arguments it printed; otherwise it is cleared here)
    if (this.monitors.size !== 0 && (cmd.flags & (F.skip_monitor | F.admin)) === 0) {
      this.monitors.feed(c, argv, true);
    } else if (c.redacted !== undefined) c.redacted = undefined;
    // client-side caching: the keys a read-only command fetched
    if (tracking && (cmd.flags & F.readonly) !== 0) this.tracking.afterRead(c, cmd, argv);
    return r;
  }

  // ---- MULTI/EXEC/WATCH helpers used by commands/transactions.ts ----

  watch(c: ClientState, key: string): void {
    const db = c.db;
    for (const w of c.watched) if (w.db === db && w.key === key) return;
    let we = db.watched.get(key);
    if (we === undefined) {
      we = { clients: new Set() };
      db.watched.set(key, we);
    }
    we.clients.add(c);
    const e = db.peek(key);
    c.watched.push({ db, key, expiredAtWatch: e !== undefined && db.isExpired(e) });
  }

  unwatchAll(c: ClientState): void {
    for (const w of c.watched) {
      const we = w.db.watched.get(w.key);
      if (we === undefined) continue;
      we.clients.delete(c);
      if (we.clients.size === 0) w.db.watched.delete(w.key);
    }
    c.watched = [];
    c.dirtyCas = false;
  }

  /** isWatchedKeyExpired: a watched key that was alive at WATCH time has since expired. */
  watchedKeyExpired(c: ClientState): boolean {
    for (const w of c.watched) {
      if (w.expiredAtWatch) continue;
      const e = w.db.peek(w.key);
      if (e !== undefined && w.db.isExpired(e)) return true;
    }
    return false;
  }

  discard(c: ClientState): void {
    c.queue = [];
    c.inMulti = false;
    c.dirtyExec = false;
    this.unwatchAll(c);
  }

  /** EXEC: runs the queue, or aborts (EXECABORT / null array). */
  exec(c: ClientState): Reply {
    if (this.watchedKeyExpired(c)) c.dirtyCas = true;
    if (c.dirtyExec || c.dirtyCas) {
      const r = c.dirtyExec ? EXECABORT_ERR : null;
      this.discard(c);
      return r === null ? NIL_ARRAY : r;
    }
    const queue = c.queue;
    this.unwatchAll(c);
    c.queue = [];
    c.inMulti = false;
    const out: Reply[] = new Array(queue.length);
    // Blocking commands inside the transaction answer as their non-blocking forms.
    const deny = c.denyBlocking;
    c.denyBlocking = true;
    try {
      for (let i = 0; i < queue.length; i++) out[i] = this.call(c, queue[i].cmd, queue[i].argv);
    } finally {
      c.denyBlocking = deny;
    }
    return out;
  }

  refreshUsedMemory(): void {
    const m = process.memoryUsage();
    this.usedMemory = m.heapUsed + m.external;
  }

  /**
   * Past maxmemory (when set), or the V8 heap past 90% of the scripts' cap (runtime/memory.ts's
   * guard, which the executor thread sets) as last read, by the cron or by a running script's
   * interrupt hook: write commands that may grow the data (CMD_DENYOOM) then get maxmemory's
   * OOM error even with maxmemory 0, so that a keyspace growing without bound is refused
   * before V8 runs out of heap and takes the server down with everything in it, and scripts
   * keep room to run.
   */
  overMaxmemory(): boolean {
    if (this.config.maxmemory !== 0 && this.usedMemory > this.config.maxmemory) return true;
    return lastHeapReading() > memoryGuard.limit * DATA_SHARE;
  }

  /**
   * The cron's heap reading. The used heap counts garbage too, so past the share a full GC
   * tells what is live, at most once every HEAP_GC_MS (on a heap of GBs it takes seconds).
   */
  private readHeapShare(now: number): void {
    if (memoryGuard.limit === Infinity) return;
    const limit = memoryGuard.limit * DATA_SHARE;
    if (readHeap() > limit && memoryGuard.collect !== undefined && now - this.heapCollectedAt >= HEAP_GC_MS) {
      this.heapCollectedAt = now;
      memoryGuard.collect();
      readHeap();
    }
  }

  /** serverCron: LRU clock, active expiry (bounded to ~25% of one cron period), memory estimate. */
  cron(): void {
    const now = Date.now();
    this.lruClock = now;
    if (this.config.maxmemory !== 0) this.refreshUsedMemory();
    this.readHeapShare(now);
    // the end of a CLIENT PAUSE; while paused no key expires
    const paused = this.pause.paused(now);
    if (this.tracking.clientCount !== 0) this.tracking.limit();
    const budget = 1000 / this.config.hz / 4;
    const start = performance.now();
    expire: for (const db of this.dbs) {
      if (db.expires.size === 0 || paused || !this.activeExpireEnabled) continue;
      for (;;) {
        const [looked, expired] = db.activeExpire(20, now);
        // Repeat while more than 10% of the sample was stale, as activeExpireCycle does.
        if (looked === 0 || expired <= looked / 10) break;
        if (performance.now() - start > budget) break expire;
      }
    }
    this.latencyMonitor.sample("expire-cycle", performance.now() - start);
    // Keys expired above may be ones XREADGROUP clients block on: they get -UNBLOCKED now.
    if (this.blocking.hasReady) this.blocking.handleReady();
  }

  /** Flushes all dbs (FLUSHALL), returning the number of keys removed. */
  flushAll(): number {
    let n = 0;
    for (const db of this.dbs) {
      db.touchAllWatched();
      n += db.clear();
    }
    return n;
  }
}

/**
 * The clients with replies waiting in their outbox, in the order they got them: an array and
 * a mark on each client (ClientState.pendingWrite) rather than a Set. A Set emptied after
 * every batch (clear) gets a new table each time, in old space once the Set is old, and a
 * dropped old table keeps what it pointed at alive through the scavenges (see
 * Blocking.release).
 */
export class PendingWrites {
  private list: ClientState[] = [];
  private spare: ClientState[] = [];
  private n = 0;

  get empty(): boolean {
    return this.n === 0;
  }

  add(c: ClientState): void {
    if (c.pendingWrite) return;
    c.pendingWrite = true;
    this.list.push(c);
    this.n++;
  }

  delete(c: ClientState): void {
    // left in the list, unmarked: take() skips it
    if (!c.pendingWrite) return;
    c.pendingWrite = false;
    this.n--;
  }

  /** Hands `f` the clients added so far, in order, unmarked; clients added meanwhile wait. */
  take(f: (c: ClientState) => void): void {
    const list = this.list;
    this.list = this.spare;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (!c.pendingWrite) continue;
      c.pendingWrite = false;
      this.n--;
      f(c);
    }
    list.length = 0;
    this.spare = list;
  }
}
