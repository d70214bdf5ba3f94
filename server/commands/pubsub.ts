// Pub/sub commands (pubsub.c): PUBLISH SUBSCRIBE UNSUBSCRIBE PSUBSCRIBE PUNSUBSCRIBE, the shard
// forms SPUBLISH SSUBSCRIBE SUNSUBSCRIBE, and PUBSUB CHANNELS NUMSUB NUMPAT SHARDCHANNELS
// SHARDNUMSUB HELP, on the state in server/pubsub.ts. (Un)subscribe confirmations are push
// replies, one per channel (a ReplySequence); the RESP2 subscribed-mode rule is the executor's.

import type { ClientState } from "../client.js";
import type { SubKind } from "../pubsub.js";
import { err, PushReply, ReplySequence, StatusReply, type Reply } from "../reply.js";
import { executorOf } from "./connection.js";
import type { CommandDef } from "./table.js";

/** How a kind of subscription answers: its message names and the count it reports. */
const KINDS: Record<SubKind, { sub: string; unsub: string; count: (c: ClientState) => number }> = {
  channel: { sub: "subscribe", unsub: "unsubscribe", count: (c) => c.subs + c.psubs },
  pattern: { sub: "psubscribe", unsub: "punsubscribe", count: (c) => c.subs + c.psubs },
  shard: { sub: "ssubscribe", unsub: "sunsubscribe", count: (c) => c.ssubs },
};

/** SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE: a confirmation per name, with the running count. */
function subscribe(c: ClientState, argv: string[], kind: SubKind): Reply {
  if (kind === "shard" && c.denyBlocking && !c.inMulti) {
    return err("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client");
  }
  const ps = executorOf(c).pubsub;
  const k = KINDS[kind];
  const out: Reply[] = [];
  for (let j = 1; j < argv.length; j++) {
    ps.subscribe(c, kind, argv[j]);
    out.push(new PushReply([k.sub, argv[j], k.count(c)]));
  }
  return new ReplySequence(out);
}

/**
 * UNSUBSCRIBE, PUNSUBSCRIBE, SUNSUBSCRIBE: the named ones or all; a confirmation per name (even
 * one not subscribed), or a single one with a nil name when there was nothing to drop.
 */
function unsubscribe(c: ClientState, argv: string[], kind: SubKind): Reply {
  const ps = executorOf(c).pubsub;
  const k = KINDS[kind];
  const names = argv.length > 1 ? argv.slice(1) : ps.subscriptionsOf(c, kind);
  const out: Reply[] = [];
  for (const name of names) {
    ps.unsubscribe(c, kind, name);
    out.push(new PushReply([k.unsub, name, k.count(c)]));
  }
  if (out.length === 0) out.push(new PushReply([k.unsub, null, k.count(c)]));
  return new ReplySequence(out);
}

function publish(c: ClientState, argv: string[]): Reply {
  return executorOf(c).pubsub.publish(argv[1], argv[2]);
}

function spublish(c: ClientState, argv: string[]): Reply {
  return executorOf(c).pubsub.publishShard(argv[1], argv[2]);
}

function channels(c: ClientState, argv: string[], kind: "channel" | "shard"): Reply {
  if (argv.length > 3) return subcommandSyntax(argv);
  return executorOf(c).pubsub.activeChannels(kind, argv.length === 3 ? argv[2] : undefined);
}

function numsub(c: ClientState, argv: string[], kind: "channel" | "shard"): Reply {
  const ps = executorOf(c).pubsub;
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) out.push(argv[j], ps.subscriberCount(kind, argv[j]));
  return out;
}

function subcommandSyntax(argv: string[]): Reply {
  return err(
    `ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try ${argv[0].toUpperCase()} HELP.`,
  );
}

const PUBSUB_HELP = [
  "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "CHANNELS [<pattern>]",
  "    Return the currently active channels matching a <pattern> (default: '*').",
  "NUMPAT",
  "    Return number of subscriptions to patterns.",
  "NUMSUB [<channel> ...]",
  "    Return the number of subscribers for the specified channels, excluding",
  "    pattern subscriptions(default: no channels).",
  "SHARDCHANNELS [<pattern>]",
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  "SHARDNUMSUB [<shardchannel> ...]",
  "    Return the number of subscribers for the specified shard level channel(s)",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

const sub = (name: string, kind: SubKind, keyed: boolean): CommandDef => ({
  name,
  arity: name.includes("unsub") ? -1 : -2,
  flags: ["pubsub", "noscript", "loading", "stale"],
  ...(keyed
    ? {
        keys: [1, -1, 1] as [number, number, number],
        keySpecs: [{ flags: "not_key", begin: 1, find: { lastkey: -1, step: 1, limit: 0 } }],
      }
    : {}),
  handler: (c, a) => (name.includes("unsub") ? unsubscribe(c, a, kind) : subscribe(c, a, kind)),
});

const pubsubSub = (name: string, arity: number, handler: CommandDef["handler"]): CommandDef => ({
  name,
  arity,
  flags: ["pubsub", "loading", "stale"],
  handler,
});

export const pubsubCommands: CommandDef[] = [
  {
    name: "publish",
    arity: 3,
    flags: ["pubsub", "loading", "stale", "fast", "may_replicate"],
    handler: publish,
  },
  sub("subscribe", "channel", false),
  sub("unsubscribe", "channel", false),
  sub("psubscribe", "pattern", false),
  sub("punsubscribe", "pattern", false),
  {
    name: "spublish",
    arity: 3,
    flags: ["pubsub", "loading", "stale", "fast", "may_replicate"],
    keys: [1, 1, 1],
    keySpecs: [{ flags: "not_key", begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
    handler: spublish,
  },
  sub("ssubscribe", "shard", true),
  sub("sunsubscribe", "shard", true),
  {
    name: "pubsub",
    arity: -2,
    flags: [],
    subcommands: [
      pubsubSub("channels", -2, (c, a) => channels(c, a, "channel")),
      pubsubSub("numsub", -2, (c, a) => numsub(c, a, "channel")),
      pubsubSub("numpat", 2, (c) => executorOf(c).pubsub.patternCount),
      pubsubSub("shardchannels", -2, (c, a) => channels(c, a, "shard")),
      pubsubSub("shardnumsub", -2, (c, a) => numsub(c, a, "shard")),
      {
        name: "help",
        arity: 2,
        flags: ["loading", "stale"],
        handler: () => PUBSUB_HELP,
      },
    ],
  },
];
