// A tiny raw RESP client for tests and recorders: sends commands (byte strings, latin1) or raw
// bytes over node:net and hands back the exact bytes of one whole reply at a time (RESP2 and
// RESP3 framing: push messages, attributes, streamed strings/aggregates). Also a reply parser.

import net from "node:net";

/** Encodes one command as a RESP multibulk (latin1 for strings). */
export function encodeCommand(args: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`, "latin1")];
  for (const a of args) {
    const b = typeof a === "string" ? Buffer.from(a, "latin1") : a;
    parts.push(Buffer.from(`$${b.length}\r\n`, "latin1"), b, Buffer.from("\r\n", "latin1"));
  }
  return Buffer.concat(parts);
}

function lineEnd(buf: Buffer, pos: number): number {
  const i = buf.indexOf("\r\n", pos, "latin1");
  return i;
}

/**
 * The offset just past one whole reply starting at `pos`, or -1 when more bytes are needed.
 * An attribute (`|`) is framed together with the reply that follows it. Aggregates add their
 * items to a count of values still to frame, so nesting depth costs no recursion.
 */
export function replyEnd(buf: Buffer, pos: number): number {
  const items = [0];
  let p = pos;
  for (let need = 1; need > 0; need--) {
    const r = valueEnd(buf, p, items);
    if (r < 0) return -1;
    p = r;
    need += items[0];
  }
  return p;
}

/**
 * The offset past one value's own bytes; for an aggregate with a count, past its header only,
 * with items[0] set to the values still to frame after it (0 for anything else).
 */
function valueEnd(buf: Buffer, pos: number, items: number[]): number {
  items[0] = 0;
  if (pos >= buf.length) return -1;
  const t = String.fromCharCode(buf[pos]);
  const le = lineEnd(buf, pos + 1);
  if (le < 0) return -1;
  const head = buf.toString("latin1", pos + 1, le);
  const next = le + 2;
  switch (t) {
    case "+":
    case "-":
    case ":":
    case "_":
    case ",":
    case "#":
    case "(":
      return next;
    case "$":
    case "!":
    case "=": {
      if (head === "?") return streamedStringEnd(buf, next);
      const n = parseInt(head, 10);
      if (n < 0) return next;
      return buf.length >= next + n + 2 ? next + n + 2 : -1;
    }
    case "*":
    case "~":
    case ">":
    case "%":
    case "|": {
      if (head === "?") return streamedAggregateEnd(buf, next);
      let n = parseInt(head, 10);
      if (n < 0) return next;
      if (t === "%" || t === "|") n *= 2;
      items[0] = t === "|" ? n + 1 : n;
      return next;
    }
    default:
      // Not RESP (e.g. an inline error from a non-Redis peer): frame by line.
      return next;
  }
}

function streamedStringEnd(buf: Buffer, pos: number): number {
  let p = pos;
  for (;;) {
    // ;<len>\r\n<bytes>\r\n ... ;0\r\n
    const le = lineEnd(buf, p);
    if (le < 0) return -1;
    const n = parseInt(buf.toString("latin1", p + 1, le), 10);
    if (n === 0) return le + 2;
    p = le + 2 + n + 2;
    if (p > buf.length) return -1;
  }
}

function streamedAggregateEnd(buf: Buffer, pos: number): number {
  let p = pos;
  for (;;) {
    if (p >= buf.length) return -1;
    if (buf[p] === 0x2e /* . */) return p + 3 <= buf.length ? p + 3 : -1;
    p = replyEnd(buf, p);
    if (p < 0) return -1;
  }
}

/** A parsed reply, for structural checks in tests. */
export type RespValue =
  | null
  | string
  | number
  | bigint
  | boolean
  | RespValue[]
  | { status: string }
  | { error: string }
  | { double: string }
  | { big: string }
  | { verbatim: string; format: string }
  | { map: RespValue[] }
  | { set: RespValue[] }
  | { push: RespValue[] }
  | { attr: RespValue[]; value: RespValue };

/** Parses one whole reply (as returned by `RespClient.read`). */
export function parseReply(buf: Buffer): RespValue {
  const [v] = parseAt(buf, 0);
  return v;
}

function parseAt(buf: Buffer, pos: number): [RespValue, number] {
  const t = String.fromCharCode(buf[pos]);
  const le = lineEnd(buf, pos + 1);
  const head = buf.toString("latin1", pos + 1, le);
  const next = le + 2;
  switch (t) {
    case "+":
      return [{ status: head }, next];
    case "-":
      return [{ error: head }, next];
    case ":": {
      const n = Number(head);
      return [Number.isSafeInteger(n) ? n : BigInt(head), next];
    }
    case "_":
      return [null, next];
    case ",":
      return [{ double: head }, next];
    case "#":
      return [head === "t", next];
    case "(":
      return [{ big: head }, next];
    case "$":
    case "!":
    case "=": {
      const n = parseInt(head, 10);
      if (n < 0) return [null, next];
      const s = buf.toString("latin1", next, next + n);
      if (t === "!") return [{ error: s }, next + n + 2];
      if (t === "=") return [{ verbatim: s.slice(4), format: s.slice(0, 3) }, next + n + 2];
      return [s, next + n + 2];
    }
    default: {
      let n = parseInt(head, 10);
      if (n < 0) return [null, next];
      if (t === "%" || t === "|") n *= 2;
      const items: RespValue[] = [];
      let p = next;
      for (let i = 0; i < n; i++) {
        const [v, q] = parseAt(buf, p);
        items.push(v);
        p = q;
      }
      if (t === "%") return [{ map: items }, p];
      if (t === "~") return [{ set: items }, p];
      if (t === ">") return [{ push: items }, p];
      if (t === "|") {
        const [v, q] = parseAt(buf, p);
        return [{ attr: items, value: v }, q];
      }
      return [items, p];
    }
  }
}

/** A raw connection: write commands or bytes, read whole replies as bytes. */
export class RespClient {
  private buf: Buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  private ended = false;
  readonly closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    socket.on("data", (d: Buffer) => {
      this.buf = this.buf.length === 0 ? d : Buffer.concat([this.buf, d]);
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on("close", () => {
        this.ended = true;
        this.wake();
        resolve();
      });
    });
    socket.on("error", () => {});
  }

  static connect(port: number, host = "127.0.0.1"): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, host);
      s.setNoDelay(true);
      s.once("error", reject);
      s.once("connect", () => {
        s.off("error", reject);
        resolve(new RespClient(s));
      });
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private wait(timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((f) => f !== go);
        reject(new Error(`timeout waiting for ${what}; have ${JSON.stringify(this.buf.toString("latin1"))}`));
      }, timeoutMs);
      const go = () => {
        clearTimeout(t);
        resolve();
      };
      this.waiters.push(go);
    });
  }

  get isClosed(): boolean {
    return this.ended;
  }

  /** Sends one command as a multibulk. */
  send(args: readonly (string | Buffer)[]): void {
    this.socket.write(encodeCommand(args));
  }

  /** Sends raw bytes (strings are latin1). */
  sendRaw(bytes: string | Buffer): void {
    this.socket.write(typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes);
  }

  /** The bytes of the next whole reply. Rejects if the connection closes first. */
  async read(timeoutMs = 5000): Promise<Buffer> {
    for (;;) {
      const end = replyEnd(this.buf, 0);
      if (end >= 0) {
        const r = this.buf.subarray(0, end);
        this.buf = this.buf.subarray(end);
        return r;
      }
      if (this.ended)
        throw new Error(`connection closed; pending ${JSON.stringify(this.buf.toString("latin1"))}`);
      await this.wait(timeoutMs, "a reply");
    }
  }

  /** Like `read`, as a latin1 string. */
  async readString(timeoutMs = 5000): Promise<string> {
    return (await this.read(timeoutMs)).toString("latin1");
  }

  /** Sends a command and returns the bytes of its reply. */
  async command(args: readonly (string | Buffer)[], timeoutMs = 5000): Promise<Buffer> {
    this.send(args);
    return this.read(timeoutMs);
  }

  /** Sends a command and returns its reply as a latin1 string. */
  async call(...args: string[]): Promise<string> {
    return (await this.command(args)).toString("latin1");
  }

  /** Waits until the peer closes, then returns every byte not yet read. */
  async readUntilClose(timeoutMs = 5000): Promise<Buffer> {
    while (!this.ended) await this.wait(timeoutMs, "the connection to close");
    const r = this.buf;
    this.buf = Buffer.alloc(0);
    return r;
  }

  /** Waits until at least `n` unread bytes are buffered (or the peer closes), returns them all. */
  async readBytes(n: number, timeoutMs = 5000): Promise<Buffer> {
    while (this.buf.length < n && !this.ended) await this.wait(timeoutMs, `${n} bytes`);
    const r = this.buf;
    this.buf = Buffer.alloc(0);
    return r;
  }

  /** Takes every byte received and not yet read. */
  takePending(): Buffer {
    const r = this.buf;
    this.buf = Buffer.alloc(0);
    return r;
  }

  /** Bytes received and not yet read. */
  pending(): Buffer {
    return this.buf;
  }

  close(): void {
    this.socket.destroy();
  }
}
