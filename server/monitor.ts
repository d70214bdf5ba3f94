// MONITOR (replicationFeedMonitors in Redis's replication.c): the clients in monitor mode, in
// the order they started, and the status line each command sends them:
// `+<sec>.<usec> [<db> <addr>|lua] "arg" "arg"`. The executor feeds a command after it ran
// (call()); EVAL/EVALSHA/FCALL feed themselves before their script's commands, an EXEC refused
// before it ran feeds itself, and QUIT is fed where the executor answers it.

import type { ClientState } from "./client.js";
import type { Latin1Buffer } from "./protocol/intern.js";
import { LongTextReply, StatusReply, type Reply } from "./reply.js";

/** What the monitors need of the executor: the client running a command, and delivery. */
export interface MonitorHost {
  readonly current: ClientState | undefined;
  deliver(c: ClientState, r: Reply): void;
}

/** sdscatrepr's escape for each byte: "" for the printable ones, which stand for themselves. */
const ESCAPES: readonly string[] = Array.from({ length: 256 }, (_, ch) => {
  switch (ch) {
    case 0x5c:
      return "\\\\";
    case 0x22:
      return '\\"';
    case 0x0a:
      return "\\n";
    case 0x0d:
      return "\\r";
    case 0x09:
      return "\\t";
    case 0x07:
      return "\\a";
    case 0x08:
      return "\\b";
  }
  // isprint() in the C locale
  return ch >= 0x20 && ch <= 0x7e ? "" : "\\x" + ch.toString(16).padStart(2, "0");
});

/** Arguments longer than this are escaped into pieces through a buffer (catReprPieces). */
const LONG_ARG = 64 * 1024;
/** The chars of a long argument escaped into one piece (at most 4 bytes each). */
const PIECE_CHARS = 1024 * 1024;

/** sdscatrepr: a double-quoted string with C escapes; non-printable bytes as \xHH. */
export function catRepr(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const e = ESCAPES[s.charCodeAt(i)];
    if (e === "") continue;
    out += s.slice(from, i) + e;
    from = i + 1;
  }
  return out + s.slice(from) + '"';
}

/**
 * catRepr of a long string, as pieces: escaped, a value of hundreds of MB can be longer than a JS
 * string may be, and appending escapes one by one would hold a cons node for each.
 */
function catReprPieces(s: string, out: string[]): void {
  const buf = Buffer.allocUnsafe(4 * Math.min(s.length, PIECE_CHARS) + 2) as Latin1Buffer;
  for (let from = 0; from < s.length; from += PIECE_CHARS) {
    const to = Math.min(s.length, from + PIECE_CHARS);
    let n = 0;
    if (from === 0) buf[n++] = 0x22;
    for (let i = from; i < to; i++) {
      const ch = s.charCodeAt(i);
      const e = ESCAPES[ch];
      if (e === "") buf[n++] = ch;
      else n += buf.latin1Write(e, n);
    }
    if (to === s.length) buf[n++] = 0x22;
    out.push(buf.latin1Slice(0, n));
  }
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
    // the line for arguments of hundreds of MB goes in pieces (it can be past V8's longest string)
    let pieces: string[] | undefined;
    for (let j = 0; j < argv.length; j++) {
      const a = argv[j];
      if (redacted !== undefined && redacted.includes(j)) line += ` "${REDACTED}"`;
      else if (a.length <= LONG_ARG) line += " " + catRepr(a);
      else {
        (pieces ??= []).push(line + " ");
        catReprPieces(a, pieces);
        line = "";
      }
    }
    let r: Reply;
    if (pieces === undefined) r = new StatusReply(line);
    else {
      pieces.push(line);
      r = new LongTextReply("status", pieces);
    }
    for (const m of this.clients) {
      if (after && m === c) {
        if (!c.dropReply) c.afterReply.push(r);
      } else this.host.deliver(m, r);
    }
  }
}
