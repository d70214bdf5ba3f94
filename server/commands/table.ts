// The command table as data: one CommandDef per command (and per subcommand of a container
// command like CONFIG), with Redis's arity, flags, key positions, ACL categories and key specs
// beside the handler; the documentation (COMMAND DOCS) is recorded data, docs.json, found by
// full name. Builds the lookup maps the executor, COMMAND and scripting read.

import type { Reply } from "../reply.js";
import type { ClientState } from "../client.js";
import type { KeyRef } from "./getkeys.js";
import type { LatencyHistogram } from "../latency.js";

/** Redis's command flags, in the order COMMAND INFO lists them. */
export const FLAG_NAMES = [
  "write",
  "readonly",
  "denyoom",
  "module",
  "admin",
  "pubsub",
  "noscript",
  "blocking",
  "loading",
  "stale",
  "skip_monitor",
  "skip_slowlog",
  "asking",
  "fast",
  "no_auth",
  "may_replicate",
  "sentinel",
  "only_sentinel",
  "no_mandatory_keys",
  "no_propagate",
  "no_multi",
  "no_async_loading",
  "allow_busy",
  "movablekeys",
] as const;
export type CommandFlag = (typeof FLAG_NAMES)[number];

/** Bits for the flags the executor checks on every call. */
export const F = {
  write: 1 << 0,
  readonly: 1 << 1,
  denyoom: 1 << 2,
  admin: 1 << 4,
  pubsub: 1 << 5,
  noscript: 1 << 6,
  blocking: 1 << 7,
  loading: 1 << 8,
  stale: 1 << 9,
  skip_monitor: 1 << 10,
  skip_slowlog: 1 << 11,
  fast: 1 << 13,
  no_auth: 1 << 14,
  may_replicate: 1 << 15,
  no_multi: 1 << 20,
  allow_busy: 1 << 22,
  movablekeys: 1 << 23,
} as const;

/** ACL categories in the order Redis lists them. */
export const ACL_CATEGORIES = [
  "keyspace",
  "read",
  "write",
  "set",
  "sortedset",
  "list",
  "hash",
  "string",
  "bitmap",
  "hyperloglog",
  "geo",
  "stream",
  "pubsub",
  "admin",
  "fast",
  "slow",
  "blocking",
  "dangerous",
  "connection",
  "transaction",
  "scripting",
] as const;
export type AclCategory = (typeof ACL_CATEGORIES)[number];

/**
 * A key spec, compactly: `flags` as Redis names them ("RO access", "RW update", "OW update"…),
 * begin_search by index (a number) or keyword, find_keys as a range or keynum; "unknown" for
 * keys no spec can find (SORT's BY/GET and STORE: the command's getkeys proc finds them).
 */
export interface KeySpec {
  notes?: string;
  flags: string;
  begin: number | { keyword: string; startfrom: number } | "unknown";
  find:
    | { lastkey: number; step: number; limit: number }
    | { keynumidx: number; firstkey: number; step: number }
    | "unknown";
}

export type Handler = (c: ClientState, argv: string[]) => Reply;

/** What a command file declares for each command. */
export interface CommandDef {
  /** Lowercase name; for a subcommand just the subcommand ("get" under "config"). */
  name: string;
  arity: number;
  flags: CommandFlag[];
  /** Key positions (Redis's legacy first/last/step triple); 0,0,0 for no keys. */
  keys?: [first: number, last: number, step: number];
  /** ACL categories beyond those implied by the flags (e.g. ["string"], ["keyspace"]). */
  acl?: AclCategory[];
  tips?: string[];
  keySpecs?: KeySpec[];
  /** Container commands (CONFIG, CLIENT, OBJECT, COMMAND…) have subcommands and no handler. */
  subcommands?: CommandDef[];
  handler?: Handler;
  /**
   * For commands with movable keys, Redis's getkeys proc: the key positions in argv (tracking,
   * and COMMAND GETKEYS when the key specs can't find them). See getkeys.ts.
   */
  getKeys?: (argv: string[]) => number[];
  /** A getkeys proc that also sets its keys' flags (SORT's): COMMAND GETKEYSANDFLAGS uses it. */
  getKeyRefs?: (argv: string[]) => KeyRef[];
  /** For a key spec with variable_flags (SET, BITFIELD): the key's flags for these arguments. */
  keyFlags?: (argv: string[]) => string;
  /**
   * The flags one call runs with, when they depend on its arguments (getCommandFlags: FCALL and
   * EVAL take write/deny-oom/stale from the script's flags). Receives the table's flag bits.
   */
  flagsFor?: (argv: string[], flags: number) => number;
  /**
   * CMD_PROTECTED: the config option ("enable-debug-command") that allows the command: "yes",
   * or "local" for loopback clients; refused before authentication otherwise.
   */
  protectedBy?: string;
}

/** A command as the executor uses it. */
export interface Command {
  /** "get", or "config|get" for subcommands (what wrong-arity errors and COMMAND INFO print). */
  fullname: string;
  name: string;
  arity: number;
  flags: number;
  def: CommandDef;
  parent?: Command;
  /** Lowercase subcommand name -> subcommand. */
  sub?: Map<string, Command>;
  handler: Handler;
  firstKey: number;
  lastKey: number;
  keyStep: number;
  /** Stats for INFO commandstats. */
  calls: number;
  /** Microseconds spent running it (fractional: performance.now() differences). */
  usec: number;
  rejectedCalls: number;
  failedCalls: number;
  /** INFO latencystats: made on the first call timed while latency-tracking is on. */
  latency: LatencyHistogram | undefined;
}

function flagBits(flags: readonly string[]): number {
  let b = 0;
  for (const f of flags) {
    const i = FLAG_NAMES.indexOf(f as CommandFlag);
    if (i >= 0) b |= 1 << i;
  }
  return b;
}

const noHandler: Handler = () => null;

function build(def: CommandDef, parent?: Command): Command {
  const fullname = parent ? `${parent.name}|${def.name}` : def.name;
  const keys = def.keys ?? [0, 0, 0];
  const cmd: Command = {
    fullname,
    name: def.name,
    arity: def.arity,
    flags: flagBits(def.flags),
    def,
    parent,
    handler: def.handler ?? noHandler,
    firstKey: keys[0],
    lastKey: keys[1],
    keyStep: keys[2],
    calls: 0,
    usec: 0,
    rejectedCalls: 0,
    failedCalls: 0,
    latency: undefined,
  };
  if (def.subcommands) {
    cmd.sub = new Map();
    for (const sd of def.subcommands) cmd.sub.set(sd.name, build(sd, cmd));
  }
  return cmd;
}

/** The command table: lowercase name -> command, plus lookups tolerant of the caller's case. */
/**
 * A factory of subcommand definitions that share their flags (CONFIG's, SLOWLOG's, LATENCY's):
 * name, arity, handler, and whatever else differs.
 */
export function subcommandsFlagged(
  flags: CommandFlag[],
): (name: string, arity: number, handler: Handler, extra?: Partial<CommandDef>) => CommandDef {
  return (name, arity, handler, extra = {}) => ({ name, arity, flags, handler, ...extra });
}

/** `cmd`, or each of its subcommands if it is a container: the commands that run and keep stats. */
export function eachRunnable(cmd: Command, f: (c: Command) => void): void {
  if (cmd.sub) for (const s of cmd.sub.values()) f(s);
  else f(cmd);
}

export class CommandTable {
  readonly commands = new Map<string, Command>();
  /** Exact-spelling cache ("GET", "get", "Get" as clients send them) to skip toLowerCase. */
  private readonly exact = new Map<string, Command>();

  register(defs: readonly CommandDef[]): void {
    for (const d of defs) {
      if (this.commands.has(d.name)) throw new Error(`command ${d.name} registered twice`);
      const cmd = build(d);
      this.commands.set(d.name, cmd);
      this.exact.set(d.name, cmd);
      this.exact.set(d.name.toUpperCase(), cmd);
    }
  }

  /** The top-level command named by `name` (any case), or undefined. */
  lookupBase(name: string): Command | undefined {
    const c = this.exact.get(name);
    if (c !== undefined) return c;
    if (name.length > 64) return undefined;
    return this.commands.get(name.toLowerCase());
  }

  /**
   * lookupCommand: the command for argv, descending into a container's subcommand when argv has
   * one. Returns undefined for unknown commands and unknown subcommands.
   */
  lookup(argv: readonly string[]): Command | undefined {
    const base = this.lookupBase(argv[0]);
    if (base === undefined || base.sub === undefined || argv.length === 1) return base;
    return base.sub.get(argv[1].toLowerCase());
  }

  /** Looks a command up by its full name ("get", "config|get"). */
  lookupFullname(fullname: string): Command | undefined {
    const bar = fullname.indexOf("|");
    if (bar < 0) return this.commands.get(fullname.toLowerCase());
    const base = this.commands.get(fullname.slice(0, bar).toLowerCase());
    return base?.sub?.get(fullname.slice(bar + 1).toLowerCase());
  }

  hasFlag(cmd: Command, flag: keyof typeof F): boolean {
    return (cmd.flags & F[flag]) !== 0;
  }
}
