// What crosses between the connection thread and the executor thread, and its byte layout.
// Traffic goes in batches through two shared rings (ring.ts): everything the connections read in
// one event-loop turn is one input message — ops with their operands, a request being its own
// RESP bytes as the decoder found them — and everything the executor produced for them is one
// output message: per connection the requests finished and its state, and the RESP bytes the
// executor could not write to the socket itself (direct.ts). Numbers are u32 little-endian,
// strings a u32 length and latin1 bytes. Measured (bench/thread-split.ts): structured clone of
// argv strings cost the connection thread ~200 ns a command and postMessage ~20 µs of CPU a
// round trip; copying checked frames costs ~40 ns.

import { argString, type Latin1Buffer } from "../protocol/intern.js";

/** Ops of an input batch. */
export const OP = {
  /** stats, netInputBytes, netOutputBytes, rejectedConnections: first in every batch */
  stats: 0,
  /** open, connId, slot (NO_SLOT: none), addr, laddr: a new connection */
  open: 1,
  /**
   * cmd, connId, qbuf, argv: a request (qbuf = bytes still unparsed after it). Only in the
   * executor's own op arrays: what OP.frames is sliced into.
   */
  cmd: 2,
  /** close, connId: the socket is gone */
  close: 3,
  /** rejected, connId, fullname, error: the connection side refused it (BUSY) */
  rejected: 4,
  /** called, connId, fullname, error | "": the connection side ran it (SCRIPT KILL…) */
  called: 5,
  /** error, text: an error reply the connection side sent on its own (protocol errors) */
  error: 6,
  /** config, name, value: a startup parameter known only once listening (the port) */
  config: 7,
  /**
   * frames, connId, count, tail, length, bytes: `count` whole multibulk requests; `tail` =
   * bytes the connection still buffers after the last one (CLIENT LIST qbuf)
   */
  frames: 8,
  /** message: the rest of this batch came as a port message (too big for the ring) */
  message: 9,
} as const;

/** A connection without a slot in the slot table: its replies go through the output ring. */
export const NO_SLOT = 0xffffffff;

/** Bytes of the stats op that opens every input batch. */
export const STATS_BYTES = 16;

/**
 * Per-connection state the executor sends with its output, for the connection side's own
 * decisions: protocol limits before auth, the encoding of replies it makes itself, whether it
 * may answer -BUSY for this client, closing.
 */
export const PEER = {
  /** the client passed AUTH (or was created when no password was needed) */
  authed: 1,
  resp3: 2,
  /**
   * nothing makes this client's replies special (REPLY OFF/SKIP, MULTI, RESP2 pub/sub
   * context, blocked): the connection side may answer it -BUSY itself
   */
  plain: 4,
  /** close once this output is written (QUIT, protocol error, CLIENT KILL of itself) */
  close: 8,
  /** close now (CLIENT KILL, idle timeout) */
  kill: 16,
  /**
   * in the output only: the connection's bytes are input the executor read from the socket
   * and gives back (what it does not take itself: see readAhead), for the decoder, not replies
   */
  input: 32,
} as const;

/**
 * Output message: freed, count, then `freed` slots the executor no longer uses (its clients are
 * gone: the slots may be given to new connections), then per connection: connId, done
 * (requests finished; a blocked one is not until served), flags (PEER), length, taken
 * (requests the executor read from the socket itself, see Session.readAhead: pending from now
 * on), then the RESP bytes. A message of the one word OUT_MESSAGE: the message came as a port
 * message.
 */
export const OUTPUT_HEADER = 8;
export const OUTPUT_PEER = 20;
/** Words of each connection's entry in the output as the connection side reads it. */
export const OUT_STRIDE = 5;
export const OUT_MESSAGE = 0xffffffff;

/** An input batch under construction (connection side): a growable byte buffer. */
export class BatchWriter {
  buf: Buffer = Buffer.allocUnsafe(64 * 1024);
  len = STATS_BYTES;
  /** requests in the batch */
  requests = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = Buffer.allocUnsafe(size);
    this.buf.copy(b, 0, 0, this.len);
    this.buf = b;
  }

  u32(v: number): void {
    this.room(4);
    this.buf.writeUInt32LE(v >>> 0, this.len);
    this.len += 4;
  }

  str(s: string): void {
    this.room(4 + s.length);
    this.buf.writeUInt32LE(s.length, this.len);
    this.len += 4 + this.buf.write(s, this.len + 4, "latin1");
  }

  /** An OP.frames op: buf[start, end) holds `count` requests of connection `id`. */
  frames(id: number, buf: Buffer, start: number, end: number, count: number, tail: number): void {
    const n = end - start;
    this.requests += count;
    this.room(20 + n);
    const b = this.buf;
    let p = this.len;
    b.writeUInt32LE(OP.frames, p);
    b.writeUInt32LE(id, p + 4);
    b.writeUInt32LE(count, p + 8);
    b.writeUInt32LE(tail >>> 0, p + 12);
    b.writeUInt32LE(n, p + 16);
    p += 20;
    this.len = p + buf.copy(b, p, start, end);
  }

  /** Whether anything but the stats op was written. */
  get empty(): boolean {
    return this.len === STATS_BYTES;
  }

  /** Fills in the stats op; the batch is buf[0, len). */
  finish(netIn: number, netOut: number, rejected: number): void {
    const b = this.buf;
    b.writeUInt32LE(OP.stats, 0);
    b.writeUInt32LE(netIn >>> 0, 4);
    b.writeUInt32LE(netOut >>> 0, 8);
    b.writeUInt32LE(rejected >>> 0, 12);
  }

  reset(): void {
    this.len = STATS_BYTES;
    this.requests = 0;
  }
}

/** A request as a multibulk frame (inline requests are forwarded in this form). */
export function encodeRequest(argv: readonly string[]): Buffer {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${a.length}\r\n${a}\r\n`;
  return Buffer.from(s, "latin1");
}

/**
 * Reads an input batch from buf[pos, end) into the executor's op array: each OP.frames
 * becomes its OP.cmd requests. The connection side's decoder checked the frames (lengths,
 * limits), so they are only walked here: a count line, then per argument a length line and
 * the data plus the two bytes Redis never looks at. `message` supplies the bytes of an
 * OP.message continuation.
 */
export function readBatch(
  buf: Buffer,
  pos: number,
  end: number,
  out: unknown[],
  message: () => Buffer,
): void {
  const b = buf as Latin1Buffer;
  let p = pos;
  const u32 = (): number => {
    const v = b.readUInt32LE(p);
    p += 4;
    return v;
  };
  const str = (): string => {
    const n = u32();
    const s = b.latin1Slice(p, p + n);
    p += n;
    return s;
  };
  while (p < end) {
    const op = b.readUInt32LE(p);
    p += 4;
    if (op === OP.frames) {
      // the common op, read without the helpers
      const id = b.readUInt32LE(p);
      const count = b.readUInt32LE(p + 4);
      const tail = b.readUInt32LE(p + 8);
      const stop = p + 16 + b.readUInt32LE(p + 12);
      p = sliceFrames(b, p + 16, stop, id, count, tail, out);
      continue;
    }
    switch (op) {
      case OP.stats:
        out.push(OP.stats, u32(), u32(), u32());
        break;
      case OP.open: {
        const id = u32();
        const slot = u32();
        const addr = str();
        out.push(OP.open, id, slot === NO_SLOT ? -1 : slot, addr, str());
        break;
      }
      case OP.close:
        out.push(OP.close, u32());
        break;
      case OP.rejected:
      case OP.called: {
        const id = u32();
        const fullname = str();
        out.push(op, id, fullname, str());
        break;
      }
      case OP.error:
        out.push(OP.error, str());
        break;
      case OP.config: {
        const name = str();
        out.push(OP.config, name, str());
        break;
      }
      case OP.message: {
        const m = message();
        readBatch(m, 0, m.length, out, message);
        return;
      }
      default:
        throw new Error(`executor: bad op ${op}`);
    }
  }
}

function sliceFrames(
  b: Latin1Buffer,
  pos: number,
  end: number,
  connId: number,
  count: number,
  tail: number,
  out: unknown[],
): number {
  let p = pos;
  for (let k = 0; k < count; k++) {
    let argc = 0;
    for (p++; b[p] !== 13; p++) argc = argc * 10 + b[p] - 48;
    p += 2;
    const argv = new Array<string>(argc);
    for (let i = 0; i < argc; i++) {
      let len = 0;
      for (p++; b[p] !== 13; p++) len = len * 10 + b[p] - 48;
      const data = p + 2;
      argv[i] = argString(b, data, data + len);
      p = data + len + 2;
    }
    out.push(OP.cmd, connId, end - p + tail, argv);
  }
  return end;
}

/** A command as the connection side needs to know it: to answer -BUSY without the executor. */
export interface CommandInfo {
  fullname: string;
  arity: number;
  flags: number;
  subs?: Map<string, CommandInfo>;
}

/** The command table in the form the executor sends it once ready: [name, arity, flags, subs]. */
export type CommandList = [string, number, number, CommandList | undefined][];

/** Messages from the executor thread (besides output, which goes through the output ring). */
export type ExecutorMessage =
  | { t: "ready"; commands: CommandList }
  | { t: "shutdown" }
  /** output was published while the connection side was not waiting for it */
  | { t: "output" };

/** The connection side's lookupCommand over the executor's table. */
export class CommandIndex {
  private readonly byName = new Map<string, CommandInfo>();

  constructor(list: CommandList) {
    const build = (l: CommandList, parent?: string): Map<string, CommandInfo> => {
      const m = new Map<string, CommandInfo>();
      for (const [name, arity, flags, subs] of l) {
        const fullname = parent === undefined ? name : `${parent}|${name}`;
        m.set(name, { fullname, arity, flags, subs: subs === undefined ? undefined : build(subs, name) });
      }
      return m;
    };
    for (const [k, v] of build(list)) this.byName.set(k, v);
  }

  /** The command argv names, undefined for unknown commands or subcommands. */
  lookup(argv: readonly string[]): CommandInfo | undefined {
    const name = argv[0];
    const base =
      this.byName.get(name) ?? (name.length <= 64 ? this.byName.get(name.toLowerCase()) : undefined);
    if (base === undefined || base.subs === undefined || argv.length === 1) return base;
    return base.subs.get(argv[1].toLowerCase());
  }
}
