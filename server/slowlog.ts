// SLOWLOG (Redis's slowlog.c): the last `slowlog-max-len` commands that ran for
// `slowlog-log-slower-than` microseconds or more (negative: none), newest first. An entry keeps
// at most 32 arguments (the last one then says how many more there were) of at most 128 bytes
// each, the arguments a command redacts (AUTH's password…) as "(redacted)", the client's
// address ("?:0" for the Lua client, which has no connection) and its name at the time.
//
// The executor times every command it runs (Executor.call) and hands the slow ones here;
// a blocked command is logged when it is served, with the time of its first run and of the
// serve together, and not at all when it times out, as 7.0 does.

import type { ClientState } from "./client.js";
import type { Config } from "./config.js";

const MAX_ARGC = 32;
const MAX_STRING = 128;

export interface SlowlogEntry {
  id: number;
  /** Unix time in seconds when it was logged. */
  time: number;
  /** Microseconds. */
  duration: number;
  argv: string[];
  peer: string;
  name: string;
}

/** What a trimmed slot holds until the array is compacted (so the entry can be collected). */
const DROPPED: SlowlogEntry = { id: -1, time: 0, duration: 0, argv: [], peer: "", name: "" };

export class Slowlog {
  /** Oldest first from `start` (entries before it were trimmed: compacted now and then). */
  private entries: SlowlogEntry[] = [];
  private start = 0;
  private nextId = 0;
  /** slowlog-log-slower-than as a bound a duration in µs is compared with (Infinity: off). */
  threshold = 10000;
  private maxLen = 128;

  constructor(config: Config) {
    const read = (name: string) => {
      if (name !== "" && !name.startsWith("slowlog-")) return;
      const t = Number(config.get("slowlog-log-slower-than"));
      this.threshold = t < 0 ? Infinity : t;
      this.maxLen = Number(config.get("slowlog-max-len"));
      this.trim();
    };
    read("");
    config.onChange(read);
  }

  /** slowlogPushEntryIfNeeded for a command of `c` that took `us` µs (≥ threshold). */
  push(c: ClientState, argv: readonly string[], us: number): void {
    const argc = Math.min(argv.length, MAX_ARGC);
    const logged: string[] = new Array<string>(argc);
    const redacted = c.redacted;
    for (let j = 0; j < argc; j++) {
      const a = argv[j];
      if (argc !== argv.length && j === argc - 1) {
        logged[j] = `... (${argv.length - argc + 1} more arguments)`;
      } else if (redacted !== undefined && redacted.includes(j)) {
        logged[j] = "(redacted)";
      } else if (a.length > MAX_STRING) {
        logged[j] = `${a.slice(0, MAX_STRING)}... (${a.length - MAX_STRING} more bytes)`;
      } else logged[j] = a;
    }
    this.entries.push({
      id: this.nextId++,
      time: Math.floor(Date.now() / 1000),
      duration: Math.floor(us),
      argv: logged,
      peer: c.fake ? "?:0" : c.addr,
      name: c.fake ? "" : c.name,
    });
    this.trim();
  }

  private trim(): void {
    const e = this.entries;
    if (e.length - this.start > this.maxLen) {
      for (let i = this.start, end = e.length - this.maxLen; i < end; i++) e[i] = DROPPED;
      this.start = e.length - this.maxLen;
    }
    if (this.start > 64 && this.start * 2 > e.length) {
      this.entries = e.slice(this.start);
      this.start = 0;
    }
  }

  get length(): number {
    return this.entries.length - this.start;
  }

  /** The newest `count` entries, newest first (-1: all). */
  newest(count: number): SlowlogEntry[] {
    const e = this.entries;
    const n = count < 0 ? this.length : Math.min(count, this.length);
    const out: SlowlogEntry[] = [];
    for (let i = e.length - 1; out.length < n; i--) out.push(e[i]);
    return out;
  }

  reset(): void {
    this.entries = [];
    this.start = 0;
  }
}
