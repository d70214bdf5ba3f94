// Transactions (multi.c): MULTI EXEC DISCARD WATCH UNWATCH. Queueing itself happens in the
// executor (processCommand); these handlers start, run, abort and watch.

import type { ClientState } from "../client.js";
import { err, OK, type Reply } from "../reply.js";
import { executorOf } from "./connection.js";
import type { CommandDef } from "./table.js";

function multi(c: ClientState): Reply {
  if (c.inMulti) return err("ERR MULTI calls can not be nested");
  c.inMulti = true;
  c.queue = [];
  return OK;
}

function exec(c: ClientState): Reply {
  if (!c.inMulti) return err("ERR EXEC without MULTI");
  return executorOf(c).exec(c);
}

function discard(c: ClientState): Reply {
  if (!c.inMulti) return err("ERR DISCARD without MULTI");
  executorOf(c).discard(c);
  return OK;
}

function watch(c: ClientState, argv: string[]): Reply {
  if (c.inMulti) return err("ERR WATCH inside MULTI is not allowed");
  const ex = executorOf(c);
  for (let i = 1; i < argv.length; i++) ex.watch(c, argv[i]);
  return OK;
}

function unwatch(c: ClientState): Reply {
  executorOf(c).unwatchAll(c);
  return OK;
}

const tx = (
  name: string,
  arity: number,
  flags: CommandDef["flags"],
  handler: CommandDef["handler"],
  extra: Partial<CommandDef> = {},
): CommandDef => ({
  name,
  arity,
  flags,
  acl: ["transaction"],
  handler,
  ...extra,
});

export const transactionCommands: CommandDef[] = [
  tx("multi", 1, ["noscript", "loading", "stale", "fast", "allow_busy"], multi),
  tx("exec", 1, ["noscript", "loading", "stale", "skip_slowlog"], exec),
  tx("discard", 1, ["noscript", "loading", "stale", "fast", "allow_busy"], discard),
  tx("watch", -2, ["noscript", "loading", "stale", "fast", "allow_busy"], watch, {
    keys: [1, -1, 1],
    keySpecs: [{ flags: "RO", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
  }),
  tx("unwatch", 1, ["noscript", "loading", "stale", "fast", "allow_busy"], unwatch),
];
