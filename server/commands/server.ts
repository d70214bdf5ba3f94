// Server commands: DBSIZE FLUSHDB FLUSHALL SWAPDB INFO TIME CONFIG (GET SET RESETSTAT REWRITE)
// SHUTDOWN WAIT LASTSAVE. Server-wide state lives on the executor; INFO text in server/info.ts.

import type { ClientState } from "../client.js";
import { infoText } from "../info.js";
import { err, ErrorReply, MapReply, OK, StatusReply, VerbatimReply, type Reply } from "../reply.js";
import { parseLLNum } from "../util/numbers.js";
import { executorOf, subcommandSyntaxError } from "./connection.js";
import { ERR_NOT_INT, ERR_SYNTAX, intArg } from "./helpers.js";
import { int32Arg } from "./keys.js";
import { subcommandsFlagged, type CommandDef } from "./table.js";

/** Set by the CLI: the config file path INFO and CONFIG REWRITE report. */
export const serverFacts = { configFile: "" };

function flushFlags(argv: string[]): ErrorReply | undefined {
  if (argv.length > 2) return ERR_SYNTAX;
  if (argv.length === 2) {
    const a = argv[1].toLowerCase();
    if (a !== "sync" && a !== "async") return ERR_SYNTAX;
  }
  return undefined;
}

function flushdb(c: ClientState, argv: string[]): Reply {
  const e = flushFlags(argv);
  if (e) return e;
  c.db.touchAllWatched();
  const ex = executorOf(c);
  ex.tracking.invalidateAllOnFlush();
  const n = c.db.clear();
  ex.dirty += n;
  return OK;
}

function flushall(c: ClientState, argv: string[]): Reply {
  const e = flushFlags(argv);
  if (e) return e;
  const ex = executorOf(c);
  ex.tracking.invalidateAllOnFlush();
  ex.dirty += ex.flushAll() + 1;
  return OK;
}

function swapdb(c: ClientState, argv: string[]): Reply {
  const a = int32Arg(argv[1], err("ERR invalid first DB index"));
  if (a instanceof ErrorReply) return a;
  const b = int32Arg(argv[2], err("ERR invalid second DB index"));
  if (b instanceof ErrorReply) return b;
  const ex = executorOf(c);
  if (a < 0 || b < 0 || a >= ex.dbs.length || b >= ex.dbs.length) return err("ERR DB index is out of range");
  if (a === b) return OK;
  const da = ex.dbs[a];
  const db = ex.dbs[b];
  da.touchAllWatched(db);
  db.touchAllWatched(da);
  da.swapWith(db);
  ex.dirty++;
  return OK;
}

function info(c: ClientState, argv: string[]): Reply {
  return new VerbatimReply("txt", infoText(executorOf(c), argv.slice(1), serverFacts.configFile));
}

function time(): Reply {
  const us = BigInt(Date.now()) * 1000n + BigInt(Math.floor((performance.now() % 1) * 1000));
  return [String(us / 1000000n), String(us % 1000000n)];
}

function configGet(c: ClientState, argv: string[]): Reply {
  return new MapReply(executorOf(c).config.getMatching(argv.slice(2)));
}

/** Parameters whose values CONFIG SET shows as "(redacted)" (SLOWLOG; Redis's SENSITIVE_CONFIG). */
const SENSITIVE_CONFIG = new Set([
  "masteruser",
  "masterauth",
  "requirepass",
  "tls-key-file-pass",
  "tls-client-key-file-pass",
]);

function configSet(c: ClientState, argv: string[]): Reply {
  if (argv.length % 2 !== 0) return ERR_SYNTAX;
  const config = executorOf(c).config;
  const pairs: [string, string][] = [];
  for (let i = 2; i < argv.length; i += 2) {
    pairs.push([argv[i], argv[i + 1]]);
    if (SENSITIVE_CONFIG.has(argv[i].toLowerCase())) (c.redacted ??= []).push(i + 1);
  }
  const e = config.setMany(pairs);
  return e === undefined ? OK : err(`ERR ${e}`);
}

function configResetstat(c: ClientState): Reply {
  const ex = executorOf(c);
  const s = ex.stats;
  s.totalCommands = 0;
  s.totalConnections = 0;
  s.rejectedConnections = 0;
  s.expiredKeys = 0;
  s.keyspaceHits = 0;
  s.keyspaceMisses = 0;
  s.netInputBytes = 0;
  s.netOutputBytes = 0;
  s.evictedKeys = 0;
  s.totalErrorReplies = 0;
  s.unexpectedErrorReplies = 0;
  s.errors.clear();
  for (const cmd of ex.table.commands.values()) {
    for (const x of cmd.sub ? [cmd, ...cmd.sub.values()] : [cmd]) {
      x.calls = 0;
      x.usec = 0;
      x.latency = undefined;
      x.rejectedCalls = 0;
      x.failedCalls = 0;
    }
  }
  return OK;
}

function configRewrite(): Reply {
  if (serverFacts.configFile === "") return err("ERR The server is running without a config file");
  return err("ERR Rewriting config file: not supported by this server");
}

function shutdown(c: ClientState, argv: string[]): Reply {
  let nosave = false;
  let save = false;
  let now = false;
  let force = false;
  let abort = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i].toLowerCase();
    if (a === "nosave") nosave = true;
    else if (a === "save") save = true;
    else if (a === "now") now = true;
    else if (a === "force") force = true;
    else if (a === "abort") abort = true;
    else return ERR_SYNTAX;
  }
  if ((abort && (nosave || save || now || force)) || (nosave && save)) return ERR_SYNTAX;
  if (abort) return err("ERR No shutdown in progress.");
  if (!now && (c.inMulti || c.fake))
    return err("ERR SHUTDOWN without NOW or ABORT isn't allowed for DENY BLOCKING client");
  const ex = executorOf(c);
  // a script past busy-reply-threshold: only SHUTDOWN NOSAVE may end the server
  if (!nosave && ex.scripting.runner.timedOut) return ex.scripting.runner.busyError();
  c.dropReply = true;
  ex.host?.shutdown();
  return null;
}

function wait(_c: ClientState, argv: string[]): Reply {
  const n = parseLLNum(argv[1]);
  if (n === undefined) return ERR_NOT_INT;
  const t = parseLLNum(argv[2]);
  if (t === undefined) return err("ERR timeout is not an integer or out of range");
  if (t < 0) return err("ERR timeout is negative");
  // No replicas: nothing can acknowledge.
  return 0;
}

const srv = (
  name: string,
  arity: number,
  flags: CommandDef["flags"],
  handler: CommandDef["handler"],
  extra: Partial<CommandDef> = {},
): CommandDef => ({
  name,
  arity,
  flags,
  handler,
  ...extra,
});

const CONFIG_HELP = [
  "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "GET <pattern>",
  "    Return parameters matching the glob-like <pattern> and their values.",
  "SET <directive> <value>",
  "    Set the configuration <directive> to <value>.",
  "RESETSTAT",
  "    Reset statistics reported by the INFO command.",
  "REWRITE",
  "    Rewrite the configuration file.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

const configSub = subcommandsFlagged(["admin", "noscript", "loading", "stale"]);

const SLOWLOG_HELP = [
  "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "GET [<count>]",
  "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
  "    Entries are made of:",
  "    id, timestamp, time in microseconds, arguments array, client IP and port,",
  "    client name",
  "LEN",
  "    Return the length of the slowlog.",
  "RESET",
  "    Reset the slowlog.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

const ERR_SLOWLOG_COUNT = err("ERR count should be greater than or equal to -1");

/** SLOWLOG GET [count]: the newest entries, newest first. */
function slowlogGet(c: ClientState, argv: string[]): Reply {
  if (argv.length > 3) return subcommandSyntaxError(argv);
  let count = 10;
  if (argv.length === 3) {
    const n = intArg(argv[2], ERR_SLOWLOG_COUNT);
    if (n instanceof ErrorReply) return n;
    if (n < -1) return ERR_SLOWLOG_COUNT;
    count = n;
  }
  return executorOf(c)
    .slowlog.newest(count)
    .map((e): Reply => [e.id, e.time, e.duration, e.argv, e.peer, e.name]);
}

const slowlogSub = subcommandsFlagged(["admin", "loading", "stale"]);

export const serverCommands: CommandDef[] = [
  srv("dbsize", 1, ["readonly", "fast"], (c) => c.db.size, {
    acl: ["keyspace"],
    tips: ["request_policy:all_shards", "response_policy:agg_sum"],
  }),
  srv("flushdb", -1, ["write"], flushdb, {
    acl: ["keyspace", "dangerous"],
    tips: ["request_policy:all_shards", "response_policy:all_succeeded"],
  }),
  srv("flushall", -1, ["write"], flushall, {
    acl: ["keyspace", "dangerous"],
    tips: ["request_policy:all_shards", "response_policy:all_succeeded"],
  }),
  srv("swapdb", 3, ["write", "fast"], swapdb, {
    acl: ["keyspace", "dangerous"],
  }),
  srv("info", -1, ["loading", "stale"], info, {
    acl: ["dangerous"],
    tips: ["nondeterministic_output", "request_policy:all_shards", "response_policy:special"],
  }),
  srv("time", 1, ["loading", "stale", "fast"], time, {
    tips: ["nondeterministic_output"],
  }),
  srv("lastsave", 1, ["loading", "stale", "fast"], (c) => executorOf(c).lastSave, {
    acl: ["admin", "dangerous"],
    tips: ["nondeterministic_output"],
  }),
  srv("shutdown", -1, ["admin", "noscript", "loading", "stale", "no_multi", "allow_busy"], shutdown),
  srv("wait", 3, ["noscript"], wait, {
    acl: ["connection"],
    tips: ["request_policy:all_shards", "response_policy:agg_min"],
  }),
  {
    name: "config",
    arity: -2,
    flags: [],
    subcommands: [
      configSub("get", -3, configGet),
      configSub("set", -4, configSet, {
        tips: ["request_policy:all_nodes", "response_policy:all_succeeded"],
      }),
      configSub("resetstat", 2, configResetstat),
      configSub("rewrite", 2, configRewrite),
      configSub("help", 2, () => CONFIG_HELP, {
        flags: ["loading", "stale"],
      }),
    ],
  },
  {
    name: "slowlog",
    arity: -2,
    flags: [],
    subcommands: [
      slowlogSub("get", -2, slowlogGet, { tips: ["request_policy:all_nodes", "nondeterministic_output"] }),
      slowlogSub("len", 2, (c) => executorOf(c).slowlog.length, {
        tips: ["request_policy:all_nodes", "response_policy:agg_sum", "nondeterministic_output"],
      }),
      slowlogSub(
        "reset",
        2,
        (c) => {
          executorOf(c).slowlog.reset();
          return OK;
        },
        { tips: ["request_policy:all_nodes", "response_policy:all_succeeded"] },
      ),
      { name: "help", arity: 2, flags: ["loading", "stale"], handler: () => SLOWLOG_HELP },
    ],
  },
];
