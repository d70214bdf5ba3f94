// SAVE, BGSAVE, BGREWRITEAOF: redlua keeps its data in memory only (no RDB, no AOF), so these
// answer, after Redis's own argument checks, that nothing is persisted. LASTSAVE (server.ts)
// answers as a Redis that never saved: the start-up time.

import type { ClientState } from "../client.js";
import { err, type Reply } from "../reply.js";
import { ERR_SYNTAX } from "./helpers.js";
import type { CommandDef } from "./table.js";

function notPersisted(what: string): Reply {
  return err(`ERR ${what} is not supported: redlua does not persist data (no RDB or AOF)`);
}

/** BGSAVE [SCHEDULE] */
function bgsave(_c: ClientState, argv: string[]): Reply {
  if (argv.length > 1 && (argv.length > 2 || argv[1].toLowerCase() !== "schedule")) return ERR_SYNTAX;
  return notPersisted("BGSAVE");
}

export const persistenceCommands: CommandDef[] = [
  {
    name: "save",
    arity: 1,
    flags: ["admin", "noscript", "no_async_loading", "no_multi"],
    handler: () => notPersisted("SAVE"),
  },
  { name: "bgsave", arity: -1, flags: ["admin", "noscript", "no_async_loading"], handler: bgsave },
  {
    name: "bgrewriteaof",
    arity: 1,
    flags: ["admin", "noscript", "no_async_loading"],
    handler: () => notPersisted("BGREWRITEAOF"),
  },
];
