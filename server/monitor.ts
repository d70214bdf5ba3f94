// MONITOR (replicationFeedMonitors in Redis's replication.c): the clients in monitor mode, in
// the order they started, and the status line each command sends them:
// `+<sec>.<usec> [<db> <addr>|lua] "arg" "arg"`. The executor feeds a command after it ran
// (call()); EVAL/EVALSHA/FCALL feed themselves before their script's commands, an EXEC refused
// before it ran feeds itself, and QUIT is fed where the executor answers it.

import type { ClientState } from "./client.js";
import { StatusReply, type Reply } from "./reply.js";

/** What the monitors need of the executor: the client running a command, and delivery. */
export interface MonitorHost {
  readonly current: ClientState | undefined;
  deliver(c: ClientState, r: Reply): void;
}

/** sdscatrepr: a double-quoted string with C escapes; non-printable bytes as \xHH. */
export function catRepr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    switch (ch) {
      case 0x5c:
        out += "\\\\";
        break;
      case 0x22:
        out += '\\"';
        break;
      case 0x0a:
        out += "\\n";
        break;
      case 0x0d:
        out += "\\r";
        break;
      case 0x09:
        out += "\\t";
        break;
      case 0x07:
        out += "\\a";
        break;
      case 0x08:
        out += "\\b";
        break;
      default:
        // isprint() in the C locale
        out += ch >= 0x20 && ch <= 0x7e ? s[i] : "\\x" + ch.toString(16).padStart(2, "0");
    }
  }
  return out + '"';
}

/** gettimeofday as "sec.usec" (microseconds, six digits). */
function timeOfDay(): string {
  const ms = performance.timeOrigin + performance.now();
  const sec = Math.floor(ms / 1000);
  const usec = Math.min(999999, Math.floor((ms - sec * 1000) * 1000));
  return `${sec}.${String(usec).padStart(6, "0")}`;
}

const REDACTED = "(redacted)";

export class Monitors {
  /** server.monitors: insertion order is the order lines are written. */
  readonly clients = new Set<ClientState>();

  constructor(private readonly host: MonitorHost) {}

  get size(): number {
    return this.clients.size;
  }

  /** MONITOR: false when the client is already monitoring (Redis ignores the command then). */
  add(c: ClientState): boolean {
    if (c.monitor) return false;
    c.monitor = true;
    this.clients.add(c);
    return true;
  }

  /** RESET, or the client went away. */
  remove(c: ClientState): void {
    if (!c.monitor) return;
    c.monitor = false;
    this.clients.delete(c);
  }

  /**
   * Sends the line for `argv`, run by `c` on its current db, to every monitor. `after`: the
   * command has already answered, so a monitor watching its own command gets the line after its
   * reply (as Redis appends it to the same output buffer), unless that reply is dropped
   * (CLIENT REPLY OFF/SKIP). Arguments the command redacted (AUTH's password) are replaced.
   */
  feed(c: ClientState, argv: readonly string[], after: boolean): void {
    const redacted = c.redacted;
    c.redacted = undefined;
    if (this.clients.size === 0) return;
    let line = `${timeOfDay()} [${c.db.id} ${c.fake ? "lua" : c.addr}]`;
    for (let j = 0; j < argv.length; j++) {
      line += " " + (redacted !== undefined && redacted.includes(j) ? `"${REDACTED}"` : catRepr(argv[j]));
    }
    const r = new StatusReply(line);
    for (const m of this.clients) {
      if (after && m === c) {
        if (!c.dropReply) c.afterReply.push(r);
      } else this.host.deliver(m, r);
    }
  }
}
