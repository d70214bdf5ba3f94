// RESP request decoding as Redis's processInputBuffer does it: a request starting with '*' is a
// multibulk, anything else an inline command (split by sdssplitargs). Two steps per request: is
// a whole frame buffered? then slice its arguments (latin1 strings). Protocol errors carry
// Redis's exact text; the connection replies with it and closes.

import { constants } from "node:buffer";
import { splitArgs } from "./splitargs.js";
import { argString } from "./intern.js";

/** PROTO_INLINE_MAX_SIZE: longest inline request / bulk header Redis buffers without a newline. */
export const INLINE_MAX_SIZE = 64 * 1024;
const INT_MAX = 2147483647;
/**
 * V8's longest string (2^29-24 chars): an argument is a string, so a bulk longer than this is
 * refused as Redis refuses one past proto-max-bulk-len (512 MB, a little more), instead of
 * failing where it is made into a string.
 */
const MAX_ARG = constants.MAX_STRING_LENGTH;
const EMPTY = Buffer.alloc(0);
/** Partial requests of this many bytes and more are given room to grow (RequestDecoder.push). */
const GROW_FROM = 1 << 20;
/** The most room given, past the bytes buffered. */
const GROW_MAX = 256 << 20;
/** What `next(false)` returns for a multibulk request: checked, its arguments not sliced. */
export const UNSLICED: readonly string[] = Object.freeze(["<unsliced>"]);

export interface DecoderLimits {
  /** proto-max-bulk-len */
  maxBulkLen: number;
  /** True while the client must still authenticate (tighter limits apply). */
  authRequired: boolean;
}

/**
 * string2ll over buf[start, end) for a length field: the value, or NaN when the bytes are not a
 * strictly formatted int64 (so "-0", "+1", "01", "" and overlong numbers are all NaN).
 */
function parseLen(buf: Buffer, start: number, end: number): number {
  const n = end - start;
  if (n <= 0 || n > 20) return NaN;
  let i = start;
  let neg = false;
  if (buf[i] === 45) {
    if (n === 1) return NaN;
    neg = true;
    i++;
  }
  if (buf[i] === 48) return end - i === 1 && !neg ? 0 : NaN;
  let v = 0;
  for (; i < end; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  // Beyond int64 string2ll fails; such values are rejected by every caller's range check anyway,
  // except negatives, where only the sign matters.
  if (v > 9.223372036854776e18) return NaN;
  return neg ? -v : v;
}

/** Index of the first '\r' at or after `from`, or -1; like strchr, a NUL byte ends the search. */
function findCR(buf: Buffer, from: number): number {
  const len = buf.length;
  for (let i = from; i < len; i++) {
    const c = buf[i];
    if (c === 13) return i;
    if (c === 0) return -1;
  }
  return -1;
}

export class RequestDecoder {
  private buf: Buffer = EMPTY;
  private pos = 0;
  /** Chunks held back while a large bulk is still arriving (no concat until it can complete). */
  private held: Buffer[] = [];
  private heldLen = 0;
  /** buf is a chunk pushed as borrowed */
  private borrowed = false;
  /** Memory `buf` is the start of, with room after it (a big request still arriving). */
  private store: Buffer | undefined = undefined;
  /** Bytes (from `pos`) needed before parsing can make progress; 0 = unknown. */
  private need = 0;
  /** Set once a protocol error was found: the text after "-". */
  error: string | undefined;
  /**
   * Where the request `next` last returned lies: bytes [frameStart, frameEnd) of frameBuf,
   * a multibulk's own bytes (what the connection side forwards to the executor thread), or
   * an inline request when frameInline.
   */
  frameBuf: Buffer = EMPTY;
  frameStart = 0;
  frameEnd = 0;
  frameInline = false;
  private slice = true;
  /**
   * A multibulk request parsed in part (more bytes needed): its count, the arguments read so
   * far and where the next one starts, as an offset from `pos`, so that the next read goes on
   * from there instead of from the request's first byte (a request of millions of small
   * arguments arriving in 64 KB reads was scanned again from the start at each: quadratic).
   */
  private partCount = -1;
  private partIndex = 0;
  private partOffset = 0;
  private partArgv: string[] = UNSLICED as string[];
  private partSliced = true;

  constructor(readonly limits: DecoderLimits) {}

  /** Bytes buffered and not yet consumed (CLIENT LIST qbuf, query buffer limit). */
  get buffered(): number {
    return this.buf.length - this.pos + this.heldLen;
  }

  /**
   * Adds bytes read. `borrowed`: the chunk's memory is reused once the caller returns (a shared
   * read buffer), so what is kept of it is copied — now, or by `own` once the requests it
   * completes were taken.
   */
  push(chunk: Buffer, borrowed = false): void {
    const avail = this.buf.length - this.pos;
    if (avail === 0 && this.heldLen === 0) {
      this.buf = chunk;
      this.pos = 0;
      this.borrowed = borrowed;
      this.store = undefined;
      return;
    }
    if (this.need > 0 && avail + this.heldLen + chunk.length < this.need) {
      this.held.push(borrowed ? Buffer.from(chunk) : chunk);
      this.heldLen += chunk.length;
      return;
    }
    const store = this.store;
    if (store !== undefined && this.heldLen === 0 && store.length - this.buf.length >= chunk.length) {
      // room after the bytes buffered: the chunk goes there, nothing moves
      chunk.copy(store, this.buf.length);
      this.buf = store.subarray(0, this.buf.length + chunk.length);
      return;
    }
    const total = avail + this.heldLen + chunk.length;
    // a big partial request gets room to grow into, so that a request arriving in many reads
    // is copied a few times in all rather than once per read
    const next = Buffer.allocUnsafe(total >= GROW_FROM ? total + Math.min(total, GROW_MAX) : total);
    let o = this.buf.copy(next, 0, this.pos);
    for (const h of this.held) o += h.copy(next, o);
    chunk.copy(next, o);
    this.store = next.length > total ? next : undefined;
    this.buf = next.subarray(0, total);
    this.pos = 0;
    this.held = [];
    this.heldLen = 0;
    this.borrowed = false;
  }

  /** Copies the bytes not yet consumed out of a borrowed chunk (see push). */
  own(): void {
    if (!this.borrowed) return;
    this.borrowed = false;
    this.buf = this.pos < this.buf.length ? Buffer.from(this.buf.subarray(this.pos)) : EMPTY;
    this.pos = 0;
    this.frameBuf = EMPTY;
  }

  /**
   * The next whole request's arguments, or undefined when more bytes are needed or a protocol
   * error was found (then `error` is set and nothing more will be decoded). With `slice`
   * false a multibulk request is checked but its arguments are not made into strings: the
   * result is UNSLICED and the request is only its bytes (frameBuf…).
   */
  next(slice = true): string[] | undefined {
    this.slice = slice;
    for (;;) {
      if (this.error !== undefined || this.heldLen > 0) return undefined;
      const buf = this.buf;
      if (this.pos >= buf.length) {
        if (buf !== EMPTY) {
          this.buf = EMPTY;
          this.pos = 0;
          this.store = undefined;
        }
        return undefined;
      }
      if (this.need > 0 && buf.length - this.pos < this.need) return undefined;
      this.need = 0;
      const start = this.pos;
      const inline = buf[start] !== 42; /* * */
      const r = inline ? this.inline(buf) : this.multibulk(buf);
      if (r !== undefined && r.length > 0) {
        this.frameBuf = buf;
        this.frameStart = start;
        this.frameEnd = this.pos;
        this.frameInline = inline;
        return r;
      }
      if (r === undefined) return r;
      // An empty request (*0, *-1, a blank line): skip it.
    }
  }

  private fail(msg: string): undefined {
    this.error = `ERR Protocol error: ${msg}`;
    return undefined;
  }

  private inline(buf: Buffer): string[] | undefined {
    const start = this.pos;
    let nl = buf.indexOf(10, start);
    // strchr semantics: a NUL before the newline hides it.
    if (nl >= 0) {
      const z = buf.indexOf(0, start);
      if (z >= 0 && z < nl) nl = -1;
    }
    if (nl < 0) {
      if (buf.length - start > INLINE_MAX_SIZE) return this.fail("too big inline request");
      return undefined;
    }
    let end = nl;
    if (end !== start && buf[end - 1] === 13) end--;
    const args = splitArgs(buf.toString("latin1", start, end));
    if (args === undefined) return this.fail("unbalanced quotes in request");
    this.pos = nl + 1;
    return args;
  }

  private multibulk(buf: Buffer): string[] | undefined {
    const len = buf.length;
    const slice = this.slice;
    let p: number;
    let cr: number;
    let count: number;
    let argv: string[];
    let i: number;
    if (this.partCount >= 0 && this.partSliced === slice) {
      // go on where the last read stopped
      count = this.partCount;
      argv = this.partArgv;
      i = this.partIndex;
      p = this.pos + this.partOffset;
    } else {
      p = this.pos;
      cr = findCR(buf, p + 1);
      if (cr < 0) {
        if (len - p > INLINE_MAX_SIZE) return this.fail("too big mbulk count string");
        return undefined;
      }
      if (cr + 1 >= len) return undefined; // the '\n' has not arrived
      count = parseLen(buf, p + 1, cr);
      if (!(count <= INT_MAX)) return this.fail("invalid multibulk length");
      if (count > 10 && this.limits.authRequired) return this.fail("unauthenticated multibulk length");
      p = cr + 2;
      if (count <= 0) {
        this.pos = p;
        return [];
      }
      argv = slice ? new Array(count) : (UNSLICED as string[]);
      i = 0;
    }
    this.partCount = -1;
    this.partArgv = UNSLICED as string[];
    const maxBulk = Math.min(this.limits.maxBulkLen, MAX_ARG);
    for (; i < count; i++) {
      cr = findCR(buf, p);
      if (cr < 0) {
        if (len - p > INLINE_MAX_SIZE) return this.fail("too big bulk count string");
        return this.partial(count, argv, i, p);
      }
      if (cr + 1 >= len) return this.partial(count, argv, i, p);
      if (buf[p] !== 36 /* $ */) return this.fail(`expected '$', got '${String.fromCharCode(buf[p])}'`);
      const blen = parseLen(buf, p + 1, cr);
      if (!(blen >= 0) || blen > maxBulk) return this.fail("invalid bulk length");
      if (blen > 16384 && this.limits.authRequired) return this.fail("unauthenticated bulk length");
      const data = cr + 2;
      // Redis skips the two bytes after the data without looking at them.
      if (len - data < blen + 2) {
        this.need = data + blen + 2 - this.pos;
        return this.partial(count, argv, i, p);
      }
      if (slice) argv[i] = argString(buf, data, data + blen);
      p = data + blen + 2;
    }
    this.pos = p;
    return argv;
  }

  /** Keeps how far a multibulk request was parsed (`p`: where argument `i` starts). */
  private partial(count: number, argv: string[], i: number, p: number): undefined {
    this.partCount = count;
    this.partArgv = argv;
    this.partIndex = i;
    this.partOffset = p - this.pos;
    this.partSliced = this.slice;
    return undefined;
  }
}
