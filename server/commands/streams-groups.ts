// Consumer groups and introspection (t_stream.c): XGROUP (CREATE SETID DESTROY CREATECONSUMER
// DELCONSUMER HELP), XACK, XPENDING (summary and extended, IDLE), XCLAIM, XAUTOCLAIM and XINFO
// (STREAM [FULL], GROUPS, CONSUMERS, HELP), in Redis 7.0's words and reply shapes.

import type { ClientState } from "../client.js";
import { err, ErrorReply, MapReply, NIL_ARRAY, OK, StatusReply, type Reply } from "../reply.js";
import {
  Consumer,
  ConsumerGroup,
  formatId,
  ID_MAX,
  INVALID_ENTRIES_READ,
  Nack,
  StreamValue,
  type StreamID,
} from "../types/stream.js";
import { parseLL, parseLLNum } from "../util/numbers.js";
import { ERR_NOT_INT, ERR_SYNTAX, is } from "./helpers.js";
import { consumerFor } from "./streams-read.js";
import { entryReply, intervalArg, parseId, strictIdArg, streamAt, ERR_INVALID_ID } from "./streams.js";
import type { CommandDef } from "./table.js";

const XAUTOCLAIM_MAX_COUNT = 9223372036854775807n / 16n;

function subcommandSyntax(argv: string[]): ErrorReply {
  return err(
    `ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try ${argv[0].toUpperCase()} HELP.`,
  );
}

function noGroup(key: string, group: string): ErrorReply {
  return err(`NOGROUP No such key '${key}' or consumer group '${group}'`);
}

// ---- XGROUP ----

/** xgroupCommand, shared by its subcommands as in Redis. */
function xgroup(c: ClientState, argv: string[]): Reply {
  const opt = argv[1];
  let mkstream = false;
  let entriesRead = INVALID_ENTRIES_READ;
  const parseEntriesRead = (s: string): ErrorReply | undefined => {
    const n = parseLLNum(s);
    if (n === undefined) return ERR_NOT_INT;
    if (n < 0 && n !== INVALID_ENTRIES_READ) return err("ERR value for ENTRIESREAD must be positive or -1");
    entriesRead = n;
    return undefined;
  };
  if (is(opt, "create")) {
    for (let i = 5; i < argv.length;) {
      if (is(argv[i], "mkstream")) {
        mkstream = true;
        i++;
      } else if (is(argv[i], "entriesread") && i + 1 < argv.length) {
        const e = parseEntriesRead(argv[i + 1]);
        if (e !== undefined) return e;
        i += 2;
      } else return subcommandSyntax(argv);
    }
  } else if (is(opt, "setid")) {
    if (argv.length === 7) {
      if (!is(argv[5], "entriesread")) return subcommandSyntax(argv);
      const e = parseEntriesRead(argv[6]);
      if (e !== undefined) return e;
    } else if (argv.length !== 5) return subcommandSyntax(argv);
  }
  const key = argv[2];
  const s = streamAt(c, key, true);
  if (s instanceof ErrorReply) return s;
  const groupName = argv[3];
  let g: ConsumerGroup | undefined;
  if (!mkstream) {
    if (s === undefined) {
      return err(
        "ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.",
      );
    }
    g = s.groups.get(groupName);
    if (g === undefined && (is(opt, "setid") || is(opt, "createconsumer") || is(opt, "delconsumer"))) {
      return err(`NOGROUP No such consumer group '${groupName}' for key name '${key}'`);
    }
  }
  const ex = c.db.host;
  if (is(opt, "create")) {
    if (argv.length > 8) return subcommandSyntax(argv);
    let id: StreamID;
    if (argv[4] === "$") id = s === undefined ? 0n : s.lastId;
    else {
      const p = strictIdArg(argv[4]);
      if (p instanceof ErrorReply) return p;
      id = p;
    }
    let stream = s;
    if (stream === undefined) {
      stream = new StreamValue();
      c.db.add(key, stream);
      c.db.modified(key, 0);
    }
    if (stream.groups.has(groupName)) return err("BUSYGROUP Consumer Group name already exists");
    stream.groups.set(groupName, new ConsumerGroup(id, entriesRead));
    ex.dirty++;
    return OK;
  }
  const st = s as StreamValue;
  if (is(opt, "setid")) {
    let id: StreamID;
    if (argv[4] === "$") id = st.lastId;
    else {
      const p = parseId(argv[4], 0n, false);
      if (p === undefined) return ERR_INVALID_ID;
      id = p.id;
    }
    const grp = g as ConsumerGroup;
    grp.lastId = id;
    grp.entriesRead = entriesRead;
    ex.dirty++;
    return OK;
  }
  if (is(opt, "destroy")) {
    if (argv.length !== 4) return subcommandSyntax(argv);
    if (g === undefined) return 0;
    st.groups.delete(groupName);
    ex.dirty++;
    // signalKeyAsReady: XREADGROUP clients blocked on this group get -NOGROUP.
    if (c.db.blockingKeys.has(key)) c.db.host.keyReady(c.db, key);
    return 1;
  }
  if (argv.length !== 5) return subcommandSyntax(argv);
  const grp = g as ConsumerGroup;
  if (is(opt, "createconsumer")) {
    const created = grp.createConsumer(argv[4], Date.now());
    if (created !== undefined) ex.dirty++;
    return created === undefined ? 0 : 1;
  }
  // DELCONSUMER: answers how many entries it still had pending.
  const consumer = grp.consumers.get(argv[4]);
  if (consumer === undefined) return 0;
  const pending = consumer.pel.size;
  grp.deleteConsumer(consumer);
  ex.dirty++;
  return pending;
}

const XGROUP_HELP = [
  "XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "CREATE <key> <groupname> <id|$> [option]",
  "    Create a new consumer group. Options are:",
  "    * MKSTREAM",
  "      Create the empty stream if it does not exist.",
  "    * ENTRIESREAD entries_read",
  "      Set the group's entries_read counter (internal use).",
  "CREATECONSUMER <key> <groupname> <consumer>",
  "    Create a new consumer in the specified group.",
  "DELCONSUMER <key> <groupname> <consumer>",
  "    Remove the specified consumer.",
  "DESTROY <key> <groupname>",
  "    Remove the specified group.",
  "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
  "    Set the current group ID and entries_read counter.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

// ---- XACK, XPENDING ----

function groupOf(
  c: ClientState,
  key: string,
  name: string,
): { s: StreamValue | undefined; g: ConsumerGroup | undefined } | ErrorReply {
  const s = streamAt(c, key, false);
  if (s instanceof ErrorReply) return s;
  return { s, g: s?.groups.get(name) };
}

function xack(c: ClientState, argv: string[]): Reply {
  const r = groupOf(c, argv[1], argv[2]);
  if (r instanceof ErrorReply) return r;
  const g = r.g;
  if (g === undefined) return 0;
  const ids: StreamID[] = [];
  for (let j = 3; j < argv.length; j++) {
    const id = strictIdArg(argv[j]);
    if (id instanceof ErrorReply) return id;
    ids.push(id);
  }
  let acked = 0;
  for (const id of ids) {
    const nack = g.pel.get(id);
    if (nack === undefined) continue;
    g.pel.delete(id);
    nack.consumer?.pel.delete(id);
    acked++;
    c.db.host.dirty++;
  }
  return acked;
}

function xpending(c: ClientState, argv: string[]): Reply {
  const justInfo = argv.length === 3;
  if (argv.length !== 3 && (argv.length < 6 || argv.length > 9)) return ERR_SYNTAX;
  let start = 0n;
  let end = ID_MAX;
  let count = 0;
  let minIdle = 0;
  let consumerName: string | undefined;
  if (argv.length >= 6) {
    let at = 3;
    if (is(argv[3], "idle")) {
      const n = parseLLNum(argv[4]);
      if (n === undefined) return ERR_NOT_INT;
      minIdle = n;
      if (argv.length < 8) return ERR_SYNTAX;
      at += 2;
    }
    const n = parseLLNum(argv[at + 2]);
    if (n === undefined) return ERR_NOT_INT;
    count = n < 0 ? 0 : n;
    const s0 = intervalArg(argv[at], false);
    if (s0 instanceof ErrorReply) return s0;
    start = s0;
    const e0 = intervalArg(argv[at + 1], true);
    if (e0 instanceof ErrorReply) return e0;
    end = e0;
    if (at + 3 < argv.length) consumerName = argv[at + 3];
  }
  const r = groupOf(c, argv[1], argv[2]);
  if (r instanceof ErrorReply) return r;
  const g = r.g;
  if (g === undefined) return noGroup(argv[1], argv[2]);
  if (justInfo) {
    const total = g.pel.size;
    if (total === 0) return [0, null, null, NIL_ARRAY];
    const owners: Reply[] = [];
    for (const consumer of g.sortedConsumers()) {
      if (consumer.pel.size !== 0) owners.push([consumer.name, String(consumer.pel.size)]);
    }
    return [total, formatId(g.pel.first() as StreamID), formatId(g.pel.last() as StreamID), owners];
  }
  let pel = g.pel;
  if (consumerName !== undefined) {
    const consumer = g.consumers.get(consumerName);
    if (consumer === undefined) return [];
    pel = consumer.pel;
  }
  const now = Date.now();
  const out: Reply[] = [];
  for (let i = pel.seek(start); count > 0 && i < pel.size; i++) {
    const id = pel.keyAt(i);
    if (id > end) break;
    const nack = pel.get(id) as Nack;
    if (minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    count--;
    const elapsed = now - nack.deliveryTime;
    out.push([formatId(id), (nack.consumer as Consumer).name, elapsed < 0 ? 0 : elapsed, nack.deliveryCount]);
  }
  return out;
}

// ---- XCLAIM, XAUTOCLAIM ----

/** Moves a pending entry to `consumer` (it may have had none: FORCE). */
function takeOver(nack: Nack, id: StreamID, consumer: Consumer): void {
  if (nack.consumer === consumer) return;
  nack.consumer?.pel.delete(id);
  consumer.pel.set(id, nack);
  nack.consumer = consumer;
}

function xclaim(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const r = groupOf(c, key, argv[2]);
  if (r instanceof ErrorReply) return r;
  const s = r.s;
  const g = r.g;
  if (s === undefined || g === undefined) return noGroup(key, argv[2]);
  const mi = parseLLNum(argv[4]);
  if (mi === undefined) return err("ERR Invalid min-idle-time argument for XCLAIM");
  const minIdle = mi < 0 ? 0 : mi;
  let j = 5;
  while (j < argv.length && parseId(argv[j], 0n, true) !== undefined) j++;
  const lastIdArg = j - 1;
  const now = Date.now();
  let force = false;
  let justid = false;
  let deliveryTime = -1;
  let retryCount = -1;
  let lastId = 0n;
  for (; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j];
    if (is(opt, "force")) force = true;
    else if (is(opt, "justid")) justid = true;
    else if (is(opt, "idle") && more) {
      const n = parseLLNum(argv[++j]);
      if (n === undefined) return err("ERR Invalid IDLE option argument for XCLAIM");
      deliveryTime = now - n;
    } else if (is(opt, "time") && more) {
      const n = parseLLNum(argv[++j]);
      if (n === undefined) return err("ERR Invalid TIME option argument for XCLAIM");
      deliveryTime = n;
    } else if (is(opt, "retrycount") && more) {
      const n = parseLLNum(argv[++j]);
      if (n === undefined) return err("ERR Invalid RETRYCOUNT option argument for XCLAIM");
      retryCount = n;
    } else if (is(opt, "lastid") && more) {
      const id = strictIdArg(argv[++j]);
      if (id instanceof ErrorReply) return id;
      lastId = id;
    } else return err(`ERR Unrecognized XCLAIM option '${opt}'`);
  }
  if (lastId > g.lastId) g.lastId = lastId;
  if (deliveryTime === -1 || deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
  let consumer: Consumer | undefined;
  const out: Reply[] = [];
  const ex = c.db.host;
  for (let k = 5; k <= lastIdArg; k++) {
    const id = (parseId(argv[k], 0n, true) as { id: StreamID }).id;
    let nack = g.pel.get(id);
    const entry = s.get(id);
    if (entry === undefined) {
      // The entry is gone: its pending entry goes too.
      if (nack !== undefined) {
        g.pel.delete(id);
        nack.consumer?.pel.delete(id);
        ex.dirty++;
      }
      continue;
    }
    if (force && nack === undefined) {
      nack = new Nack(undefined, now, 1);
      g.pel.set(id, nack);
    }
    if (nack === undefined) continue;
    if (nack.consumer !== undefined && minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    consumer ??= consumerFor(g, argv[3], now);
    nack.deliveryTime = deliveryTime;
    if (retryCount >= 0) nack.deliveryCount = retryCount;
    else if (!justid) nack.deliveryCount++;
    takeOver(nack, id, consumer);
    out.push(justid ? formatId(id) : entryReply(entry));
    ex.dirty++;
  }
  return out;
}

function xautoclaim(c: ClientState, argv: string[]): Reply {
  const key = argv[1];
  const mi = parseLLNum(argv[4]);
  if (mi === undefined) return err("ERR Invalid min-idle-time argument for XAUTOCLAIM");
  const minIdle = mi < 0 ? 0 : mi;
  const start = intervalArg(argv[5], false);
  if (start instanceof ErrorReply) return start;
  let count = 100;
  let justid = false;
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (is(argv[j], "count") && more) {
      // getRangeLongFromObjectOrReply(1, LONG_MAX / 16): COUNT times 16 must not overflow
      const n = parseLL(argv[++j]);
      if (n === undefined || BigInt(n) < 1n || BigInt(n) > XAUTOCLAIM_MAX_COUNT)
        return err("ERR COUNT must be > 0");
      count = Number(n);
    } else if (is(argv[j], "justid")) justid = true;
    else return ERR_SYNTAX;
  }
  const r = groupOf(c, key, argv[2]);
  if (r instanceof ErrorReply) return r;
  const s = r.s;
  const g = r.g;
  if (s === undefined || g === undefined) return noGroup(key, argv[2]);
  // Redis allocates room for COUNT deleted IDs (16 bytes each) up front, and says so when it
  // can't: past what any machine can give (here, 1 TiB).
  if (count * 16 > 2 ** 40)
    return err("ERR Insufficient memory, failed allocating transient memory, COUNT too high.");
  const now = Date.now();
  let attempts = count * 10;
  let consumer: Consumer | undefined;
  const claimed: Reply[] = [];
  const deleted: Reply[] = [];
  const ex = c.db.host;
  const pel = g.pel;
  let i = pel.seek(start);
  while (attempts-- !== 0 && count !== 0 && i < pel.size) {
    const id = pel.keyAt(i);
    const nack = pel.get(id) as Nack;
    const entry = s.get(id);
    if (entry === undefined) {
      pel.delete(id);
      nack.consumer?.pel.delete(id);
      deleted.push(formatId(id));
      ex.dirty++;
      count--;
      continue;
    }
    i++;
    if (minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    consumer ??= consumerFor(g, argv[3], now);
    nack.deliveryTime = now;
    if (!justid) nack.deliveryCount++;
    takeOver(nack, id, consumer);
    claimed.push(justid ? formatId(id) : entryReply(entry));
    count--;
    ex.dirty++;
  }
  const next = i < pel.size ? formatId(pel.keyAt(i)) : "0-0";
  return [next, claimed, deleted];
}

// ---- XINFO ----

function groupLag(s: StreamValue, g: ConsumerGroup): Reply {
  const lag = s.lag(g);
  return lag === undefined ? null : lag;
}

function entriesRead(g: ConsumerGroup): Reply {
  return g.entriesRead === INVALID_ENTRIES_READ ? null : g.entriesRead;
}

function xinfoStream(s: StreamValue, argv: string[]): Reply {
  const extra = argv.length - 3;
  let full = false;
  let count = 10;
  if (extra !== 0) {
    if (!is(argv[3], "full") || (extra !== 1 && extra !== 3)) return subcommandSyntax(argv);
    full = true;
    if (extra === 3) {
      if (!is(argv[4], "count")) return subcommandSyntax(argv);
      const n = parseLLNum(argv[5]);
      if (n === undefined) return ERR_NOT_INT;
      count = n < 0 ? 10 : n;
    }
  }
  const out: Reply[] = [
    "length",
    s.length,
    "radix-tree-keys",
    s.nodeCount,
    "radix-tree-nodes",
    s.raxNodes,
    "last-generated-id",
    formatId(s.lastId),
    "max-deleted-entry-id",
    formatId(s.maxDeletedId),
    "entries-added",
    s.entriesAdded,
    "recorded-first-entry-id",
    formatId(s.firstId),
  ];
  if (!full) {
    const first = s.range(0n, ID_MAX, 1, false);
    const last = s.range(0n, ID_MAX, 1, true);
    out.push(
      "groups",
      s.groups.size,
      "first-entry",
      first.length !== 0 ? entryReply(first[0]) : null,
      "last-entry",
      last.length !== 0 ? entryReply(last[0]) : null,
    );
    return new MapReply(out);
  }
  out.push("entries", s.range(0n, ID_MAX, count, false).map(entryReply));
  const groups: Reply[] = [];
  for (const [name, g] of s.sortedGroups()) {
    const pel: Reply[] = [];
    for (const [id, nack] of g.pel.entries()) {
      if (count !== 0 && pel.length >= count) break;
      pel.push([formatId(id), (nack.consumer as Consumer).name, nack.deliveryTime, nack.deliveryCount]);
    }
    const consumers: Reply[] = [];
    for (const consumer of g.sortedConsumers()) {
      const cpel: Reply[] = [];
      for (const [id, nack] of consumer.pel.entries()) {
        if (count !== 0 && cpel.length >= count) break;
        cpel.push([formatId(id), nack.deliveryTime, nack.deliveryCount]);
      }
      consumers.push(
        new MapReply([
          "name",
          consumer.name,
          "seen-time",
          consumer.seenTime,
          "pel-count",
          consumer.pel.size,
          "pending",
          cpel,
        ]),
      );
    }
    groups.push(
      new MapReply([
        "name",
        name,
        "last-delivered-id",
        formatId(g.lastId),
        "entries-read",
        entriesRead(g),
        "lag",
        groupLag(s, g),
        "pel-count",
        g.pel.size,
        "pending",
        pel,
        "consumers",
        consumers,
      ]),
    );
  }
  out.push("groups", groups);
  return new MapReply(out);
}

function xinfo(c: ClientState, argv: string[]): Reply {
  const key = argv[2];
  const s = streamAt(c, key, false);
  if (s === undefined) return err("ERR no such key");
  if (s instanceof ErrorReply) return s;
  const opt = argv[1];
  if (is(opt, "consumers") && argv.length === 4) {
    const g = s.groups.get(argv[3]);
    if (g === undefined) return err(`NOGROUP No such consumer group '${argv[3]}' for key name '${key}'`);
    const now = Date.now();
    return g.sortedConsumers().map((consumer) => {
      const idle = now - consumer.seenTime;
      return new MapReply(["name", consumer.name, "pending", consumer.pel.size, "idle", idle < 0 ? 0 : idle]);
    });
  }
  if (is(opt, "groups") && argv.length === 3) {
    return s
      .sortedGroups()
      .map(
        ([name, g]) =>
          new MapReply([
            "name",
            name,
            "consumers",
            g.consumers.size,
            "pending",
            g.pel.size,
            "last-delivered-id",
            formatId(g.lastId),
            "entries-read",
            entriesRead(g),
            "lag",
            groupLag(s, g),
          ]),
      );
  }
  if (is(opt, "stream")) return xinfoStream(s, argv);
  return subcommandSyntax(argv);
}

const XINFO_HELP = [
  "XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "CONSUMERS <key> <groupname>",
  "    Show consumers of <groupname>.",
  "GROUPS <key>",
  "    Show the stream consumer groups.",
  "STREAM <key> [FULL [COUNT <count>]",
  "    Show information about the stream.",
  "HELP",
  "    Prints this help.",
].map((s) => new StatusReply(s));

const key2 = (flags: string): Partial<CommandDef> => ({
  keys: [2, 2, 1],
  keySpecs: [{ flags, begin: 2, find: { lastkey: 0, step: 1, limit: 0 } }],
});

const groupSub = (name: string, arity: number, flags: CommandDef["flags"], keyFlags: string): CommandDef => ({
  name,
  arity,
  flags,
  acl: ["stream"],
  ...key2(keyFlags),
  handler: xgroup,
});

const helpSub = (help: StatusReply[]): CommandDef => ({
  name: "help",
  arity: 2,
  flags: ["loading", "stale"],
  acl: ["stream"],
  handler: () => help,
});

const key1 = (flags: string): Partial<CommandDef> => ({
  keys: [1, 1, 1],
  keySpecs: [{ flags, begin: 1, find: { lastkey: 0, step: 1, limit: 0 } }],
});

export const streamGroupCommands: CommandDef[] = [
  {
    name: "xgroup",
    arity: -2,
    flags: [],
    subcommands: [
      groupSub("create", -5, ["write", "denyoom"], "RW insert"),
      groupSub("setid", -5, ["write"], "RW update"),
      groupSub("destroy", 4, ["write"], "RW delete"),
      groupSub("createconsumer", 5, ["write", "denyoom"], "RW insert"),
      groupSub("delconsumer", 5, ["write"], "RW delete"),
      helpSub(XGROUP_HELP),
    ],
  },
  {
    name: "xack",
    arity: -4,
    flags: ["write", "fast"],
    acl: ["stream"],
    ...key1("RW update"),
    handler: xack,
  },
  {
    name: "xpending",
    arity: -3,
    flags: ["readonly"],
    acl: ["stream"],
    tips: ["nondeterministic_output"],
    ...key1("RO access"),
    handler: xpending,
  },
  {
    name: "xclaim",
    arity: -6,
    flags: ["write", "fast"],
    acl: ["stream"],
    tips: ["nondeterministic_output"],
    ...key1("RW update"),
    handler: xclaim,
  },
  {
    name: "xautoclaim",
    arity: -6,
    flags: ["write", "fast"],
    acl: ["stream"],
    tips: ["nondeterministic_output"],
    ...key1("RW delete"),
    handler: xautoclaim,
  },
  {
    name: "xinfo",
    arity: -2,
    flags: [],
    subcommands: [
      {
        name: "stream",
        arity: -3,
        flags: ["readonly"],
        acl: ["stream"],
        ...key2("RO access"),
        handler: xinfo,
      },
      {
        name: "groups",
        arity: 3,
        flags: ["readonly"],
        acl: ["stream"],
        ...key2("RO access"),
        handler: xinfo,
      },
      {
        name: "consumers",
        arity: 4,
        flags: ["readonly"],
        acl: ["stream"],
        tips: ["nondeterministic_output"],
        ...key2("RO access"),
        handler: xinfo,
      },
      helpSub(XINFO_HELP),
    ],
  },
];
