// A single-producer single-consumer ring of messages (length-prefixed byte blobs) in a
// SharedArrayBuffer region. Every message is contiguous: one that would not fit before the end
// wraps to the start behind a WRAP marker. One slot stays free, so equal positions mean empty.
// Waking the consumer is the caller's business (control.ts).

/** Length word of a wrap marker: the next message is at offset 0. */
const WRAP = 0xffffffff;

export class Ring {
  private readonly buf: Buffer;
  /** [0] = write position (producer), [1] = read position (consumer) */
  private readonly pos: Int32Array;
  /** producer: the message being filled (offset of its data) */
  private open = -1;
  /** consumer: where the next message starts */
  private readAt = 0;

  constructor(
    sab: SharedArrayBuffer,
    posOffset: number,
    dataOffset: number,
    readonly size: number,
  ) {
    this.pos = new Int32Array(sab, posOffset, 2);
    this.buf = Buffer.from(sab, dataOffset, size);
    this.readAt = Atomics.load(this.pos, 1);
  }

  /** The bytes (producer: to fill a reserved message; consumer: to read one). */
  get bytes(): Buffer {
    return this.buf;
  }

  // ---- producer -----------------------------------------------------------------------------

  /**
   * Room for a message of `n` bytes: the offset of its data in `bytes`, or -1 when the ring
   * has no room now (the consumer is behind). `publish` makes it visible.
   */
  reserve(n: number): number {
    const need = 4 + ((n + 3) & ~3);
    const size = this.size;
    const w = Atomics.load(this.pos, 0);
    const r = Atomics.load(this.pos, 1);
    if (w >= r) {
      // free: [w, size) and [0, r - 1)
      if (w + need <= size && !(w + need === size && r === 0)) return this.start(w, n);
      if (need < r) {
        this.buf.writeUInt32LE(WRAP, w);
        return this.start(0, n, w);
      }
      return -1;
    }
    // free: [w, r - 1)
    return w + need < r ? this.start(w, n) : -1;
  }

  private wrappedFrom = -1;

  private start(at: number, n: number, wrappedFrom = -1): number {
    this.buf.writeUInt32LE(n, at);
    this.open = at;
    this.wrappedFrom = wrappedFrom;
    return at + 4;
  }

  /** Publishes the reserved message (its data must be written). */
  publish(): void {
    const at = this.open;
    if (at < 0) throw new Error("ring: nothing reserved");
    const n = this.buf.readUInt32LE(at);
    let end = at + 4 + ((n + 3) & ~3);
    if (end === this.size) end = 0;
    this.open = -1;
    Atomics.store(this.pos, 0, end);
  }

  // ---- consumer -----------------------------------------------------------------------------

  /** Whether a message waits. */
  get readable(): boolean {
    return Atomics.load(this.pos, 0) !== this.readAt;
  }

  /** The next message as [offset of its data, length], or undefined; `release` frees it. */
  next(): [number, number] | undefined {
    let at = this.readAt;
    if (Atomics.load(this.pos, 0) === at) return undefined;
    let n = this.buf.readUInt32LE(at);
    if (n === WRAP) {
      at = 0;
      n = this.buf.readUInt32LE(0);
    }
    let end = at + 4 + ((n + 3) & ~3);
    if (end === this.size) end = 0;
    this.readAt = end;
    return [at + 4, n];
  }

  /** Frees every message read so far (its bytes may be overwritten from now on). */
  release(): void {
    Atomics.store(this.pos, 1, this.readAt);
  }

  /** The share of the ring in use (0 to 1). */
  get fill(): number {
    const w = Atomics.load(this.pos, 0);
    const r = Atomics.load(this.pos, 1);
    return (w >= r ? w - r : this.size - r + w) / this.size;
  }
}
