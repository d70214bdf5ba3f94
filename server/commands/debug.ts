// DEBUG (debug.c): the subcommands clients and test suites use — HELP, SLEEP (the executor does
// nothing else meanwhile, as Redis's event loop), SET-ACTIVE-EXPIRE, PROTOCOL (a test value of
// each RESP type), DIGEST and DIGEST-VALUE (server/keyspace/digest.ts), ERROR, LOG. The ones
// that need what redlua does not have (RDB/AOF, a C heap, crashing the process, replication)
// answer that they are not supported. Allowed only as
// enable-debug-command says (the executor's CMD_PROTECTED check).

import type { ClientState } from "../client.js";
import { log } from "../log.js";
import {
  AttributeReply,
  BigNumberReply,
  BoolReply,
  DoubleReply,
  err,
  MapReply,
  OK,
  PushReply,
  ReplySequence,
  SetReply,
  StatusReply,
  VerbatimReply,
  type Reply,
} from "../reply.js";
import { datasetDigest, valueDigest } from "../keyspace/digest.js";
import { strtod } from "../../runtime/number.js";
import { blankNewlines } from "../../runtime/lib/bytemap.js";
import { executorOf, subcommandSyntaxError } from "./connection.js";
import { debugObjectLine } from "./debug-object.js";
import { atoi } from "./getkeys.js";
import { cstr } from "./helpers.js";
import { refcountOf } from "./keys.js";
import type { CommandDef } from "./table.js";

const DEBUG_HELP = [
  "DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "AOF-FLUSH-SLEEP <microsec>",
  "    Server will sleep before flushing the AOF, this is used for testing.",
  "ASSERT",
  "    Crash by assertion failed.",
  "CHANGE-REPL-ID",
  "    Change the replication IDs of the instance.",
  "    Dangerous: should be used only for testing the replication subsystem.",
  "CONFIG-REWRITE-FORCE-ALL",
  "    Like CONFIG REWRITE but writes all configuration options, including",
  "    keywords not listed in original configuration file or default values.",
  "CRASH-AND-RECOVER [<milliseconds>]",
  "    Hard crash and restart after a <milliseconds> delay (default 0).",
  "DIGEST",
  "    Output a hex signature representing the current DB content.",
  "DIGEST-VALUE <key> [<key> ...]",
  "    Output a hex signature of the values of all the specified keys.",
  "ERROR <string>",
  "    Return a Redis protocol error with <string> as message. Useful for clients",
  "    unit tests to simulate Redis errors.",
  "LEAK <string>",
  "    Create a memory leak of the input string.",
  "LOG <message>",
  "    Write <message> to the server log.",
  "HTSTATS <dbid>",
  "    Return hash table statistics of the specified Redis database.",
  "HTSTATS-KEY <key>",
  "    Like HTSTATS but for the hash table stored at <key>'s value.",
  "LOADAOF",
  "    Flush the AOF buffers on disk and reload the AOF in memory.",
  "REPLICATE <string>",
  "    Replicates the provided string to replicas, allowing data divergence.",
  "MALLCTL <key> [<val>]",
  "    Get or set a malloc tuning integer.",
  "MALLCTL-STR <key> [<val>]",
  "    Get or set a malloc tuning string.",
  "OBJECT <key>",
  "    Show low level info about `key` and associated value.",
  "DROP-CLUSTER-PACKET-FILTER <packet-type>",
  "    Drop all packets that match the filtered type. Set to -1 allow all packets.",
  "OOM",
  "    Crash the server simulating an out-of-memory error.",
  "PANIC",
  "    Crash the server simulating a panic.",
  "POPULATE <count> [<prefix>] [<size>]",
  "    Create <count> string keys named key:<num>. If <prefix> is specified then",
  "    it is used instead of the 'key' prefix. These are not propagated to",
  "    replicas. Cluster slots are not respected so keys not belonging to the",
  "    current node can be created in cluster mode.",
  "PROTOCOL <type>",
  "    Reply with a test value of the specified type. <type> can be: string,",
  "    integer, double, bignum, null, array, set, map, attrib, push, verbatim,",
  "    true, false.",
  "RELOAD [option ...]",
  "    Save the RDB on disk and reload it back to memory. Valid <option> values:",
  "    * MERGE: conflicting keys will be loaded from RDB.",
  "    * NOFLUSH: the existing database will not be removed before load, but",
  "      conflicting keys will generate an exception and kill the server.",
  "    * NOSAVE: the database will be loaded from an existing RDB file.",
  "    Examples:",
  "    * DEBUG RELOAD: verify that the server is able to persist, flush and reload",
  "      the database.",
  "    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an",
  "      existing RDB file.",
  "    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB",
  "      file to the database.",
  "RESTART [<milliseconds>]",
  "    Graceful restart: save config, db, restart after a <milliseconds> delay (default 0).",
  "SDSLEN <key>",
  "    Show low level SDS string info representing `key` and value.",
  "SEGFAULT",
  "    Crash the server with sigsegv.",
  "SET-ACTIVE-EXPIRE <0|1>",
  "    Setting it to 0 disables expiring keys in background when they are not",
  "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
  "    default.",
  "QUICKLIST-PACKED-THRESHOLD <size>",
  "    Sets the threshold for elements to be inserted as plain vs packed nodes",
  "    Default value is 1GB, allows values up to 4GB. Setting to 0 restores to default.",
  "SET-SKIP-CHECKSUM-VALIDATION <0|1>",
  "    Enables or disables checksum checks for RDB files and RESTORE's payload.",
  "SLEEP <seconds>",
  "    Stop the server for <seconds>. Decimals allowed.",
  "STRINGMATCH-TEST",
  "    Run a fuzz tester against the stringmatchlen() function.",
  "STRUCTSIZE",
  "    Return the size of different Redis core C structures.",
  "LISTPACK <key>",
  "    Show low level info about the listpack encoding of <key>.",
  "QUICKLIST <key> [<0|1>]",
  "    Show low level info about the quicklist encoding of <key>.",
  "    The optional argument (0 by default) sets the level of detail",
  "CLIENT-EVICTION",
  "    Show low level client eviction pools info (maxmemory-clients).",
  "PAUSE-CRON <0|1>",
  "    Stop periodic cron job processing.",
  "REPLYBUFFER PEAK-RESET-TIME <NEVER||RESET|time>",
  "    Sets the time (in milliseconds) to wait between client reply buffer peak resets.",
  "    In case NEVER is provided the last observed peak will never be reset",
  "    In case RESET is provided the peak reset time will be restored to the default value",
  "REPLYBUFFER RESIZING <0|1>",
  "    Enable or disable the reply buffer resize cron job",
  "CLUSTERLINK KILL <to|from|all> <node-id>",
  "    Kills the link based on the direction to/from (both) with the provided node.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

/** Redis's DEBUG subcommands that redlua cannot honour (no RDB/AOF, no C allocator, no crash). */
const UNSUPPORTED = new Set([
  "aof-flush-sleep",
  "assert",
  "change-repl-id",
  "config-rewrite-force-all",
  "crash-and-recover",
  "leak",
  "htstats",
  "htstats-key",
  "loadaof",
  "replicate",
  "mallctl",
  "mallctl-str",
  "drop-cluster-packet-filter",
  "oom",
  "panic",
  "populate",
  "reload",
  "restart",
  "sdslen",
  "segfault",
  "quicklist-packed-threshold",
  "set-skip-checksum-validation",
  "stringmatch-test",
  "structsize",
  "listpack",
  "quicklist",
  "client-eviction",
  "pause-cron",
  "replybuffer",
  "clusterlink",
]);

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** debugDelay: the executor stops, as Redis's single thread does in nanosleep. */
function sleepSeconds(seconds: number): void {
  // (long long)(dtime * 1000000): an infinite or huge value converts to LLONG_MIN on x86-64
  const us = Math.trunc(seconds * 1e6);
  if (!(us > 0) || us >= 2 ** 63) return;
  const end = performance.now() + us / 1000;
  for (let left = us / 1000; left > 0; left = end - performance.now()) Atomics.wait(sleeper, 0, 0, left);
}

const PROTOCOL_TYPES = "string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false";

/** DEBUG PROTOCOL <type>: debug.c's test values. */
function protocol(c: ClientState, name: string): Reply {
  switch (name.toLowerCase()) {
    case "string":
      return "Hello World";
    case "integer":
      return 12345;
    case "double":
      return new DoubleReply(3.141);
    case "bignum":
      return new BigNumberReply("1234567999999999999999999999999999999");
    case "null":
      return null;
    case "array":
      return [0, 1, 2];
    case "set":
      return new SetReply([0, 1, 2]);
    case "map":
      return new MapReply([0, new BoolReply(false), 1, new BoolReply(true), 2, new BoolReply(false)]);
    case "attrib":
      // an attribute is not a reply by itself: a real one follows (RESP2 gets only that one)
      return new ReplySequence([
        new AttributeReply(["key-popularity", ["key:123", 90]]),
        "Some real reply following the attribute",
      ]);
    case "push":
      if (c.resp < 3) return err("ERR RESP2 is not supported by this command");
      return new ReplySequence([
        new PushReply(["server-cpu-usage", 42]),
        "Some real reply following the push reply",
      ]);
    case "true":
      return new BoolReply(true);
    case "false":
      return new BoolReply(false);
    case "verbatim":
      return new VerbatimReply("txt", "This is a verbatim\nstring");
    default:
      return err(`ERR Wrong protocol type name. Please use one of the following: ${PROTOCOL_TYPES}`);
  }
}

/** DEBUG OBJECT: found without expiring or touching it, as dictFind. */
function debugObject(c: ClientState, key: string): Reply {
  const e = c.db.dict.get(key);
  if (e === undefined) return err("ERR no such key");
  const ex = executorOf(c);
  const idle = Math.max(0, Math.floor((ex.lruClock - e.lru) / 1000));
  const lzf = ex.config.get("rdbcompression") !== "no";
  const line = debugObjectLine(e, refcountOf(c, e), lzf, idle);
  if (line === undefined) {
    return err(
      `ERR DEBUG OBJECT of a ${typeof e.v === "string" ? "string" : e.v.type} is not supported by this server`,
    );
  }
  return new StatusReply(line);
}

function debug(c: ClientState, argv: string[]): Reply {
  const sub = argv[1].toLowerCase();
  const n = argv.length;
  if (sub === "help" && n === 2) return DEBUG_HELP;
  if (sub === "sleep" && n === 3) {
    sleepSeconds(strtod(cstr(argv[2])).value);
    return OK;
  }
  if (sub === "set-active-expire" && n === 3) {
    executorOf(c).activeExpireEnabled = atoi(argv[2]) !== 0;
    return OK;
  }
  if (sub === "protocol" && n === 3) return protocol(c, argv[2]);
  if (sub === "object" && n === 3) return debugObject(c, argv[2]);
  if (sub === "digest" && n === 2) return new StatusReply(datasetDigest(executorOf(c).dbs));
  if (sub === "digest-value") {
    const out: Reply[] = [];
    for (let j = 2; j < n; j++) out.push(new StatusReply(valueDigest(c.db, argv[j])));
    return out;
  }
  if (sub === "error" && n === 3) {
    // the text is the whole error line, code and all
    return err(blankNewlines(argv[2]));
  }
  if (sub === "log" && n === 3) {
    log("#", `DEBUG LOG: ${argv[2]}`);
    return OK;
  }
  if (UNSUPPORTED.has(sub)) return err(`ERR DEBUG ${sub.toUpperCase()} is not supported by this server`);
  return subcommandSyntaxError(argv);
}

export const debugCommands: CommandDef[] = [
  {
    name: "debug",
    arity: -2,
    flags: ["admin", "noscript", "loading", "stale"],
    protectedBy: "enable-debug-command",
    handler: debug,
  },
];
