// LATENCY (Redis 7.0's latency.c): the latency monitor's events (LATEST, HISTORY, RESET, and
// DOCTOR while it has nothing to report) and the per-command histograms of INFO latencystats
// (HISTOGRAM). DOCTOR's analysis of recorded events and GRAPH's sparklines are not built: they
// answer that they are not supported.

import type { ClientState } from "../client.js";
import type { LatencyHistogram } from "../latency.js";
import { err, MapReply, StatusReply, VerbatimReply, type Reply } from "../reply.js";
import { executorOf } from "./connection.js";
import { eachRunnable, subcommandsFlagged, type Command, type CommandDef } from "./table.js";

const LATENCY_HELP = [
  "LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "DOCTOR",
  "    Return a human readable latency analysis report.",
  "GRAPH <event>",
  "    Return an ASCII latency graph for the <event> class.",
  "HISTORY <event>",
  "    Return time-latency samples for the <event> class.",
  "LATEST",
  "    Return the latest latency samples for all events.",
  "RESET [<event> ...]",
  "    Reset latency data of one or more <event> classes.",
  "    (default: reset all data for all event classes)",
  "HISTOGRAM [COMMAND ...]",
  "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
  "    If no commands are specified then all histograms are replied.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

const DOCTOR_DISABLED =
  "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use " +
  '"CONFIG SET latency-monitor-threshold <milliseconds>." in order to enable it. If we weren\'t in a deep ' +
  "space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n";
const DOCTOR_NOTHING =
  "Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest " +
  "bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n";

function doctor(c: ClientState): Reply {
  const mon = executorOf(c).latencyMonitor;
  if (mon.eventCount === 0)
    return new VerbatimReply("txt", mon.threshold === 0 ? DOCTOR_DISABLED : DOCTOR_NOTHING);
  return err(
    "ERR LATENCY DOCTOR's analysis of latency events is not supported by redlua; use LATENCY LATEST and HISTORY",
  );
}

function graph(c: ClientState, argv: string[]): Reply {
  if (executorOf(c).latencyMonitor.history(argv[2]).length === 0) {
    return err(`ERR No samples available for event '${argv[2]}'`);
  }
  return err("ERR LATENCY GRAPH is not supported by redlua; use LATENCY HISTORY");
}

function reset(c: ClientState, argv: string[]): Reply {
  const mon = executorOf(c).latencyMonitor;
  if (argv.length === 2) return mon.reset();
  let n = 0;
  for (let j = 2; j < argv.length; j++) n += mon.reset(argv[j]);
  return n;
}

/** fillCommandCDF: {calls, histogram_usec: {µs: samples up to it}}. */
function distribution(h: LatencyHistogram): Reply {
  return new MapReply(["calls", h.total, "histogram_usec", new MapReply(h.cumulative().flat())]);
}

/** LATENCY HISTOGRAM [command ...]: the named commands (a container: its subcommands), or all. */
function histogram(c: ClientState, argv: string[]): Reply {
  const table = executorOf(c).table;
  const out: Reply[] = [];
  const add = (cmd: Command) => {
    if (cmd.latency !== undefined && cmd.latency.total > 0) out.push(cmd.fullname, distribution(cmd.latency));
  };
  const named =
    argv.length === 2 ? table.commands.values() : argv.slice(2).map((a) => table.lookupFullname(a));
  for (const cmd of named) if (cmd !== undefined) eachRunnable(cmd, add);
  return new MapReply(out);
}

const sub = subcommandsFlagged(["admin", "noscript", "loading", "stale"]);

const SPECIAL = { tips: ["nondeterministic_output", "request_policy:all_nodes", "response_policy:special"] };

export const latencyCommands: CommandDef[] = [
  {
    name: "latency",
    arity: -2,
    flags: [],
    subcommands: [
      sub("doctor", 2, doctor, SPECIAL),
      sub("graph", 3, graph, SPECIAL),
      sub("history", 3, (c, argv) => executorOf(c).latencyMonitor.history(argv[2]), SPECIAL),
      sub("latest", 2, (c) => executorOf(c).latencyMonitor.latest(), SPECIAL),
      sub("reset", -2, reset, { tips: ["request_policy:all_nodes", "response_policy:all_succeeded"] }),
      sub("histogram", -2, histogram, SPECIAL),
      { name: "help", arity: 2, flags: ["loading", "stale"], handler: () => LATENCY_HELP },
    ],
  },
];
