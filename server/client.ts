// The state of one client as the executor sees it: selected db, protocol, auth, name, MULTI
// queue and WATCHed keys, reply mode and the connection facts CLIENT LIST prints. Plain data:
// the connection layer (server/net/) owns the socket and copies I/O figures in.

import type { Waiter } from "./blocking.js";
import type { Command } from "./commands/table.js";
import type { Db } from "./keyspace/db.js";
import type { Reply } from "./reply.js";
import type { TrackingState } from "./tracking.js";

export interface QueuedCommand {
  cmd: Command;
  argv: string[];
}

export interface WatchedKey {
  db: Db;
  key: string;
  /** The key was already logically expired when WATCHed (isWatchedKeyExpired). */
  expiredAtWatch: boolean;
}

export class ClientState {
  db: Db;
  resp: 2 | 3 = 2;
  name = "";
  user = "default";
  authenticated: boolean;
  // MULTI/EXEC
  inMulti = false;
  /** A command was rejected while queueing: EXEC answers EXECABORT. */
  dirtyExec = false;
  /** A WATCHed key changed: EXEC answers a null array. */
  dirtyCas = false;
  queue: QueuedCommand[] = [];
  watched: WatchedKey[] = [];
  /** Close the connection once the pending replies are written (QUIT, protocol errors). */
  closeAfterReply = false;
  /** Killed by CLIENT KILL: close now. */
  killed = false;
  /** CLIENT REPLY OFF. */
  replyOff = false;
  /** CLIENT REPLY SKIP was the last command: drop the next command's reply. */
  replySkipNext = false;
  /** Set while a command runs when its reply must not be sent (CLIENT REPLY OFF/SKIP). */
  dropReply = false;
  noEvict = false;
  noTouch = false;
  /** In MONITOR mode (server/monitor.ts): a replica for processCommand's checks, flag O. */
  monitor = false;
  /** Arguments of the running command to show as "(redacted)" to monitors (AUTH, HELLO AUTH). */
  redacted: number[] | undefined = undefined;
  /** Kind of client for CLIENT LIST/KILL TYPE and flags ("normal", "pubsub", "master", "replica"). */
  kind = "normal";
  /** Internal clients (the Lua client) never get connection I/O. */
  readonly fake: boolean;
  // Connection facts (filled by the connection layer).
  addr = "";
  laddr = "";
  fd = -1;
  /** Creation time and last interaction (ms since epoch). */
  ctime = Date.now();
  lastInteraction = Date.now();
  lastCmd = "NULL";
  /** Bytes of the query buffer not yet parsed (CLIENT LIST qbuf). */
  qbuf = 0;
  /** Output bytes pending (CLIENT LIST omem/obl). */
  obuf = 0;
  /** Total commands this client ran. */
  commands = 0;
  /** Blocked in BLPOP, XREAD BLOCK…: no further command runs until unblocked (server/blocking.ts). */
  blocked = false;
  /** What it waits for while blocked on keys (Blocking's own record). */
  waiter: Waiter | undefined = undefined;
  /** While blocked: the command that blocked, its arguments and the µs its first run took. */
  blockedCmd: Command | undefined = undefined;
  blockedArgv: string[] | undefined = undefined;
  blockedUs = 0;
  /** Blocking commands answer at once like their non-blocking forms (CLIENT_DENY_BLOCKING). */
  denyBlocking: boolean;
  /**
   * Replies produced outside this client's own command (its blocked command served, pub/sub
   * messages), queued by Executor.deliver for the connection layer to send, in order.
   */
  outbox: Reply[] = [];
  /** In Executor.pendingWrites. */
  pendingWrite = false;
  /**
   * Pushes to send after the reply of the command this client is running (its own tracking
   * invalidations: tracking_pending_keys), written by the connection layer after that reply.
   */
  afterReply: Reply[] = [];
  /** Pub/sub subscription counts (the subscriptions live in server/pubsub.ts). */
  subs = 0;
  psubs = 0;
  ssubs = 0;
  /** CLIENT TRACKING state (server/tracking.ts); undefined while tracking is off. */
  tracking: TrackingState | undefined = undefined;
  /** The command being called for this client and its arguments (c->cmd, c->argv). */
  curCmd: Command | undefined = undefined;
  curArgv: string[] = [];

  constructor(
    readonly id: number,
    db: Db,
    authenticated: boolean,
    fake = false,
  ) {
    this.db = db;
    this.authenticated = authenticated;
    this.fake = fake;
    this.denyBlocking = fake;
  }
}
