// XREAD and XREADGROUP (t_stream.c xreadCommand), with BLOCK through server/blocking.ts, and
// the delivery to a consumer group they share with XCLAIM & co.: streamReplyWithRange with a
// group (last-delivered-id, entries-read, PEL entries) and the consumer's own history
// (streamReplyWithRangeFromConsumerPEL).

import type { ClientState } from "../client.js";
import { err, ErrorReply, MapReply, NIL_ARRAY, NO_REPLY, type Reply } from "../reply.js";
import {
  ConsumerGroup,
  formatId,
  ID_MAX,
  Nack,
  type Consumer,
  type StreamID,
  type StreamValue,
} from "../types/stream.js";
import { parseLLNum } from "../util/numbers.js";
import { deadlineOf, msTimeoutArg } from "./blocking.js";
import { executorOf } from "./connection.js";
import { ERR_NOT_INT, ERR_SYNTAX, is } from "./helpers.js";
import { entryReply, strictIdArg, streamAt } from "./streams.js";
import { xreadGetKeys } from "./getkeys.js";
import type { CommandDef } from "./table.js";

/** XREAD_BLOCKED_DEFAULT_COUNT: a blocked reader without COUNT gets at most this many. */
const BLOCKED_DEFAULT_COUNT = 1000;
/** The ">" ID of XREADGROUP, as Redis marks it. */
const NEW_ONLY: StreamID = ID_MAX;

/**
 * streamReplyWithRange for a group: entries from `start` on (at most `count`, 0: all), each
 * advancing the group and, unless NOACK, entering the group's and the consumer's PEL (taken
 * from another consumer if it was pending there, with a fresh delivery count).
 */
export function deliverToGroup(
  s: StreamValue,
  start: StreamID,
  count: number,
  g: ConsumerGroup,
  consumer: Consumer,
  noack: boolean,
  now: number,
): Reply[] {
  const out: Reply[] = [];
  for (const e of s.range(start, ID_MAX, count, false)) {
    s.advanceGroup(g, e.id);
    out.push(entryReply(e));
    if (noack) continue;
    let nack = g.pel.get(e.id);
    if (nack === undefined) {
      nack = new Nack(consumer, now, 1);
      g.pel.set(e.id, nack);
    } else {
      nack.consumer?.pel.delete(e.id);
      nack.consumer = consumer;
      nack.deliveryTime = now;
      nack.deliveryCount = 1;
    }
    consumer.pel.set(e.id, nack);
  }
  return out;
}

/**
 * streamReplyWithRangeFromConsumerPEL: the consumer's pending entries from `start` (at most
 * `count`); a pending ID whose entry was deleted comes with a nil array. Each one served counts
 * as a new delivery.
 */
function consumerHistory(
  s: StreamValue,
  start: StreamID,
  count: number,
  consumer: Consumer,
  now: number,
): Reply[] {
  const out: Reply[] = [];
  const pel = consumer.pel;
  for (let i = pel.seek(start); i < pel.size && (count === 0 || out.length < count); i++) {
    const id = pel.keyAt(i);
    const e = s.get(id);
    if (e === undefined) out.push([formatId(id), NIL_ARRAY]);
    else {
      out.push(entryReply(e));
      const nack = pel.get(id) as Nack;
      nack.deliveryTime = now;
      nack.deliveryCount++;
    }
  }
  return out;
}

/** The consumer for a read, created when missing; its seen-time is now. */
export function consumerFor(g: ConsumerGroup, name: string, now: number): Consumer {
  const c = g.consumers.get(name) ?? (g.createConsumer(name, now) as Consumer);
  c.seenTime = now;
  return c;
}

/** One stream's answer: [key, entries] in RESP2, a map entry in RESP3 (built by the caller). */
function streamsReply(c: ClientState, pairs: [string, Reply[]][]): Reply {
  if (c.resp === 2) return pairs.map(([k, es]) => [k, es]);
  const flat: Reply[] = [];
  for (const [k, es] of pairs) flat.push(k, es);
  return new MapReply(flat);
}

/** xreadCommand for XREAD (`group` false) and XREADGROUP. */
function xread(c: ClientState, argv: string[], xreadgroup: boolean): Reply {
  const name = xreadgroup ? "xreadgroup" : "xread";
  let timeout = -1;
  let count = 0;
  let streamsArg = 0;
  let streamsCount = 0;
  let groupName: string | undefined;
  let consumerName = "";
  let noack = false;
  for (let i = 1; i < argv.length; i++) {
    const more = argv.length - i - 1;
    const o = argv[i];
    if (is(o, "block") && more) {
      if (c.fake) return err(`ERR ${name} command is not allowed with BLOCK option from scripts`);
      const t = msTimeoutArg(argv[++i]);
      if (t instanceof ErrorReply) return t;
      timeout = t;
    } else if (is(o, "count") && more) {
      const n = parseLLNum(argv[++i]);
      if (n === undefined) return ERR_NOT_INT;
      count = n < 0 ? 0 : n;
    } else if (is(o, "streams") && more) {
      streamsArg = i + 1;
      streamsCount = argv.length - streamsArg;
      if (streamsCount % 2 !== 0) {
        return err(
          "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.",
        );
      }
      streamsCount /= 2;
      break;
    } else if (is(o, "group") && more >= 2) {
      if (!xreadgroup)
        return err("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
      groupName = argv[i + 1];
      consumerName = argv[i + 2];
      i += 2;
    } else if (is(o, "noack")) {
      if (!xreadgroup)
        return err("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
      noack = true;
    } else return ERR_SYNTAX;
  }
  if (streamsArg === 0) return ERR_SYNTAX;
  if (xreadgroup && groupName === undefined) return err("ERR Missing GROUP option for XREADGROUP");

  // The IDs, and for XREADGROUP the groups, in key order (errors stop at the first bad one).
  const keys = argv.slice(streamsArg, streamsArg + streamsCount);
  const ids: StreamID[] = [];
  const groups: ConsumerGroup[] = [];
  const streams: (StreamValue | undefined)[] = [];
  for (let k = 0; k < streamsCount; k++) {
    const key = keys[k];
    const s = streamAt(c, key, false);
    if (s instanceof ErrorReply) return s;
    streams.push(s);
    if (groupName !== undefined) {
      const g = s?.groups.get(groupName);
      if (g === undefined) {
        return err(
          `NOGROUP No such key '${key}' or consumer group '${groupName}' in XREADGROUP with GROUP option`,
        );
      }
      groups.push(g);
    }
    const a = argv[streamsArg + streamsCount + k];
    if (a === "$") {
      if (xreadgroup) {
        return err(
          "ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.",
        );
      }
      ids.push(s === undefined ? 0n : s.lastId);
    } else if (a === ">") {
      if (!xreadgroup) {
        return err(
          "ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.",
        );
      }
      ids.push(NEW_ONLY);
    } else {
      const id = strictIdArg(a);
      if (id instanceof ErrorReply) return id;
      ids.push(id);
    }
  }

  const now = Date.now();
  const ex = executorOf(c);
  const served: [string, Reply[]][] = [];
  for (let k = 0; k < streamsCount; k++) {
    const s = streams[k];
    if (s === undefined) continue;
    let gt = ids[k];
    let serve = false;
    let history = false;
    const g = groups[k] as ConsumerGroup | undefined;
    if (g !== undefined) {
      if (gt !== NEW_ONLY) {
        serve = true;
        history = true;
      } else if (s.length !== 0 && s.lastValid() > g.lastId) {
        serve = true;
        gt = g.lastId;
      }
    } else if (s.length !== 0 && s.lastValid() > gt) serve = true;
    if (!serve) continue;
    const start = gt + 1n;
    let entries: Reply[];
    if (g === undefined) entries = s.range(start, ID_MAX, count, false).map(entryReply);
    else {
      // The consumer exists from its first read that answers something.
      const consumer = consumerFor(g, consumerName, now);
      if (history) entries = consumerHistory(s, start, count, consumer, now);
      else entries = deliverToGroup(s, start, count, g, consumer, noack, now);
    }
    if (g !== undefined) ex.dirty++;
    served.push([keys[k], entries]);
  }
  if (served.length !== 0) return streamsReply(c, served);
  if (timeout === -1 || c.denyBlocking) return NIL_ARRAY;

  // Block: served when a stream gets an entry past the ID (for XREADGROUP, past the group's
  // last-delivered-id at that time), with COUNT or at most 1000 entries.
  const waitIds = new Map<string, StreamID>();
  keys.forEach((k, i) => {
    if (!waitIds.has(k)) waitIds.set(k, ids[i]);
  });
  const blockCount = count === 0 ? BLOCKED_DEFAULT_COUNT : count;
  ex.blocking.block(c, {
    btype: "stream",
    keys,
    deadline: deadlineOf(timeout),
    unblockOnNoKey: xreadgroup,
    serve: (key, v) => {
      const s = v as StreamValue;
      let gt = waitIds.get(key) as StreamID;
      let g: ConsumerGroup | undefined;
      if (groupName !== undefined) {
        g = s.groups.get(groupName);
        if (g === undefined)
          return err("NOGROUP the consumer group this client was blocked on no longer exists");
        gt = g.lastId;
        waitIds.set(key, gt);
      }
      if (s.lastId <= gt) return undefined;
      const t = Date.now();
      let entries: Reply[];
      if (g === undefined) entries = s.range(gt + 1n, ID_MAX, blockCount, false).map(entryReply);
      else {
        entries = deliverToGroup(s, gt + 1n, blockCount, g, consumerFor(g, consumerName, t), noack, t);
        ex.dirty++;
      }
      return streamsReply(c, [[key, entries]]);
    },
  });
  return NO_REPLY;
}

export const streamReadCommands: CommandDef[] = [
  {
    name: "xread",
    arity: -4,
    flags: ["readonly", "blocking"],
    acl: ["stream"],
    keySpecs: [
      {
        flags: "RO access",
        begin: { keyword: "STREAMS", startfrom: 1 },
        find: { lastkey: -1, step: 1, limit: 2 },
      },
    ],
    handler: (c, a) => xread(c, a, false),
    getKeys: xreadGetKeys,
  },
  {
    name: "xreadgroup",
    arity: -7,
    flags: ["write", "blocking"],
    acl: ["stream"],
    keySpecs: [
      {
        flags: "RO access",
        begin: { keyword: "STREAMS", startfrom: 4 },
        find: { lastkey: -1, step: 1, limit: 2 },
      },
    ],
    handler: (c, a) => xread(c, a, true),
    getKeys: xreadGetKeys,
  },
];
