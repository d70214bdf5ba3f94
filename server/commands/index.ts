// Registers every command group in the command table. A new group (hashes, lists, sets, zsets,
// scripting…) exports a CommandDef[] from its own file and adds one line here.

import type { CommandTable } from "./table.js";
import { stringCommands } from "./strings.js";
import { keyCommands } from "./keys.js";
import { connectionCommands } from "./connection.js";
import { transactionCommands } from "./transactions.js";
import { serverCommands } from "./server.js";
import { commandCommands } from "./command.js";
import { hashCommands } from "./hashes.js";
import { listCommands } from "./lists.js";
import { setCommands } from "./sets.js";
import { zsetCommands } from "./zsets.js";
import { zsetRangeCommands } from "./zset-ranges.js";
import { zsetAlgebraCommands } from "./zset-algebra.js";
import { blockingCommands } from "./blocking.js";
import { pubsubCommands } from "./pubsub.js";
import { streamCommands } from "./streams.js";
import { streamReadCommands } from "./streams-read.js";
import { streamGroupCommands } from "./streams-groups.js";
import { bitmapCommands } from "./bitmaps.js";
import { sortCommands } from "./sort.js";
import { replicationCommands } from "./replication.js";
import { persistenceCommands } from "./persistence.js";
import { debugCommands } from "./debug.js";
import { latencyCommands } from "./latency.js";

export function registerCoreCommands(table: CommandTable): void {
  table.register(stringCommands);
  table.register(keyCommands);
  table.register(connectionCommands);
  table.register(transactionCommands);
  table.register(serverCommands);
  table.register(commandCommands);
  table.register(hashCommands);
  table.register(listCommands);
  table.register(setCommands);
  table.register(zsetCommands);
  table.register(zsetRangeCommands);
  table.register(zsetAlgebraCommands);
  table.register(blockingCommands);
  table.register(pubsubCommands);
  table.register(streamCommands);
  table.register(streamReadCommands);
  table.register(streamGroupCommands);
  table.register(bitmapCommands);
  table.register(sortCommands);
  table.register(replicationCommands);
  table.register(persistenceCommands);
  table.register(debugCommands);
  table.register(latencyCommands);
}
