// The executor side of the connections: one Peer (ClientState + reply encoder + held-back
// requests) per connection, fed with the input batches the connection side sends (wire.ts)
// and answering each with one output message; on the executor thread the replies themselves go
// straight to the sockets where they can (direct.ts). Runs on the executor thread
// (executor-thread.ts) or, for tests and embedding, on the connection thread itself (link.ts's
// InlineLink). Also the ExecutorHost
// (CLIENT KILL, SHUTDOWN, replies produced outside a client's own command), the cron, and the
// RunMonitor through which a script past busy-reply-threshold serves other clients from its
// interrupt hook, as Redis's processEventsWhileBlocked does.

import type { ClientState } from "../client.js";
import type { Command } from "../commands/table.js";
import type { Executor, ExecutorHost } from "../executor.js";
import { ReplyEncoder, err } from "../reply.js";
import type { RunContext, RunMonitor } from "../scripting/runner.js";
import type { ControlBlock } from "./control.js";
import type { Latin1Buffer } from "../protocol/intern.js";
import type { SlotTable } from "./direct.js";
import { RequestDecoder } from "../protocol/decoder.js";
import { OP, OUTPUT_HEADER, OUTPUT_PEER, PEER, readBatch, type CommandList } from "./wire.js";

/** Where the session's output goes, and how it reads input while a script blocks it. */
export interface SessionPort {
  /** Room for an output message of `n` bytes (wire.ts layout): a buffer and the offset in it. */
  reserve(n: number): [Buffer, number];
  /**
   * The message written into the reserved room is complete. `urgent`: the connection side has
   * something to do with it now (bytes to write, a connection to close).
   */
  publish(buf: Buffer, urgent: boolean): void;
  /** Thread mode: the sockets the executor writes replies to itself. */
  slots?: SlotTable;
  /** SHUTDOWN: the connection side ends the process. */
  shutdown(): void;
  /** Feeds the input batches published meanwhile to `take` (thread mode, from the hook). */
  poll?(take: (buf: Buffer, pos: number, end: number, message: () => Buffer) => void): void;
}

/** A peer's replies are joined into strings of at most this many chars (one chunk may be more). */
const PIECE_CHARS = 16 * 1024 * 1024;
/** An output message holds peers up to about this many bytes (one peer's may be more). */
const MESSAGE_BYTES = 64 * 1024 * 1024;
const NO_SLOTS: readonly number[] = [];
const EMPTY = Buffer.alloc(0);

/** A peer's reply chunks (`size` chars in all) joined into as few strings as PIECE_CHARS allows. */
function joinPieces(chunks: string[], size: number): string[] {
  if (chunks.length === 1) return chunks;
  if (size <= PIECE_CHARS) return [chunks.join("")];
  const out: string[] = [];
  let from = 0;
  let n = 0;
  for (let i = 0; i < chunks.length; i++) {
    const len = chunks[i].length;
    if (n + len > PIECE_CHARS && i > from) {
      out.push(chunks.slice(from, i).join(""));
      from = i;
      n = 0;
    }
    n += len;
  }
  out.push(chunks.slice(from).join(""));
  return out;
}

/** The most clients readAhead keeps to look at (flushes from a busy script's hook add up). */
const MAX_ANSWERED = 4096;
/** One read of a socket by the executor (readAhead): the most it takes at once. */
const READ_BYTES = 64 * 1024;

/** A request held back: the client is blocked, or its script is running, or it queued behind. */
type Held = { argv: string[]; qbuf: number } | "close";

class Peer {
  readonly enc = new ReplyEncoder(2);
  /** requests finished since the last output */
  done = 0;
  /** its last request blocked (BLPOP…): not finished until the client is served */
  blockedRequest = false;
  readonly held: Held[] = [];
  touched = false;

  constructor(
    readonly id: number,
    /** its socket's slot in the slot table, or -1: replies go through the output ring */
    readonly slot: number,
    readonly c: ClientState,
  ) {}

  get closing(): boolean {
    return this.c.closeAfterReply || this.c.killed;
  }

  /** PEER bits of its state, for the connection side. */
  flags(): number {
    const c = this.c;
    let flags = c.resp === 3 ? PEER.resp3 : 0;
    if (c.authenticated) flags |= PEER.authed;
    if (c.closeAfterReply) flags |= PEER.close;
    if (c.killed) flags |= PEER.kill;
    if (
      !c.replyOff &&
      !c.replySkipNext &&
      !c.inMulti &&
      !c.blocked &&
      !(c.resp === 2 && c.subs + c.psubs + c.ssubs !== 0)
    ) {
      flags |= PEER.plain;
    }
    return flags;
  }
}

export class Session implements ExecutorHost, RunMonitor {
  private readonly peers = new Map<number, Peer>();
  private readonly byClient = new Map<ClientState, Peer>();
  private touched: Peer[] = [];
  /** slots of peers forgotten since the last output */
  private freed: number[] = [];
  /**
   * Peers whose replies all went to their sockets in the last flushes, in that order: the ones
   * whose next requests readAhead looks for
   */
  private answered: Peer[] = [];
  private readBuf: Buffer | undefined = undefined;
  /** readAhead's decoder, reused while every read it gets is whole requests */
  private readDecoder: RequestDecoder | undefined = undefined;
  /** peers with held requests to run once nothing holds them back */
  private readonly waiting = new Set<Peer>();
  /** batches received and not fully processed; `pos` is the next op in inbox[0] */
  private readonly inbox: unknown[][] = [];
  private pos = 0;
  /** Date.now() when the batch being run arrived (clients' last interaction) */
  private now = Date.now();
  private pumping = false;
  private inHook = false;
  private drainScheduled = false;
  private cronTimer: NodeJS.Timeout | undefined;

  /** The TCP port (INFO), set by OP.config once the connection side listens. */
  port = 0;

  constructor(
    readonly ex: Executor,
    readonly ctl: ControlBlock,
    private readonly io: SessionPort,
  ) {
    ex.host = this;
    ex.scripting.runner.monitor = this;
    const publish = () =>
      ctl.publishConfig({
        busyReplyThreshold: ex.config.busyReplyThreshold,
        protoMaxBulkLen: ex.config.protoMaxBulkLen,
        clientQueryBufferLimit: ex.config.clientQueryBufferLimit,
        maxclients: ex.config.maxclients,
        requirepass: ex.config.requirepass !== "",
      });
    publish();
    ex.config.onChange(publish);
  }

  /** The command table as the connection side needs it (CommandIndex). */
  commandList(): CommandList {
    const list = (cmds: Iterable<Command>): CommandList =>
      [...cmds].map((c) => [
        c.name,
        c.arity,
        c.flags,
        c.sub === undefined ? undefined : list(c.sub.values()),
      ]);
    return list(this.ex.table.commands.values());
  }

  // ---- input --------------------------------------------------------------------------------

  /**
   * An input batch (wire.ts layout) at buf[pos, end): runs it and sends the output. `message`
   * gives the bytes of an OP.message continuation. The batch's bytes may be reused as soon as
   * this returns (its requests are sliced into strings first).
   */
  handleInput(buf: Buffer, pos: number, end: number, message: () => Buffer): void {
    this.take(buf, pos, end, message);
    this.runQueued();
  }

  /** Runs the batches taken and sends the output. */
  runQueued(): void {
    if (this.pumping) return;
    this.pump();
    this.flush();
  }

  /** Queues an input batch without running it (its bytes may be reused once this returns). */
  take(buf: Buffer, pos: number, end: number, message: () => Buffer): void {
    this.now = Date.now();
    const ops: unknown[] = [];
    readBatch(buf, pos, end, ops, message);
    this.inbox.push(ops);
  }

  /** Runs queued ops in order. Re-entered from a script's hook (see whileBlocked). */
  private pump(): void {
    const outer = !this.pumping;
    this.pumping = true;
    try {
      const inbox = this.inbox;
      while (inbox.length !== 0) {
        const b = inbox[0];
        const p = this.pos;
        if (p >= b.length) {
          inbox.shift();
          this.pos = 0;
          continue;
        }
        switch (b[p] as number) {
          case OP.stats: {
            const s = this.ex.stats;
            s.netInputBytes += b[p + 1] as number;
            s.netOutputBytes += b[p + 2] as number;
            s.rejectedConnections += b[p + 3] as number;
            this.pos = p + 4;
            break;
          }
          case OP.cmd:
            this.pos = p + 4;
            this.command(b[p + 1] as number, b[p + 3] as string[], b[p + 2] as number);
            break;
          case OP.open:
            this.pos = p + 5;
            this.open(b[p + 1] as number, b[p + 2] as number, b[p + 3] as string, b[p + 4] as string);
            break;
          case OP.close:
            this.pos = p + 2;
            this.close(b[p + 1] as number);
            break;
          case OP.rejected:
          case OP.called:
            this.pos = p + 4;
            this.account(b[p] === OP.rejected, b[p + 1] as number, b[p + 2] as string, b[p + 3] as string);
            break;
          case OP.error:
            this.pos = p + 2;
            this.ex.countError(err(b[p + 1] as string));
            break;
          case OP.config: {
            this.pos = p + 3;
            const name = b[p + 1] as string;
            this.ex.config.setStartup(name, b[p + 2] as string);
            if (name === "port") this.port = Number(b[p + 2]);
            break;
          }
          default:
            throw new Error(`executor: bad op ${String(b[p])}`);
        }
        if (this.waiting.size !== 0 && !this.inHook) this.runWaiting();
      }
    } finally {
      if (outer) this.pumping = false;
    }
    if (outer) this.drainOutboxes();
  }

  open(id: number, slot: number, addr: string, laddr: string): void {
    const c = this.ex.newClient();
    c.addr = addr;
    c.laddr = laddr;
    c.fd = c.id + 7;
    const p = new Peer(id, this.io.slots === undefined ? -1 : slot, c);
    this.peers.set(id, p);
    this.byClient.set(c, p);
  }

  command(id: number, argv: string[], qbuf: number): void {
    const p = this.peers.get(id);
    if (p === undefined) return;
    if (p.closing) {
      // pipelined after QUIT or a kill: never run
      p.done++;
      this.touch(p);
      return;
    }
    if (p.held.length !== 0 || p.blockedRequest || this.isProtected(p)) {
      p.held.push({ argv, qbuf });
      this.waiting.add(p);
      return;
    }
    this.run(p, argv, qbuf);
  }

  close(id: number): void {
    const p = this.peers.get(id);
    if (p === undefined) return;
    // the client running the script is freed once the script is over (protectClient)
    if (this.isProtected(p)) {
      p.held.push("close");
      this.waiting.add(p);
      return;
    }
    this.forget(p);
  }

  private forget(p: Peer): void {
    if (p.slot >= 0) this.freed.push(p.slot);
    this.peers.delete(p.id);
    this.byClient.delete(p.c);
    this.waiting.delete(p);
    this.ex.removeClient(p.c);
  }

  /** A command the connection side answered itself: its stats, as call/rejectCommand keep them. */
  private account(rejected: boolean, id: number, fullname: string, error: string): void {
    const cmd = this.ex.table.lookupFullname(fullname);
    const c = this.peers.get(id)?.c;
    const e = error === "" ? undefined : err(error);
    if (cmd !== undefined) {
      if (rejected) cmd.rejectedCalls++;
      else {
        cmd.calls++;
        if (e !== undefined) cmd.failedCalls++;
      }
    }
    if (!rejected) {
      this.ex.stats.totalCommands++;
      if (c !== undefined) {
        c.commands++;
        if (cmd !== undefined) c.lastCmd = cmd.fullname;
      }
    }
    if (e !== undefined) this.ex.countError(e);
  }

  /** The client whose script is running: its later requests wait for the script's end. */
  private isProtected(p: Peer): boolean {
    const cur = this.ex.scripting.runner.current;
    return cur !== undefined && cur.caller === p.c;
  }

  private run(p: Peer, argv: string[], qbuf: number): void {
    const c = p.c;
    c.qbuf = qbuf;
    c.lastInteraction = this.now;
    const r = this.ex.execute(c, argv);
    const enc = p.enc;
    enc.proto = c.resp;
    // replies queued for this client while its command ran (a message it published to itself)
    // go first, as Redis writes them into the client's buffer first
    if (c.outbox.length !== 0) this.encodeOutbox(p);
    if (c.blocked) p.blockedRequest = true;
    else {
      p.done++;
      if (!c.dropReply) enc.write(r);
    }
    // its own tracking invalidations, after the reply (sent even with CLIENT REPLY OFF)
    if (c.afterReply.length !== 0) {
      for (const x of c.afterReply) enc.write(x);
      c.afterReply = [];
    }
    c.qbuf = 0;
    this.touch(p);
    // QUIT: gone once its reply is out, as Redis frees a CLIENT_CLOSE_AFTER_REPLY client before
    // other clients' commands run (a tracking redirection to it is broken at once), though its
    // socket closes only when the connection side reads the close
    if (c.closeAfterReply) this.ex.removeClient(c);
  }

  /** Runs the held requests of peers nothing holds back any more. */
  private runWaiting(): void {
    for (const p of [...this.waiting]) {
      while (p.held.length !== 0 && !p.blockedRequest && !this.isProtected(p)) {
        const h = p.held.shift()!;
        if (h === "close") {
          this.forget(p);
          break;
        }
        if (p.closing) {
          p.done++;
          this.touch(p);
        } else this.run(p, h.argv, h.qbuf);
      }
      if (p.held.length === 0) this.waiting.delete(p);
    }
  }

  // ---- output -------------------------------------------------------------------------------

  private touch(p: Peer): void {
    if (p.touched) return;
    p.touched = true;
    this.touched.push(p);
  }

  private readonly drainOutbox = (c: ClientState): void => {
    const p = this.byClient.get(c);
    if (p === undefined) return;
    if (c.outbox.length !== 0) this.encodeOutbox(p);
    if (p.blockedRequest && !c.blocked) {
      p.blockedRequest = false;
      p.done++;
      if (p.held.length !== 0) this.waiting.add(p);
    }
    this.touch(p);
  };

  private encodeOutbox(p: Peer): void {
    const c = p.c;
    p.enc.proto = c.resp;
    for (const r of c.outbox) p.enc.write(r);
    c.outbox = [];
  }

  /**
   * beforeSleep, then the replies produced outside the clients' own commands: served blocked
   * clients, commands postponed by CLIENT PAUSE, messages, tracking invalidations.
   */
  private drainOutboxes(): void {
    this.ex.beforeSleep();
    const pending = this.ex.pendingWrites;
    while (!pending.empty) {
      pending.take(this.drainOutbox);
      if (this.waiting.size !== 0 && !this.inHook) this.runWaiting();
    }
  }

  /**
   * Sends the output of every peer touched since the last flush: its replies written to its
   * socket where the slot table lets the executor, the rest in an output message. A batch's
   * output can be far bigger than a string or a buffer may be (1,000 clients pipelining 50
   * LRANGEs of 100 KB each: 5 GB), so a peer's replies are joined into pieces of at most
   * PIECE_CHARS, and the peers go out in several messages of about MESSAGE_BYTES each.
   */
  flush(): void {
    const ps = this.touched;
    const freed = this.freed;
    if (ps.length === 0 && freed.length === 0) return;
    this.touched = [];
    this.freed = [];
    const slots = this.io.slots;
    // each peer's bytes left for the connection side (undefined: none), and their length
    const left: (string[] | undefined)[] = new Array(ps.length);
    const lengths: number[] = new Array(ps.length);
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      const enc = p.enc;
      let n = enc.size;
      if (n === 0) {
        lengths[i] = 0;
        continue;
      }
      const pieces = joinPieces(enc.chunks, n);
      enc.chunks = [];
      enc.size = 0;
      let k = 0;
      if (p.slot >= 0 && slots !== undefined) {
        // written piece by piece until one is not taken whole; what is left of that one and
        // the pieces after it are handed over together (the slot counts one hand-over)
        n = 0;
        for (; k < pieces.length; k++) {
          const piece = pieces[k];
          const rest = slots.write(p.slot, piece);
          // -1: the socket is closing, nothing more reaches it
          if (rest < 0) {
            k = pieces.length;
            break;
          }
          this.ex.stats.netOutputBytes += piece.length - rest;
          if (rest > 0) {
            if (rest < piece.length) pieces[k] = piece.slice(piece.length - rest);
            break;
          }
        }
        for (let j = k; j < pieces.length; j++) n += pieces[j].length;
        if (
          n === 0 &&
          p.held.length === 0 &&
          !p.blockedRequest &&
          !p.closing &&
          this.answered.length < MAX_ANSWERED
        ) {
          this.answered.push(p);
        }
      }
      if (n !== 0) left[i] = k === 0 ? pieces : pieces.slice(k);
      lengths[i] = n;
    }
    let start = 0;
    let first = true;
    while (first || start < ps.length) {
      let total = OUTPUT_HEADER + (first ? 4 * freed.length : 0);
      let end = start;
      while (end < ps.length && (end === start || total + OUTPUT_PEER + lengths[end] <= MESSAGE_BYTES)) {
        total += OUTPUT_PEER + lengths[end];
        end++;
      }
      this.publishOutput(ps, start, end, first ? freed : NO_SLOTS, left, lengths, total);
      first = false;
      start = end;
    }
  }

  /** One output message: the slots freed, then peers [start, end) with their bytes. */
  private publishOutput(
    ps: Peer[],
    start: number,
    end: number,
    freed: readonly number[],
    left: (string[] | undefined)[],
    lengths: number[],
    total: number,
  ): void {
    const [buf, at] = this.io.reserve(total);
    const b = buf as Latin1Buffer;
    b.writeUInt32LE(freed.length, at);
    b.writeUInt32LE(end - start, at + 4);
    let o = at + OUTPUT_HEADER;
    for (const slot of freed) {
      b.writeUInt32LE(slot, o);
      o += 4;
    }
    let urgent = false;
    for (let i = start; i < end; i++) {
      const p = ps[i];
      p.touched = false;
      const flags = p.flags();
      if ((flags & (PEER.close | PEER.kill)) !== 0 || lengths[i] !== 0) urgent = true;
      b.writeUInt32LE(p.id, o);
      b.writeUInt32LE(p.done, o + 4);
      b.writeUInt32LE(flags, o + 8);
      b.writeUInt32LE(lengths[i], o + 12);
      b.writeUInt32LE(0, o + 16);
      p.done = 0;
      o += OUTPUT_PEER;
    }
    // the bytes left for the connection side, peer after peer (one write each on that side)
    for (let i = start; i < end; i++) {
      const pieces = left[i];
      if (pieces === undefined) continue;
      for (const piece of pieces) o += b.latin1Write(piece, o);
    }
    this.io.publish(buf, urgent);
  }

  /**
   * Thread mode, with nothing left to run: reads the next requests of the clients just answered
   * from their sockets itself, while the connection thread sleeps in its handoff wait and
   * grants it the reads (ControlBlock.beginReads), and queues them; true if it took any (run
   * them with runQueued). This spares the two thread wake-ups a batch costs when clients send
   * one request at a time: the connection thread would wake, read these sockets and wake this
   * one again. Clients are read in the order their replies went out, the likeliest to have
   * answered first, and the pass stops at the first socket with nothing yet (an empty read
   * costs an exception). Only reads that are nothing but whole multibulk requests, as the
   * connection side's own decoder takes them, are taken from sockets that side marked
   * readable; any other bytes (a request cut short, an inline one, a protocol error) go back
   * to its decoder with the output,
   * and so does the count of requests taken, published before the reads are handed back, so
   * its decisions (-BUSY, held protocol errors) count them as pending.
   */
  readAhead(): boolean {
    const slots = this.io.slots;
    const cands = this.answered;
    if (slots === undefined || cands.length === 0) return false;
    if (!this.ctl.beginReads()) {
      this.answered = [];
      return false;
    }
    if (this.ctl.input.readable) {
      // a batch sent before the grant is still in the ring: its requests come first (a
      // pipelining client's next ones may be in its socket already)
      this.ctl.endReads();
      return false;
    }
    const buf = (this.readBuf ??= Buffer.allocUnsafeSlow(READ_BYTES));
    const maxBulkLen = this.ex.config.protoMaxBulkLen;
    const taken: Peer[] = [];
    const counts: number[] = [];
    const given: Buffer[] = [];
    const ops: unknown[] = [];
    let next = 0;
    try {
      this.now = Date.now();
      for (; next < cands.length; next++) {
        const p = cands[next];
        if (this.peers.get(p.id) !== p || p.held.length !== 0 || p.blockedRequest || p.closing) continue;
        // not authenticated (RESET, or AUTH still to come): the decoder's limits are smaller
        if (!p.c.authenticated && this.ex.config.requirepass !== "") continue;
        if (!slots.mayRead(p.slot)) continue;
        const n = slots.read(p.slot, buf);
        if (n === 0) {
          if (slots.mayRead(p.slot)) break;
          continue;
        }
        const count = this.takeRequests(p.id, buf.subarray(0, n), maxBulkLen, ops);
        taken.push(p);
        if (count >= 0) {
          this.ex.stats.netInputBytes += n;
          counts.push(count);
          given.push(EMPTY);
        } else {
          slots.unreadable(p.slot);
          counts.push(0);
          given.push(Buffer.from(buf.subarray(0, n)));
        }
      }
      if (taken.length !== 0) this.publishTaken(taken, counts, given);
    } finally {
      this.ctl.endReads();
    }
    // the rest are looked at in the next pass, behind the clients answered meanwhile
    this.answered = next >= cands.length ? [] : cands.slice(next);
    if (ops.length === 0) return false;
    this.inbox.push(ops);
    return true;
  }

  /**
   * The requests of one read of connection `id`'s socket as OP.cmd entries of `ops`, decoded as
   * the connection side decodes them (its RequestDecoder, limits of an authenticated client):
   * how many, or -1, adding none, when the read is anything but whole multibulk requests.
   */
  private takeRequests(id: number, bytes: Buffer, maxBulkLen: number, ops: unknown[]): number {
    const dec = (this.readDecoder ??= new RequestDecoder({ maxBulkLen, authRequired: false }));
    dec.limits.maxBulkLen = maxBulkLen;
    // borrowed: the arguments are sliced into strings, and all of it is consumed or dropped
    dec.push(bytes, true);
    const from = ops.length;
    let count = 0;
    let inline = false;
    for (let argv = dec.next(); argv !== undefined; argv = dec.next()) {
      inline = dec.frameInline;
      if (inline) break;
      ops.push(OP.cmd, id, dec.buffered, argv);
      count++;
    }
    if (!inline && dec.buffered === 0 && dec.error === undefined) return count;
    // cut short, inline or an error: the decoder holds state; the next read gets a fresh one
    this.readDecoder = undefined;
    ops.length = from;
    return -1;
  }

  /** readAhead's output: per peer, the requests it took, or the bytes it gives back. */
  private publishTaken(ps: Peer[], counts: number[], given: Buffer[]): void {
    let total = OUTPUT_HEADER;
    for (const g of given) total += OUTPUT_PEER + g.length;
    const [buf, at] = this.io.reserve(total);
    buf.writeUInt32LE(0, at);
    buf.writeUInt32LE(ps.length, at + 4);
    let o = at + OUTPUT_HEADER;
    for (let i = 0; i < ps.length; i++) {
      buf.writeUInt32LE(ps[i].id, o);
      buf.writeUInt32LE(0, o + 4);
      buf.writeUInt32LE(ps[i].flags() | (given[i].length !== 0 ? PEER.input : 0), o + 8);
      buf.writeUInt32LE(given[i].length, o + 12);
      buf.writeUInt32LE(counts[i], o + 16);
      o += OUTPUT_PEER;
    }
    for (const g of given) o += g.copy(buf, o);
    this.io.publish(buf, false);
  }

  // ---- ExecutorHost -------------------------------------------------------------------------

  killClient(c: ClientState): void {
    const p = this.byClient.get(c);
    if (p === undefined) return;
    c.killed = true;
    // gone at once, as Redis frees a killed client: no longer blocked, subscribed or listed (its
    // socket closes when the connection side reads the kill; the peer stays until then)
    this.ex.removeClient(c);
    this.touch(p);
    this.scheduleDrain();
  }

  shutdown(): void {
    this.io.shutdown();
  }

  repliesReady(): void {
    this.scheduleDrain();
  }

  /** Output produced outside a batch (timers, kills) goes out after the current callback. */
  private scheduleDrain(): void {
    if (this.pumping || this.drainScheduled) return;
    this.drainScheduled = true;
    process.nextTick(() => {
      this.drainScheduled = false;
      if (this.pumping) return;
      this.drainOutboxes();
      this.flush();
    });
  }

  // ---- cron ---------------------------------------------------------------------------------

  /** serverCron and clientsCron (idle timeout) every 1000/hz ms. */
  startCron(unref: boolean): void {
    const tick = () => {
      this.ex.cron();
      this.clientsCron();
      this.cronTimer = setTimeout(tick, Math.max(1, Math.floor(1000 / this.ex.config.hz)));
      if (unref) this.cronTimer.unref();
    };
    this.cronTimer = setTimeout(tick, 100);
    if (unref) this.cronTimer.unref();
  }

  stopCron(): void {
    if (this.cronTimer !== undefined) clearTimeout(this.cronTimer);
  }

  private clientsCron(): void {
    const timeout = Number(this.ex.config.get("timeout") ?? 0);
    if (timeout <= 0) return;
    const now = Date.now();
    for (const p of this.peers.values()) {
      const c = p.c;
      if (
        c.kind === "normal" &&
        c.subs + c.psubs + c.ssubs === 0 &&
        !c.blocked &&
        now - c.lastInteraction > timeout * 1000
      ) {
        this.killClient(c);
      }
    }
  }

  // ---- RunMonitor ---------------------------------------------------------------------------

  started(ctx: RunContext): void {
    const req = ctx.request;
    this.ctl.runStarted(req.kind, ctx.startTime);
    if (req.kind === "function") {
      const f = this.ex.scripting.functions.ctx;
      this.ctl.functionStarted(req.name, req.command, f.libCount, f.functionCount);
    }
  }

  hooked(): void {
    this.ctl.publishRunning();
  }

  ended(): void {
    this.ctl.runEnded();
  }

  firstWrite(_ctx: RunContext, afterKill: boolean): boolean {
    return this.ctl.markWritten(afterKill);
  }

  kill(): void {
    this.ctl.markKilled();
  }

  killRequested(): boolean {
    return this.ctl.killRequested();
  }

  shutdownRequested(): boolean {
    return this.ctl.shutdownRequested();
  }

  /**
   * processEventsWhileBlocked, from the hook of a script past busy-reply-threshold: reads the
   * batches posted meanwhile and runs what they hold (most commands answer -BUSY; the script's
   * own client waits), then sends the output at once.
   */
  whileBlocked(): void {
    if (this.inHook) return;
    if (this.io.poll !== undefined) {
      this.now = Date.now();
      this.io.poll((buf, pos, end, message) => this.take(buf, pos, end, message));
    }
    if (this.inbox.length === 0 && this.touched.length === 0) return;
    this.inHook = true;
    try {
      this.pump();
    } finally {
      this.inHook = false;
    }
    this.flush();
  }
}
