// CLIENT PAUSE / UNPAUSE (networking.c's pauseClients for PAUSE_BY_CLIENT_COMMAND): the pause
// type (WRITE or ALL) and end time, and the clients whose command was postponed
// (BLOCKED_POSTPONE). processCommand postpones a command when the server is paused for it; when
// the pause ends (CLIENT UNPAUSE, or the timeout seen by the cron) the postponed commands are
// processed again, in order, before the next output is sent (processUnblockedClients).

import type { ClientState } from "./client.js";

export const PAUSE_OFF = 0;
export const PAUSE_WRITE = 1;
export const PAUSE_ALL = 2;

/** What the pause needs of the executor. */
export interface PauseHost {
  /** Something waits for beforeSleep (postponed clients to run again): the host runs it soon. */
  wakeUp(): void;
}

/** A postponed command, to process again once the pause is over. */
interface Postponed {
  client: ClientState;
  argv: string[];
  /** CLIENT REPLY SKIP applied to it: it still does when processed again. */
  skip: boolean;
}

export class ClientPause {
  type = PAUSE_OFF;
  /** When the pause ends (ms since the epoch). */
  end = 0;
  private postponed: Postponed[] = [];
  /** The pause ended: the postponed clients are to be processed again (unblockPostponedClients). */
  private released = false;

  constructor(private readonly host: PauseHost) {}

  /** Postponed clients (INFO blocked_clients counts them). */
  get count(): number {
    return this.postponed.length;
  }

  /**
   * pauseClients: the stricter type and the later end of this pause and any current one win; a
   * pause whose end has already passed is over at once.
   */
  pause(end: number, type: number): void {
    if (type > this.type) this.type = type;
    if (end > this.end) this.end = end;
    this.paused();
  }

  /** unpauseClients. */
  unpause(): void {
    if (this.type === PAUSE_OFF) return;
    this.type = PAUSE_OFF;
    this.end = 0;
    this.release();
  }

  /** checkClientPauseTimeoutAndReturnIfPaused: ends a pause past its end time; true while paused. */
  paused(now = Date.now()): boolean {
    if (this.type === PAUSE_OFF) return false;
    if (this.end < now) this.unpause();
    return this.type !== PAUSE_OFF;
  }

  /** Whether a command with these flags waits (ALL: every command; WRITE: writes and may-replicate ones). */
  postpones(mayReplicate: boolean): boolean {
    if (!this.paused()) return false;
    return this.type === PAUSE_ALL || mayReplicate;
  }

  /** blockPostponeClient. */
  postpone(c: ClientState, argv: string[], skip: boolean): void {
    c.blocked = true;
    this.postponed.push({ client: c, argv, skip });
  }

  private release(): void {
    if (this.postponed.length === 0 || this.released) return;
    this.released = true;
    this.host.wakeUp();
  }

  /** The postponed commands to process again, in the order they came, if the pause ended. */
  takeReleased(): Postponed[] {
    if (!this.released) return [];
    this.released = false;
    const out = this.postponed;
    this.postponed = [];
    for (const p of out) p.client.blocked = false;
    return out;
  }

  /** The client's connection closed. */
  clientGone(c: ClientState): void {
    this.postponed = this.postponed.filter((p) => p.client !== c);
  }
}
