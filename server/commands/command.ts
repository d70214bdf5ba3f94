// COMMAND and its subcommands (COUNT INFO DOCS GETKEYS LIST): replies built from the command
// table's data — flags, key positions, implied and explicit ACL categories, tips, key specs.

import type { ClientState } from "../client.js";
import { err, MapReply, SetReply, StatusReply, type Reply } from "../reply.js";
import { globMatch } from "../util/glob.js";
import { executorOf } from "./connection.js";
import { commandHasKeys, keysWithFlags } from "./getkeys.js";
import { commandDoc, docsReply } from "./docs.js";
import {
  ACL_CATEGORIES,
  F,
  type AclCategory,
  type Command,
  type CommandTable,
  type KeySpec,
} from "./table.js";
import type { CommandDef } from "./table.js";

/** Flags in the order (and with the omissions) of COMMAND INFO. */
const INFO_FLAGS = [
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
  "no_mandatory_keys",
  "no_async_loading",
  "no_multi",
  "movablekeys",
  "allow_busy",
];

/** setImplicitACLCategories + the explicit ones, in Redis's category order. */
export function aclCategories(cmd: Command): AclCategory[] {
  const set = new Set<AclCategory>(cmd.def.acl ?? []);
  const f = cmd.flags;
  if (f & F.write) set.add("write");
  if (f & F.readonly && !set.has("scripting")) set.add("read");
  if (f & F.admin) {
    set.add("admin");
    set.add("dangerous");
  }
  if (f & F.pubsub) set.add("pubsub");
  if (f & F.fast) set.add("fast");
  if (f & F.blocking) set.add("blocking");
  if (!set.has("fast")) set.add("slow");
  return ACL_CATEGORIES.filter((c) => set.has(c));
}

/** addReplyFlagsForKeyArgs: key-spec flags ("RW access update") as a set of status replies. */
function keyFlagsReply(flags: string): SetReply {
  return new SetReply(flags === "" ? [] : flags.split(" ").map((x) => new StatusReply(x)));
}

function keySpecReply(ks: KeySpec): Reply {
  const out: Reply[] = [];
  if (ks.notes !== undefined) out.push("notes", ks.notes);
  out.push("flags", keyFlagsReply(ks.flags));
  if (ks.begin === "unknown") {
    out.push("begin_search", new MapReply(["type", "unknown", "spec", new MapReply([])]));
  } else if (typeof ks.begin === "number") {
    out.push("begin_search", new MapReply(["type", "index", "spec", new MapReply(["index", ks.begin])]));
  } else {
    out.push(
      "begin_search",
      new MapReply([
        "type",
        "keyword",
        "spec",
        new MapReply(["keyword", ks.begin.keyword, "startfrom", ks.begin.startfrom]),
      ]),
    );
  }
  const fk = ks.find;
  if (fk === "unknown") {
    out.push("find_keys", new MapReply(["type", "unknown", "spec", new MapReply([])]));
  } else if ("lastkey" in fk) {
    out.push(
      "find_keys",
      new MapReply([
        "type",
        "range",
        "spec",
        new MapReply(["lastkey", fk.lastkey, "keystep", fk.step, "limit", fk.limit]),
      ]),
    );
  } else {
    out.push(
      "find_keys",
      new MapReply([
        "type",
        "keynum",
        "spec",
        new MapReply(["keynumidx", fk.keynumidx, "firstkey", fk.firstkey, "keystep", fk.step]),
      ]),
    );
  }
  return new MapReply(out);
}

/** One COMMAND INFO entry. */
export function commandInfo(cmd: Command): Reply {
  const flags = INFO_FLAGS.filter((f) => {
    if (f === "movablekeys") return cmd.def.getKeys !== undefined;
    return (cmd.def.flags as string[]).includes(f);
  }).map((f) => new StatusReply(f));
  return [
    cmd.fullname,
    cmd.arity,
    new SetReply(flags),
    cmd.firstKey,
    cmd.lastKey,
    cmd.keyStep,
    new SetReply(aclCategories(cmd).map((c) => new StatusReply(`@${c}`))),
    new SetReply(cmd.def.tips ?? []),
    new SetReply((cmd.def.keySpecs ?? []).map(keySpecReply)),
    // addReplyCommandSubCommands: an array of subcommands; a command without any gets an empty set
    cmd.sub ? [...cmd.sub.values()].map(commandInfo) : new SetReply([]),
  ];
}

/** addReplyCommandDocs: the recorded documentation (server/commands/docs.json) and subcommands. */
function commandDocs(cmd: Command): Reply {
  let subs: Reply[] | undefined;
  if (cmd.sub) {
    subs = [];
    for (const s of cmd.sub.values()) subs.push(s.fullname, commandDocs(s));
  }
  return docsReply(commandDoc(cmd.fullname) ?? {}, subs);
}

function allCommands(t: CommandTable): Command[] {
  return [...t.commands.values()];
}

/** The key positions of argv for a command (COMMAND GETKEYS, scripts, WATCH-like checks). */
export function commandKeys(cmd: Command, argv: string[]): number[] {
  if (cmd.def.getKeys) return cmd.def.getKeys(argv);
  if (cmd.firstKey === 0) return [];
  // SPUBLISH/SSUBSCRIBE name shard channels, not keys: their only key spec is "not_key".
  if (cmd.def.keySpecs?.every((k) => k.flags.includes("not_key"))) return [];
  const last = cmd.lastKey < 0 ? argv.length + cmd.lastKey : cmd.lastKey;
  const out: number[] = [];
  for (let i = cmd.firstKey; i <= last && i < argv.length; i += cmd.keyStep) out.push(i);
  return out;
}

function command(c: ClientState): Reply {
  return allCommands(executorOf(c).table).map(commandInfo);
}

function commandCount(c: ClientState): Reply {
  return executorOf(c).table.commands.size;
}

function commandInfoCmd(c: ClientState, argv: string[]): Reply {
  const t = executorOf(c).table;
  if (argv.length === 2) return allCommands(t).map(commandInfo);
  return argv.slice(2).map((n) => {
    const cmd = t.lookupFullname(n);
    return cmd ? commandInfo(cmd) : null;
  });
}

function commandDocsCmd(c: ClientState, argv: string[]): Reply {
  const t = executorOf(c).table;
  const out: Reply[] = [];
  if (argv.length === 2) for (const cmd of allCommands(t)) out.push(cmd.fullname, commandDocs(cmd));
  else {
    for (const n of argv.slice(2)) {
      const cmd = t.lookupFullname(n);
      if (cmd) out.push(cmd.fullname, commandDocs(cmd));
    }
  }
  return new MapReply(out);
}

/**
 * getKeysSubcommandImpl (COMMAND GETKEYS, GETKEYSANDFLAGS): the keys of a full command, found
 * by its key specs or its getkeys proc, with their key-spec flags if asked.
 */
function getKeysSubcommand(c: ClientState, argv: string[], withFlags: boolean): Reply {
  const t = executorOf(c).table;
  const args = argv.slice(2);
  const cmd = t.lookup(args);
  if (cmd === undefined) return err("ERR Invalid command specified");
  if (!commandHasKeys(cmd)) return err("ERR The command has no key arguments");
  if ((cmd.arity > 0 && cmd.arity !== args.length) || args.length < -cmd.arity) {
    return err("ERR Invalid number of arguments specified for command");
  }
  const keys = keysWithFlags(cmd, args);
  if (keys.length === 0) {
    // commands whose keys are optional (EVAL, FCALL with numkeys 0) answer an empty list
    if (cmd.def.flags.includes("no_mandatory_keys")) return [];
    return err("ERR Invalid arguments specified for command");
  }
  if (!withFlags) return keys.map((k) => args[k.pos]);
  return keys.map((k) => [args[k.pos], keyFlagsReply(k.flags)]);
}

function commandList(c: ClientState, argv: string[]): Reply {
  const t = executorOf(c).table;
  const names: string[] = [];
  const each = (f: (cmd: Command) => void) => {
    for (const cmd of t.commands.values()) {
      f(cmd);
      if (cmd.sub) for (const s of cmd.sub.values()) f(s);
    }
  };
  if (argv.length === 2) {
    each((cmd) => names.push(cmd.fullname));
    return names;
  }
  if (argv.length !== 5 || argv[2].toLowerCase() !== "filterby") return err("ERR syntax error");
  const kind = argv[3].toLowerCase();
  const v = argv[4];
  if (kind === "module") return [];
  if (kind === "aclcat") {
    const cat = v.toLowerCase();
    if (!(ACL_CATEGORIES as readonly string[]).includes(cat)) return [];
    each((cmd) => {
      if ((aclCategories(cmd) as string[]).includes(cat)) names.push(cmd.fullname);
    });
    return names;
  }
  if (kind === "pattern") {
    each((cmd) => {
      if (globMatch(v, cmd.fullname, true)) names.push(cmd.fullname);
    });
    return names;
  }
  return err("ERR syntax error");
}

const COMMAND_HELP = [
  "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "(no subcommand)",
  "    Return details about all Redis commands.",
  "COUNT",
  "    Return the total number of commands in this Redis server.",
  "LIST",
  "    Return a list of all commands in this Redis server.",
  "INFO [<command-name> ...]",
  "    Return details about multiple Redis commands.",
  "    If no command names are given, documentation details for all",
  "    commands are returned.",
  "DOCS [<command-name> ...]",
  "    Return documentation details about multiple Redis commands.",
  "    If no command names are given, documentation details for all",
  "    commands are returned.",
  "GETKEYS <full-command>",
  "    Return the keys from a full Redis command.",
  "GETKEYSANDFLAGS <full-command>",
  "    Return the keys and the access flags from a full Redis command.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

const sub = (
  name: string,
  arity: number,
  handler: CommandDef["handler"],
  extra: Partial<CommandDef> = {},
): CommandDef => ({
  name,
  arity,
  flags: ["loading", "stale"],
  acl: ["connection"],
  handler,
  ...extra,
});

export const commandCommands: CommandDef[] = [
  {
    name: "command",
    arity: -1,
    flags: ["loading", "stale"],
    acl: ["connection"],
    tips: ["nondeterministic_output_order"],
    handler: command,
    subcommands: [
      sub("count", 2, commandCount),
      sub("info", -2, commandInfoCmd, {
        tips: ["nondeterministic_output_order"],
      }),
      sub("docs", -2, commandDocsCmd, {
        tips: ["nondeterministic_output_order"],
      }),
      sub("getkeys", -4, (c, a) => getKeysSubcommand(c, a, false)),
      sub("getkeysandflags", -4, (c, a) => getKeysSubcommand(c, a, true)),
      sub("help", 2, () => COMMAND_HELP),
      sub("list", -2, commandList, {
        tips: ["nondeterministic_output_order"],
      }),
    ],
  },
];
