// MONITOR and the replication commands (replication.c). redlua is a standalone master that
// never has replicas: REPLICAOF/SLAVEOF NO ONE is what such a Redis answers (+OK), FAILOVER
// answers as a master without replicas, and what would start replication (REPLICAOF host port,
// SYNC, PSYNC) is refused with a clear error after Redis's own argument checks.

import type { ClientState } from "../client.js";
import { err, NO_REPLY, OK, type Reply } from "../reply.js";
import { parseLLNum } from "../util/numbers.js";
import { executorOf } from "./connection.js";
import { ERR_NOT_INT, ERR_SYNTAX } from "./helpers.js";
import type { CommandDef } from "./table.js";

const NOT_SUPPORTED = err("ERR Replication is not supported: redlua is a standalone master");

/** MONITOR: this connection gets a line for every command any client (or script) runs. */
function monitor(c: ClientState): Reply {
  // EXEC: a client that expects one reply per command can't take the stream
  if (c.denyBlocking) return err("ERR MONITOR isn't allowed for DENY BLOCKING client");
  // already monitoring (or a replica): ignored, without a reply
  if (c.monitor || c.kind === "replica") return NO_REPLY;
  executorOf(c).monitors.add(c);
  return OK;
}

/** REPLICAOF / SLAVEOF host port. */
function replicaof(c: ClientState, argv: string[]): Reply {
  if (argv[1].toLowerCase() === "no" && argv[2].toLowerCase() === "one") return OK;
  if (c.monitor || c.kind === "replica") return err("ERR Command is not valid when client is a replica.");
  const port = parseLLNum(argv[2]);
  if (port === undefined || port < 0 || port > 65535) return err("ERR Invalid master port");
  return NOT_SUPPORTED;
}

/** SYNC / PSYNC replid offset. */
function sync(c: ClientState, argv: string[]): Reply {
  // a replica or a monitor asking again is ignored
  if (c.monitor || c.kind === "replica") return NO_REPLY;
  if (argv[0].toLowerCase() === "psync" && parseLLNum(argv[2]) === undefined) return ERR_NOT_INT;
  return NOT_SUPPORTED;
}

/** FAILOVER [TO host port [FORCE]] [ABORT] [TIMEOUT ms]: parsed as Redis does; no replicas. */
function failover(_c: ClientState, argv: string[]): Reply {
  let host = false;
  let timeout = false;
  let force = false;
  let abort = false;
  for (let j = 1; j < argv.length; j++) {
    const a = argv[j].toLowerCase();
    if (a === "to" && !host && argv.length - j >= 3) {
      if (parseLLNum(argv[j + 2]) === undefined) return ERR_NOT_INT;
      host = true;
      j += 2;
    } else if (a === "timeout" && !timeout && argv.length - j >= 2) {
      const ms = parseLLNum(argv[j + 1]);
      if (ms === undefined) return ERR_NOT_INT;
      if (ms <= 0) return err("ERR FAILOVER timeout must be greater than 0");
      timeout = true;
      j++;
    } else if (a === "force" && !force) force = true;
    else if (a === "abort" && !abort) abort = true;
    else return ERR_SYNTAX;
  }
  if (abort && (host || timeout || force)) return ERR_SYNTAX;
  if (abort) return err("ERR No failover in progress.");
  return err("ERR FAILOVER requires connected replicas.");
}

const ADMIN: CommandDef["flags"] = ["admin", "noscript"];

export const replicationCommands: CommandDef[] = [
  { name: "monitor", arity: 1, flags: [...ADMIN, "loading", "stale"], handler: monitor },
  { name: "replicaof", arity: 3, flags: [...ADMIN, "stale", "no_async_loading"], handler: replicaof },
  { name: "slaveof", arity: 3, flags: [...ADMIN, "stale", "no_async_loading"], handler: replicaof },
  { name: "sync", arity: 1, flags: [...ADMIN, "no_async_loading", "no_multi"], handler: sync },
  { name: "psync", arity: -3, flags: [...ADMIN, "no_async_loading", "no_multi"], handler: sync },
  { name: "failover", arity: -1, flags: [...ADMIN, "stale"], handler: failover },
];
