// The connection side's handle on the executor: collects what the connections read during one
// event-loop turn into one input batch (wire.ts) and hands back the executor's output. ThreadLink
// runs the executor on a worker_threads thread (the server's normal mode), which writes most
// replies to the sockets itself (direct.ts); InlineLink runs it on this thread, synchronously,
// through the same batches (tests, embedding).

import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import v8 from "node:v8";
import type { Config } from "../config.js";
import type { Executor } from "../executor.js";
import { ControlBlock, SLOTS } from "./control.js";
import { Session, type SessionPort } from "./session.js";
import {
  BatchWriter,
  CommandIndex,
  encodeRequest,
  NO_SLOT,
  OP,
  OUT_MESSAGE,
  OUTPUT_HEADER,
  OUTPUT_PEER,
  OUT_STRIDE,
  type ExecutorMessage,
} from "./wire.js";

/** What the link reports to the server that owns the connections. */
export interface LinkEvents {
  /** Output for connections: `out` is [connId, done, flags, length, taken]… over `bytes`. */
  output(out: number[], bytes: Buffer): void;
  /** SHUTDOWN ran on the executor. */
  shutdown(): void;
  /** The executor thread died (a bug, or V8 out of memory): nothing can be served any more. */
  fatal(message: string): void;
}

/**
 * Parses one output message (wire.ts layout) at buf[pos…]: the slots freed, and
 * [connId, done, flags, length, taken]… over buf[start, end).
 */
export function readOutput(
  buf: Buffer,
  pos: number,
): { out: number[]; start: number; end: number; freed: number[] } {
  const freed: number[] = new Array(buf.readUInt32LE(pos));
  const count = buf.readUInt32LE(pos + 4);
  const out: number[] = new Array(count * OUT_STRIDE);
  let p = pos + OUTPUT_HEADER;
  for (let i = 0; i < freed.length; i++, p += 4) freed[i] = buf.readUInt32LE(p);
  for (let i = 0; i < count * OUT_STRIDE; i += OUT_STRIDE) {
    out[i] = buf.readUInt32LE(p);
    out[i + 1] = buf.readUInt32LE(p + 4);
    out[i + 2] = buf.readUInt32LE(p + 8);
    out[i + 3] = buf.readUInt32LE(p + 12);
    out[i + 4] = buf.readUInt32LE(p + 16);
    p += OUTPUT_PEER;
  }
  let total = 0;
  for (let i = 3; i < out.length; i += OUT_STRIDE) total += out[i];
  return { out, start: p, end: p + total, freed };
}

export abstract class ExecutorLink {
  readonly ctl: ControlBlock;
  /** The command table, for answering -BUSY without the executor (once known). */
  commands: CommandIndex | undefined = undefined;
  events: LinkEvents | undefined = undefined;
  protected batch = new BatchWriter();
  netInputBytes = 0;
  netOutputBytes = 0;
  rejectedConnections = 0;

  constructor(ctl: ControlBlock) {
    this.ctl = ctl;
  }

  /**
   * A slot in the slot table for a new connection's socket (its fd), so that the executor writes
   * its replies to it; -1 when replies go through the output ring (inline, no fd, table full).
   */
  allocSlot(_fd: number): number {
    return -1;
  }

  open(id: number, slot: number, addr: string, laddr: string): void {
    const b = this.batch;
    b.u32(OP.open);
    b.u32(id);
    b.u32(slot < 0 ? NO_SLOT : slot);
    b.str(addr);
    b.str(laddr);
  }

  /** `count` whole multibulk requests of connection `id`: buf[start, end) as the decoder found them. */
  frames(id: number, buf: Buffer, start: number, end: number, count: number, tail: number): void {
    this.batch.frames(id, buf, start, end, count, tail);
  }

  /** One request given as arguments (an inline request): forwarded as a multibulk. */
  command(id: number, argv: string[], qbuf: number): void {
    const frame = encodeRequest(argv);
    this.frames(id, frame, 0, frame.length, 1, qbuf);
  }

  close(id: number): void {
    this.batch.u32(OP.close);
    this.batch.u32(id);
  }

  /** The connection side answered this request itself: refused (BUSY) or ran it (KILL…). */
  answered(rejected: boolean, id: number, fullname: string, error: string): void {
    const b = this.batch;
    b.u32(rejected ? OP.rejected : OP.called);
    b.u32(id);
    b.str(fullname);
    b.str(error);
  }

  /** An error reply sent without the executor (protocol errors), for INFO errorstats. */
  error(text: string): void {
    this.batch.u32(OP.error);
    this.batch.str(text);
  }

  /** A startup parameter known only once listening (the port). */
  configure(name: string, value: string): void {
    const b = this.batch;
    b.u32(OP.config);
    b.str(name);
    b.str(value);
    this.flush();
  }

  /** Sends what was collected (now, or at the end of this event-loop turn). */
  abstract flush(): void;

  /** Takes the output published so far (a connection is about to decide on its state). */
  sync(): void {}

  /**
   * A connection waits for its requests to be answered (+1: the executor then wakes this
   * thread for any output), or no longer does (-1).
   */
  want(_n: 1 | -1): void {}

  /** Stops the executor. */
  abstract stop(): Promise<void>;

  /** The batch collected so far (stats filled in), or undefined; a new one starts. */
  protected take(): Buffer | undefined {
    const b = this.batch;
    if (b.empty && this.netInputBytes + this.netOutputBytes + this.rejectedConnections === 0)
      return undefined;
    b.finish(this.netInputBytes, this.netOutputBytes, this.rejectedConnections);
    this.netInputBytes = this.netOutputBytes = this.rejectedConnections = 0;
    const bytes = b.buf.subarray(0, b.len);
    b.reset();
    return bytes;
  }

  /** Hands an output message to the connections (`bytes` stays theirs: sockets keep it). */
  protected deliver(buf: Buffer, pos: number): void {
    const o = readOutput(buf, pos);
    this.handOut(o.freed, o.out, buf.subarray(o.start, o.end));
  }

  protected handOut(freed: number[], out: number[], bytes: Buffer): void {
    if (freed.length !== 0) this.freeSlots(freed);
    if (out.length !== 0) this.events?.output(out, bytes);
  }

  /** No more replies reach any socket (SHUTDOWN NOSAVE: the connections close unanswered). */
  silence(): void {}

  /** Slots the executor no longer uses. */
  protected freeSlots(_slots: number[]): void {}
}

/** The executor on this thread: every flush runs the batch at once. */
export class InlineLink extends ExecutorLink {
  readonly session: Session;

  constructor(readonly ex: Executor) {
    super(new ControlBlock());
    const port: SessionPort = {
      reserve: (n) => [Buffer.allocUnsafe(n), 0],
      publish: (buf) => this.deliver(buf, 0),
      shutdown: () => this.events?.shutdown(),
    };
    this.session = new Session(ex, this.ctl, port);
    this.commands = new CommandIndex(this.session.commandList());
  }

  start(): void {
    this.session.startCron(true);
  }

  flush(): void {
    const b = this.take();
    // the batch buffer is reused: the session has sliced its requests before returning
    if (b !== undefined) this.session.handleInput(b, 0, b.length, () => Buffer.alloc(0));
  }

  async stop(): Promise<void> {
    this.session.stopCron();
  }
}

export interface ThreadOptions {
  /**
   * Startup configuration (config file and command line), applied in order on the executor
   * thread; `checked` is the same applied on this thread (validated, and the values the
   * connections need before the executor is up).
   */
  config: [string, string][];
  checked: Config;
  /** serverFacts.configFile */
  configFile: string;
  /** log settings for the executor's own lines (slow scripts) */
  log: { level?: string; file?: string; silent?: boolean };
  /**
   * The V8 heap (MB) scripts may bring the executor to before failing with "not enough
   * memory"; the thread's heap limit is this plus HEAP_HEADROOM_MB. Default: this process's
   * own heap limit (V8's default for the machine, or node's --max-old-space-size).
   */
  scriptHeapMb?: number;
}

/** Room above the scripts' cap for one last big allocation (a 512 MB string, a table's array). */
export const HEAP_HEADROOM_MB = 2048;
/**
 * The executor thread's stack. Deep Lua recursion ends in a catchable "stack overflow" at the
 * JS stack limit (Node keeps the thread's last 192 KB below that limit for native code). 16 MB
 * lets a script nest 100,000-150,000 plain Lua calls (lua5.1 and Redis stop at ~20,000) and
 * still overflows within ~35 ms; Node's default for workers, 4 MB, would allow fewer than Redis.
 */
export const EXECUTOR_STACK_MB = 16;
/**
 * The local socket the connection thread wakes the executor with, one byte a wake-up (see
 * executor-thread.ts for why a socket): an abstract Unix socket on Linux, a named pipe on
 * Windows, a socket file (removed once connected) elsewhere. Any local process could connect
 * to it: the executor proves itself with a random token passed to it in its workerData.
 */
class WakeChannel {
  readonly path: string;
  readonly token = crypto.randomBytes(16);
  private readonly server: net.Server;
  private sock: net.Socket | undefined = undefined;
  private fd = -1;
  /** a wake-up asked for before the executor connected */
  private owed = false;
  readonly connected: Promise<void>;

  constructor() {
    const name = `redlua-wake-${process.pid}-${crypto.randomBytes(8).toString("hex")}`;
    this.path =
      process.platform === "linux"
        ? `\0${name}`
        : process.platform === "win32"
          ? `\\\\.\\pipe\\${name}`
          : path.join(os.tmpdir(), `${name}.sock`);
    this.server = net.createServer();
    this.connected = new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.on("connection", (sock) => {
        sock.on("error", () => {});
        let got = Buffer.alloc(0);
        const check = (d: Buffer) => {
          got = Buffer.concat([got, d]);
          if (got.length < this.token.length) return;
          sock.off("data", check);
          if (this.sock !== undefined || !got.equals(this.token)) {
            sock.destroy();
            return;
          }
          this.adopt(sock);
          resolve();
        };
        sock.on("data", check);
      });
    });
    this.server.listen(this.path);
    this.server.unref();
  }

  private adopt(sock: net.Socket): void {
    this.sock = sock;
    this.fd = (sock as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
    sock.unref();
    this.server.close();
    if (process.platform !== "linux" && process.platform !== "win32") fs.rmSync(this.path, { force: true });
    if (this.owed) this.wake();
  }

  wake(): void {
    const sock = this.sock;
    if (sock === undefined) {
      this.owed = true;
      return;
    }
    this.owed = false;
    // a plain write call where the fd is known: the stream machinery costs more than the write
    if (this.fd >= 0) {
      try {
        fs.writeSync(this.fd, WAKE);
        return;
      } catch {
        // EAGAIN cannot happen (one byte per sleep, read at once): fall back to the stream
      }
    }
    sock.write(WAKE);
  }

  close(): void {
    this.server.close();
    this.sock?.destroy();
  }
}

const WAKE = Buffer.from([1]);
/**
 * A batch of at least this many requests is a sign of many busy clients: the connection thread
 * then sleeps until the executor has run it (up to SYNC_WAIT_MS) instead of reading on. The
 * requests that arrive meanwhile wait in the sockets and make the next batch, and the clients
 * get their replies in bursts: fewer wake-ups of every thread per request, which on two cores
 * shared with the clients is what throughput depends on (redis-benchmark -c 50 SET: 82k rps
 * against 56k without the wait, inline 84k; -P 16 785k against 769k). A smaller batch goes
 * at once: waiting would hold back the requests of the next client. Waiting after every batch
 * was tried again (SET -c 50 went from 62-64k to 71-81k in some runs) and refused: blocking
 * pops woken by pushes (bench/blocking.js, one RPUSH a batch) had their p90 go from 0.12 ms to
 * 2.4 ms (again once in two runs today). From 2 requests rather than 8 (two servers taking
 * turns, per-thread CPU, 6-8 rounds each, -c 50 -P 1; medians): 4 against 8 gave GET 67.7k
 * rps against 61.1k, FCALL `return 1` 67.3k against 62.4k, SET 65.2k against 59.9k, about
 * 0.5 µs less of the connection thread's CPU a request; then 2 against 4 GET 76.1k against
 * 67.4k, FCALL `return 1` 75.8k against 72.4k; calls10 and -P 16 unchanged, and blocking
 * pops' p50/p90/p99 within their run-to-run spread (three alternating runs each, p90
 * 0.16-0.18 ms with 2).
 */
const HANDOFF_REQUESTS = 2;
/**
 * Longest sleep waiting for a batch to be run. A batch that runs longer (slow scripts) is
 * answered later, and meanwhile the connection thread reads on, so the next batch is in the
 * ring when the executor is done with this one: with 5 ms, a cjson decode+encode script
 * (~55 us) at -c 50 left the executor idle ~15% of the time between batches of ~30 (16.0k rps
 * against 19.0k with 1 ms, medians of 3, /tmp/abn.sh-style alternation; light commands'
 * batches finish well within 1 ms and are unaffected).
 */
const SYNC_WAIT_MS = 1;
/** A batch past this many bytes is sent before more requests are added to it. */
const BATCH_SPILL_BYTES = 64 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);

/** The executor on its own thread (executor-thread.ts). */
export class ThreadLink extends ExecutorLink {
  private readonly worker: Worker;
  /** big output, and input batches too big for the ring, travel as port messages */
  private readonly outPort: MessagePort;
  private readonly inPort: MessagePort;
  private readonly wakeChannel = new WakeChannel();
  private scheduled = false;
  private stopped = false;
  private readonly ready: Promise<void>;
  /** batches waiting for room in the input ring */
  private pending: Buffer[] = [];
  private retry: NodeJS.Timeout | undefined = undefined;
  /** slots never used yet start at nextSlot; freed ones are reused first */
  private readonly free: number[] = [];
  private nextSlot = 0;
  /** BATCH_SPILL_BYTES (tests make it small to exercise the spill). */
  batchSpillBytes = BATCH_SPILL_BYTES;
  private readonly send = () => {
    this.scheduled = false;
    if (this.stopped) return;
    // output published without waking this thread: take it while here
    this.drainOutput();
    const requests = this.batch.requests;
    this.sendBatch();
    if (requests >= HANDOFF_REQUESTS && !this.ctl.scriptRunning()) {
      // meanwhile the executor may read the clients' next requests itself (Session.readAhead)
      this.ctl.grantReads();
      this.ctl.awaitExecutorAsleep(SYNC_WAIT_MS);
      this.ctl.revokeReads();
      this.drainOutput();
    }
  };

  constructor(opts: ThreadOptions) {
    super(new ControlBlock());
    const cfg = opts.checked;
    this.ctl.publishConfig({
      busyReplyThreshold: cfg.busyReplyThreshold,
      protoMaxBulkLen: cfg.protoMaxBulkLen,
      clientQueryBufferLimit: cfg.clientQueryBufferLimit,
      maxclients: cfg.maxclients,
      requirepass: cfg.requirepass !== "",
    });
    const heapMb = opts.scriptHeapMb ?? Math.floor(v8.getHeapStatistics().heap_size_limit / 1048576);
    const inCh = new MessageChannel();
    const outCh = new MessageChannel();
    this.inPort = inCh.port1;
    this.outPort = outCh.port1;
    this.worker = new Worker(new URL("./executor-thread.js", import.meta.url), {
      workerData: {
        sab: this.ctl.sab,
        config: opts.config,
        configFile: opts.configFile,
        log: opts.log,
        scriptHeapMb: heapMb,
        inPort: inCh.port2,
        outPort: outCh.port2,
        wakePath: this.wakeChannel.path,
        wakeToken: this.wakeChannel.token,
      },
      transferList: [inCh.port2, outCh.port2],
      resourceLimits: { maxOldGenerationSizeMb: heapMb + HEAP_HEADROOM_MB, stackSizeMb: EXECUTOR_STACK_MB },
    });
    const started = new Promise<void>((resolve, reject) => {
      this.worker.on("message", (m: ExecutorMessage) => {
        switch (m.t) {
          case "ready":
            this.commands = new CommandIndex(m.commands);
            resolve();
            break;
          case "output":
            this.drainOutput();
            break;
          case "shutdown":
            this.events?.shutdown();
            break;
        }
      });
      this.worker.on("error", (e) => {
        reject(e);
        if (!this.stopped) this.events?.fatal(e.stack ?? String(e));
      });
      this.worker.on("exit", (code) => {
        if (!this.stopped) this.events?.fatal(`executor thread exited (code ${code})`);
      });
    });
    this.ready = Promise.all([started, this.wakeChannel.connected]).then(() => {});
    // unhandled until someone awaits it: a failed start is reported through events.fatal
    this.ready.catch(() => {});
  }

  /** Resolves once the executor answers (its command table is known). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  flush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.send);
  }

  /**
   * The batch so far goes to the executor now when it is big: the requests that complete in one
   * turn of the event loop can add up to more than a buffer may hold (many clients finishing
   * requests of hundreds of MB each), so a batch stops growing past BATCH_SPILL_BYTES.
   */
  override frames(id: number, buf: Buffer, start: number, end: number, count: number, tail: number): void {
    if (this.batch.len > this.batchSpillBytes) this.sendBatch();
    super.frames(id, buf, start, end, count, tail);
  }

  /** Hands the batch to the executor: into the input ring, or queued until there is room. */
  private sendBatch(): void {
    const b = this.take();
    // the batch buffer is reused: a batch that has to wait is copied
    if (b !== undefined && !(this.pending.length === 0 && this.place(b))) this.pending.push(Buffer.from(b));
    this.push();
  }

  override allocSlot(fd: number): number {
    if (!(fd >= 0)) return -1;
    const slot = this.free.pop() ?? (this.nextSlot < SLOTS ? this.nextSlot++ : -1);
    if (slot >= 0) this.ctl.slots.open(slot, fd);
    return slot;
  }

  protected override freeSlots(slots: number[]): void {
    for (const s of slots) this.free.push(s);
  }

  override sync(): void {
    this.drainOutput();
  }

  override want(n: 1 | -1): void {
    this.ctl.addMainWants(n);
  }

  /** Puts one batch into the input ring; false when there is no room now. */
  private place(b: Buffer): boolean {
    const ring = this.ctl.input;
    if (b.length > ring.size / 4) {
      // too big for the ring: a marker in the ring, the batch as a port message before it
      const at = ring.reserve(4);
      if (at < 0) return false;
      ring.bytes.writeUInt32LE(OP.message, at);
      this.inPort.postMessage(b);
    } else {
      const at = ring.reserve(b.length);
      if (at < 0) return false;
      b.copy(ring.bytes, at);
    }
    ring.publish();
    if (this.ctl.takeExecutorAsleep()) this.wakeChannel.wake();
    return true;
  }

  /** Moves waiting batches into the input ring, in order, as far as there is room. */
  private push(): void {
    while (this.pending.length !== 0 && this.place(this.pending[0])) this.pending.shift();
    if (this.pending.length !== 0 && this.retry === undefined) {
      // the executor is behind (a long script): try again shortly
      this.retry = setTimeout(() => {
        this.retry = undefined;
        this.push();
      }, 1);
    }
  }

  /** Delivers every output message published so far. */
  private drainOutput(): void {
    const ring = this.ctl.output;
    for (let m = ring.next(); m !== undefined; m = ring.next()) {
      const [at, len] = m;
      if (len === 4 && ring.bytes.readUInt32LE(at) === OUT_MESSAGE) {
        ring.release();
        const u8 = receiveMessageOnPort(this.outPort)!.message as Uint8Array;
        this.deliver(Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength), 0);
        continue;
      }
      const o = readOutput(ring.bytes, at);
      // the sockets may hold on to the bytes: copy them out of the ring (most replies went to
      // the sockets directly: usually there are none)
      const bytes = o.start === o.end ? EMPTY : Buffer.from(ring.bytes.subarray(o.start, o.end));
      ring.release();
      this.handOut(o.freed, o.out, bytes);
    }
  }

  override silence(): void {
    for (let slot = 0; slot < this.nextSlot; slot++) this.ctl.slots.close(slot);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.retry !== undefined) clearTimeout(this.retry);
    this.silence();
    this.ctl.requestShutdown();
    this.wakeChannel.close();
    await this.worker.terminate();
  }
}
