// Direct writes: the executor thread writes a client's replies to the client's socket itself
// (the socket's file descriptor, with fs.writeSync), so a reply does not travel back through the
// output ring and wait for the connection thread to wake up. The connection thread still owns
// the sockets: it reads them, closes them and writes what it answers itself. One word per
// connection slot, in the control block, says who may write to the socket now:
//
//   EXEC     the executor may write; it holds WRITING for the length of one write call
//   MAIN     the connection thread writes: its own replies (-BUSY, protocol errors), or what the
//            socket would not take at once. The executor hands its bytes over through the output
//            ring, counting each handed-over message in the word, and the connection thread gives
//            the slot back once it has written them all and its socket has nothing queued
//   CLOSED   the socket is closing (its fd is about to be closed): nothing more is written
//
// The connection thread sets CLOSED before Node closes the fd (Connection overrides the
// socket's _destroy) or when it ends the socket (QUIT: the executor forgets the client then),
// once per connection, waiting out a write under way, so the executor never writes to an fd
// number the process may already have reused; and a slot is reused only after the executor
// has forgotten the client that had it (it reports freed slots with its output).
//
// Direct reads: a second word per slot says whether the executor may read the socket itself
// while the connection thread grants it the reads (Session.readAhead); the connection thread
// sets it when its decoder holds nothing of the connection, and clears it when it closes.

import fs from "node:fs";

const STATE = 3;
const CLOSED = 0;
const EXEC = 1;
const WRITING = 2;
const MAIN = 3;
/** One handed-over message in the word's count (above the two state bits). */
const ONE = 4;
/**
 * Longest direct write: what is longer goes out in part and the rest through the connection
 * thread, which waits for the socket to drain (a write call converts all it is given first).
 */
const MAX_DIRECT = 256 * 1024;
/** A write held this long means the executor thread died in it (its slot is closed anyway). */
const STUCK_MS = 100;

/** The slot words and the sockets' fds, in the control block's SharedArrayBuffer. */
export class SlotTable {
  constructor(
    private readonly words: Int32Array,
    private readonly fds: Int32Array,
    /**
     * 1 where the executor may read the socket itself while the connection thread's handoff
     * wait lets it (ControlBlock.beginReads): the connection side has nothing of the
     * connection's buffered and nothing that makes its next request special (see
     * Connection.updateReadable)
     */
    private readonly readable: Int32Array,
  ) {}

  get capacity(): number {
    return this.words.length;
  }

  // ---- connection side ----------------------------------------------------------------------

  /** A new connection on `fd`: the executor may write to it. */
  open(slot: number, fd: number): void {
    this.fds[slot] = fd;
    Atomics.store(this.readable, slot, 0);
    Atomics.store(this.words, slot, EXEC);
  }

  /** Whether the executor may read the socket itself (while the connection thread waits). */
  setReadable(slot: number, on: boolean): void {
    Atomics.store(this.readable, slot, on ? 1 : 0);
  }

  /** Takes the socket for the connection thread's own writes (waits out a write under way). */
  takeMain(slot: number): void {
    const a = this.words;
    for (;;) {
      const w = Atomics.load(a, slot);
      const s = w & STATE;
      if (s === MAIN || s === CLOSED) return;
      if (s === EXEC && Atomics.compareExchange(a, slot, w, (w & ~STATE) | MAIN) === w) return;
    }
  }

  /** One message the executor handed over has been given to the socket. */
  written(slot: number): void {
    Atomics.sub(this.words, slot, ONE);
  }

  /**
   * Gives the socket back to the executor, if the connection thread holds it with nothing handed
   * over left to write (the caller checked that its socket has nothing queued).
   */
  release(slot: number): void {
    Atomics.compareExchange(this.words, slot, MAIN, EXEC);
  }

  /**
   * The socket's fd is about to be closed: no more writes. Waits out one under way (a single
   * non-blocking write call), unless it lasts so long that the executor thread must be gone.
   */
  close(slot: number): void {
    const a = this.words;
    let until = 0;
    for (;;) {
      const w = Atomics.load(a, slot);
      if ((w & STATE) === WRITING) {
        const now = performance.now();
        if (until === 0) until = now + STUCK_MS;
        else if (now > until) {
          Atomics.store(a, slot, CLOSED);
          return;
        }
        continue;
      }
      if (Atomics.compareExchange(a, slot, w, CLOSED) === w) return;
    }
  }

  // ---- executor side ------------------------------------------------------------------------

  /** Whether the executor may read the slot's socket now (it holds the reads: beginReads). */
  mayRead(slot: number): boolean {
    return Atomics.load(this.readable, slot) === 1 && (Atomics.load(this.words, slot) & STATE) !== CLOSED;
  }

  /** The slot's socket is the connection side's to read again (given-back bytes, end of stream). */
  unreadable(slot: number): void {
    Atomics.store(this.readable, slot, 0);
  }

  /**
   * Reads what the slot's socket holds into `buf` (the caller checked mayRead): the byte count,
   * or 0 when nothing is there yet. The end of the stream or an error leaves the socket to the
   * connection side (which finds the same when it reads) and answers 0.
   */
  read(slot: number, buf: Buffer): number {
    // an empty socket throws: without a stack the exception costs ~3 µs instead of ~4.5
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const n = fs.readSync(this.fds[slot], buf, 0, buf.length, null);
      if (n > 0) return n;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") return 0;
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.unreadable(slot);
    return 0;
  }

  /**
   * Writes `data` (latin1) to the slot's socket when the executor may: returns how many of its
   * last chars are left for the connection thread to write (handed over through the output
   * ring, counted in the slot's word: the caller must send them), or -1 when the socket is
   * closing (nothing is to be sent).
   */
  write(slot: number, data: string): number {
    const a = this.words;
    for (;;) {
      const w = Atomics.load(a, slot);
      const s = w & STATE;
      if (s === CLOSED) return -1;
      if (s === MAIN) {
        if (Atomics.compareExchange(a, slot, w, w + ONE) === w) return data.length;
        continue;
      }
      // EXEC (WRITING is only ever this thread's own, within this call)
      const part = data.length > MAX_DIRECT ? data.slice(0, MAX_DIRECT) : data;
      if (Atomics.compareExchange(a, slot, w, WRITING) !== w) continue;
      let n = 0;
      try {
        n = fs.writeSync(this.fds[slot], part, null, "latin1");
      } catch {
        // EAGAIN (the socket's buffer is full), or a broken connection: the connection thread's
        // socket finds out and closes
      }
      if (n === data.length) {
        Atomics.store(a, slot, EXEC);
        return 0;
      }
      Atomics.store(a, slot, MAIN | ONE);
      return data.length - n;
    }
  }
}
