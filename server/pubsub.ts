// Pub/sub state (Redis's pubsub.c): channel, pattern and shard-channel subscriptions, both ways
// (channel → subscribers in subscription order, client → what it subscribed), and PUBLISH's
// fan-out. Messages go out through Executor.deliver as push replies (RESP3 `>`, RESP2 arrays):
// an event the connection layer drains, never a socket write. Commands: commands/pubsub.ts.

import type { ClientState } from "./client.js";
import type { ReplySink } from "./blocking.js";
import { PushReply } from "./reply.js";
import { globMatch } from "./util/glob.js";

/** Channels, patterns or shard channels: name → subscribers, and each client's own set. */
class Registry {
  readonly byName = new Map<string, Set<ClientState>>();
  readonly byClient = new Map<ClientState, Set<string>>();

  /** Adds; false when the client already had it. */
  add(c: ClientState, name: string): boolean {
    let mine = this.byClient.get(c);
    if (mine === undefined) {
      mine = new Set();
      this.byClient.set(c, mine);
    }
    if (mine.has(name)) return false;
    mine.add(name);
    let subs = this.byName.get(name);
    if (subs === undefined) {
      subs = new Set();
      this.byName.set(name, subs);
    }
    subs.add(c);
    return true;
  }

  /** Removes; false when the client did not have it. */
  remove(c: ClientState, name: string): boolean {
    const mine = this.byClient.get(c);
    if (mine === undefined || !mine.delete(name)) return false;
    if (mine.size === 0) this.byClient.delete(c);
    const subs = this.byName.get(name);
    if (subs !== undefined) {
      subs.delete(c);
      if (subs.size === 0) this.byName.delete(name);
    }
    return true;
  }

  of(c: ClientState): string[] {
    const mine = this.byClient.get(c);
    return mine === undefined ? [] : [...mine];
  }
}

export type SubKind = "channel" | "pattern" | "shard";

export class PubSub {
  private readonly channels = new Registry();
  private readonly patterns = new Registry();
  private readonly shards = new Registry();

  constructor(private readonly sink: ReplySink) {}

  private registry(kind: SubKind): Registry {
    return kind === "channel" ? this.channels : kind === "pattern" ? this.patterns : this.shards;
  }

  /** Subscribes; false when already subscribed. Keeps the client's counts. */
  subscribe(c: ClientState, kind: SubKind, name: string): boolean {
    if (!this.registry(kind).add(c, name)) return false;
    if (kind === "channel") c.subs++;
    else if (kind === "pattern") c.psubs++;
    else c.ssubs++;
    return true;
  }

  /** Unsubscribes; false when not subscribed. */
  unsubscribe(c: ClientState, kind: SubKind, name: string): boolean {
    if (!this.registry(kind).remove(c, name)) return false;
    if (kind === "channel") c.subs--;
    else if (kind === "pattern") c.psubs--;
    else c.ssubs--;
    return true;
  }

  /** What the client is subscribed to, in the order it subscribed. */
  subscriptionsOf(c: ClientState, kind: SubKind): string[] {
    return this.registry(kind).of(c);
  }

  /** pubsubPublishMessage: delivers to the channel's subscribers, then to matching patterns. */
  publish(channel: string, message: string): number {
    let n = 0;
    const subs = this.channels.byName.get(channel);
    if (subs !== undefined) {
      const msg = new PushReply(["message", channel, message]);
      for (const c of subs) {
        this.sink.deliver(c, msg);
        n++;
      }
    }
    for (const [pattern, clients] of this.patterns.byName) {
      if (!globMatch(pattern, channel)) continue;
      const msg = new PushReply(["pmessage", pattern, channel, message]);
      for (const c of clients) {
        this.sink.deliver(c, msg);
        n++;
      }
    }
    return n;
  }

  /** SPUBLISH: shard channels have no patterns. */
  publishShard(channel: string, message: string): number {
    const subs = this.shards.byName.get(channel);
    if (subs === undefined) return 0;
    const msg = new PushReply(["smessage", channel, message]);
    for (const c of subs) this.sink.deliver(c, msg);
    return subs.size;
  }

  /** Channels (or shard channels) with subscribers, optionally matching a pattern. */
  activeChannels(kind: "channel" | "shard", pattern?: string): string[] {
    const out: string[] = [];
    for (const name of this.registry(kind).byName.keys()) {
      if (pattern === undefined || globMatch(pattern, name)) out.push(name);
    }
    return out;
  }

  subscriberCount(kind: "channel" | "shard", name: string): number {
    return this.registry(kind).byName.get(name)?.size ?? 0;
  }

  /** PUBSUB NUMPAT and INFO pubsub_patterns: distinct patterns with subscribers. */
  get patternCount(): number {
    return this.patterns.byName.size;
  }

  /** INFO pubsub_channels. */
  get channelCount(): number {
    return this.channels.byName.size;
  }

  /** The client disconnected (or RESET): drops every subscription without replies. */
  clientGone(c: ClientState): void {
    for (const kind of ["channel", "pattern", "shard"] as const) {
      for (const name of this.subscriptionsOf(c, kind)) this.unsubscribe(c, kind, name);
    }
  }
}
