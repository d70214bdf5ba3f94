// The control block: the few facts both threads must see while a script runs, the two message
// rings between them (ring.ts) and the sockets' slot table (direct.ts), in one
// SharedArrayBuffer. The executor thread writes the run state (running, kind, written, the
// clock it started at, a function's name and command) and the config values the connection
// side needs; the connection thread reads them to answer -BUSY, and requests a kill with a
// compare-and-swap on the same word the executor sets "written" on, so a kill and a first
// write can never both win (script.c decides both on one thread; here the CAS does). A few
// words tell each thread when the other needs waking: the executor is asleep in its event
// loop, a connection waits for output, the connection thread waits for a big batch to be run.

import { SlotTable } from "./direct.js";
import { Ring } from "./ring.js";

/** Int32 slots. */
const I = {
  /** RUN_* bits, plus the run's generation above them */
  run: 0,
  /** connections waiting for output (the executor wakes the connection thread for any) */
  mainWants: 1,
  /** 1 while requirepass is set */
  requirepass: 2,
  /** FUNCTION STATS engines figures, as of the running function's start */
  libraries: 3,
  functions: 4,
  /** the text region: length in bytes, and a sequence number (odd while being written) */
  textLen: 5,
  textSeq: 6,
  /** SHUTDOWN NOSAVE under way: the executor stops at its next interrupt check */
  shutdown: 7,
  /** 1 while the executor sleeps in its event loop: new input needs a wake-up */
  executorAsleep: 8,
  /** 1 while the connection thread waits for the executor to go to sleep */
  mainWaiting: 9,
  /** the generation of the run whose function the text region holds */
  textGen: 10,
  /** who reads the sockets: READS_MAIN, READS_GRANTED (the executor may), READS_EXECUTOR */
  reads: 11,
  /** 1 while the connection thread waits for the executor's reads to end (endReads notifies) */
  revoking: 12,
} as const;
const READS_MAIN = 0;
const READS_GRANTED = 1;
const READS_EXECUTOR = 2;
const INT_SLOTS = 16;

/** Float64 slots, after the Int32 ones. */
const D = {
  /** when the running script started: ms since the epoch (performance.timeOrigin + now()) */
  since: 0,
  busyReplyThreshold: 1,
  protoMaxBulkLen: 2,
  clientQueryBufferLimit: 3,
  maxclients: 4,
} as const;
const DOUBLE_SLOTS = 8;

/** The running function's name and command (FUNCTION STATS), latin1, length-prefixed. */
const TEXT_BYTES = 64 * 1024;
const TEXT_OFFSET = INT_SLOTS * 4 + DOUBLE_SLOTS * 8;
/**
 * The rings: input batches (connection side → executor), released by the executor as soon as
 * it has sliced them into arguments, before running them; output (executor → connection
 * side), released once written to the sockets. A message too big for its ring goes as a port
 * message instead.
 */
const RING_BYTES = 4 * 1024 * 1024;
const IN_RING = TEXT_OFFSET + TEXT_BYTES;
const OUT_RING = IN_RING + 8 + RING_BYTES;
/**
 * The slot table: a word and an fd per connection slot. Connections past this many at once
 * are answered through the output ring.
 */
export const SLOTS = 65536;
const SLOT_WORDS = OUT_RING + 8 + RING_BYTES;
const SLOT_FDS = SLOT_WORDS + SLOTS * 4;
const SLOT_READABLE = SLOT_FDS + SLOTS * 4;
const TOTAL_BYTES = SLOT_READABLE + SLOTS * 4;

export const RUN_RUNNING = 1;
export const RUN_FUNCTION = 2;
export const RUN_WRITTEN = 4;
export const RUN_KILLED = 8;
const GEN_SHIFT = 8;
const GEN_MASK = 0x7fffff;

/** What the connection side reads of the running script. */
export interface RunSnapshot {
  running: boolean;
  kind: "eval" | "function";
  written: boolean;
  /** ms since it started */
  elapsed: number;
}

/** What the config gives the connection side (kept current by the executor). */
export interface ConfigMirror {
  busyReplyThreshold: number;
  protoMaxBulkLen: number;
  clientQueryBufferLimit: number;
  maxclients: number;
  requirepass: boolean;
}

export type KillResult = "ok" | "notbusy" | "unkillable" | "wrongkind";

const ORIGIN = performance.timeOrigin;
const NO_COMMAND: readonly string[] = [];

/** Wall-clock ms with sub-ms precision, comparable across threads. */
export function nowMs(): number {
  return ORIGIN + performance.now();
}

export class ControlBlock {
  readonly i32: Int32Array;
  private readonly f64: Float64Array;
  private readonly text: Buffer;
  /**
   * executor side: the running function, until publishRunning copies it into the text
   * (fnCommand NO_COMMAND: nothing to publish)
   */
  private fnName = "";
  private fnCommand: readonly string[] = NO_COMMAND;
  private fnLibs = 0;
  private fnFns = 0;
  /** input batches: connection side → executor */
  readonly input: Ring;
  /** output: executor → connection side */
  readonly output: Ring;
  /** who may write to each connection's socket (direct.ts) */
  readonly slots: SlotTable;
  private gen = 0;

  constructor(readonly sab = new SharedArrayBuffer(TOTAL_BYTES)) {
    this.i32 = new Int32Array(sab, 0, INT_SLOTS);
    this.f64 = new Float64Array(sab, INT_SLOTS * 4, DOUBLE_SLOTS);
    this.text = Buffer.from(sab, TEXT_OFFSET, TEXT_BYTES);
    this.input = new Ring(sab, IN_RING, IN_RING + 8, RING_BYTES);
    this.output = new Ring(sab, OUT_RING, OUT_RING + 8, RING_BYTES);
    this.slots = new SlotTable(
      new Int32Array(sab, SLOT_WORDS, SLOTS),
      new Int32Array(sab, SLOT_FDS, SLOTS),
      new Int32Array(sab, SLOT_READABLE, SLOTS),
    );
  }

  // ---- wake-ups -----------------------------------------------------------------------------
  // Each side publishes (a ring message) and then reads the other's word, and each side sets its
  // own word and then looks at the ring once more before sleeping, all sequentially consistent:
  // a message is never left unseen by a sleeper.

  /** Connection side: a connection waits for output (+1) or no longer does (-1). */
  addMainWants(n: 1 | -1): void {
    Atomics.add(this.i32, I.mainWants, n);
  }

  /** Executor side: whether output must wake the connection side now. */
  mainWants(): boolean {
    return Atomics.load(this.i32, I.mainWants) !== 0;
  }

  /** Executor side: about to sleep in its event loop (then it checks the input ring again). */
  setExecutorAsleep(on: boolean): void {
    Atomics.store(this.i32, I.executorAsleep, on ? 1 : 0);
    if (on && Atomics.load(this.i32, I.mainWaiting) !== 0) Atomics.notify(this.i32, I.executorAsleep);
  }

  /** Connection side: blocks until the executor has gone to sleep (all input done), or `ms` pass. */
  awaitExecutorAsleep(ms: number): void {
    const a = this.i32;
    Atomics.store(a, I.mainWaiting, 1);
    Atomics.wait(a, I.executorAsleep, 0, ms);
    Atomics.store(a, I.mainWaiting, 0);
  }

  /**
   * Connection side, before its handoff wait: the executor may read the sockets marked readable
   * in the slot table while this thread sleeps (Session.readAhead).
   */
  grantReads(): void {
    Atomics.store(this.i32, I.reads, READS_GRANTED);
  }

  /** Connection side, after the wait: the sockets are its own to read again (waits out a pass). */
  revokeReads(): void {
    const a = this.i32;
    if (Atomics.compareExchange(a, I.reads, READS_GRANTED, READS_MAIN) !== READS_EXECUTOR) {
      Atomics.store(a, I.reads, READS_MAIN);
      return;
    }
    Atomics.store(a, I.revoking, 1);
    while (Atomics.compareExchange(a, I.reads, READS_GRANTED, READS_MAIN) === READS_EXECUTOR) {
      Atomics.wait(a, I.reads, READS_EXECUTOR, 1);
    }
    Atomics.store(a, I.revoking, 0);
  }

  /** Executor side: starts a pass of reads if the connection side grants them now. */
  beginReads(): boolean {
    return Atomics.compareExchange(this.i32, I.reads, READS_GRANTED, READS_EXECUTOR) === READS_GRANTED;
  }

  /** Executor side: the pass is over (what it read was published first). */
  endReads(): void {
    Atomics.store(this.i32, I.reads, READS_GRANTED);
    if (Atomics.load(this.i32, I.revoking) !== 0) Atomics.notify(this.i32, I.reads);
  }

  /** Connection side, after publishing input: true once per sleep, when the executor needs waking. */
  takeExecutorAsleep(): boolean {
    return (
      Atomics.load(this.i32, I.executorAsleep) !== 0 &&
      Atomics.compareExchange(this.i32, I.executorAsleep, 1, 0) === 1
    );
  }

  // ---- executor side ------------------------------------------------------------------------

  /**
   * A script starts (at `start`, a performance.now() reading of this thread). A function's name
   * and command (FUNCTION STATS) are kept for publishRunning.
   */
  runStarted(kind: "eval" | "function", start: number): void {
    this.gen = (this.gen + 1) & GEN_MASK;
    this.f64[D.since] = ORIGIN + start;
    Atomics.store(
      this.i32,
      I.run,
      (this.gen << GEN_SHIFT) | RUN_RUNNING | (kind === "function" ? RUN_FUNCTION : 0),
    );
  }

  /** The running function's name, command and the engine's counts, published later. */
  functionStarted(name: string, command: readonly string[], libs: number, fns: number): void {
    this.fnName = name;
    this.fnCommand = command;
    this.fnLibs = libs;
    this.fnFns = fns;
  }

  /**
   * Publishes the running function for FUNCTION STATS, once a run, from the script's interrupt
   * hook (not at its start: copying the text cost ~10% of the executor's busy time on FCALL
   * `return 1` with -P 16). The connection side answers FUNCTION STATS itself only past
   * busy-reply-threshold, and Redis answers it then only from the hook, too
   * (processEventsWhileBlocked): before the text is there it leaves the command to the executor.
   */
  publishRunning(): void {
    if (this.fnCommand === NO_COMMAND) return;
    this.writeText(this.fnName, this.fnCommand, this.fnLibs, this.fnFns);
    this.fnCommand = NO_COMMAND;
  }

  /**
   * The running script is about to run its first write command: marks it written unless a kill
   * was granted first (then the script must stop instead, and false is returned). `force`: the
   * kill was raised already and a pcall caught it; the script writes on, as Redis's would.
   */
  markWritten(force = false): boolean {
    const a = this.i32;
    if (force) {
      Atomics.or(a, I.run, RUN_WRITTEN);
      return true;
    }
    for (;;) {
      const s = Atomics.load(a, I.run);
      if ((s & RUN_KILLED) !== 0) return false;
      if (Atomics.compareExchange(a, I.run, s, s | RUN_WRITTEN) === s) return true;
    }
  }

  /** SCRIPT KILL / FUNCTION KILL run on the executor itself (it checked "written" first). */
  markKilled(): void {
    Atomics.or(this.i32, I.run, RUN_KILLED);
  }

  /** The connection side asked for the running script to stop (SCRIPT KILL / FUNCTION KILL). */
  killRequested(): boolean {
    return (Atomics.load(this.i32, I.run) & RUN_KILLED) !== 0;
  }

  runEnded(): void {
    this.fnCommand = NO_COMMAND;
    Atomics.store(this.i32, I.run, this.gen << GEN_SHIFT);
  }

  shutdownRequested(): boolean {
    return Atomics.load(this.i32, I.shutdown) !== 0;
  }

  publishConfig(m: ConfigMirror): void {
    const f = this.f64;
    f[D.busyReplyThreshold] = m.busyReplyThreshold;
    f[D.protoMaxBulkLen] = m.protoMaxBulkLen;
    f[D.clientQueryBufferLimit] = m.clientQueryBufferLimit;
    f[D.maxclients] = m.maxclients;
    Atomics.store(this.i32, I.requirepass, m.requirepass ? 1 : 0);
  }

  /**
   * Seqlock write: odd sequence while the bytes change. Runs before every FCALL, so the bytes are
   * copied by a loop rather than Buffer#write and writeUInt32LE (native calls that cost more
   * than the copy for short strings: they were 12% of the executor's time on FCALL `return 1`
   * with -P 16).
   */
  private writeText(name: string, command: readonly string[], libs: number, fns: number): void {
    const a = this.i32;
    const t = this.text;
    Atomics.add(a, I.textSeq, 1);
    let o = putText(t, 0, name);
    if (o + 4 <= TEXT_BYTES) o = putU32(t, o, command.length);
    for (let i = 0; i < command.length; i++) o = putText(t, o, command[i]);
    a[I.textLen] = o;
    a[I.libraries] = libs;
    a[I.functions] = fns;
    a[I.textGen] = this.gen;
    Atomics.add(a, I.textSeq, 1);
  }

  // ---- connection side ----------------------------------------------------------------------

  get busyReplyThreshold(): number {
    return this.f64[D.busyReplyThreshold];
  }
  get protoMaxBulkLen(): number {
    return this.f64[D.protoMaxBulkLen];
  }
  get clientQueryBufferLimit(): number {
    return this.f64[D.clientQueryBufferLimit];
  }
  get maxclients(): number {
    return this.f64[D.maxclients];
  }
  get requirepass(): boolean {
    return Atomics.load(this.i32, I.requirepass) !== 0;
  }

  /** Cheap check for the connection side's hot path. */
  scriptRunning(): boolean {
    return (Atomics.load(this.i32, I.run) & RUN_RUNNING) !== 0;
  }

  snapshot(): RunSnapshot {
    const s = Atomics.load(this.i32, I.run);
    return {
      running: (s & RUN_RUNNING) !== 0,
      kind: (s & RUN_FUNCTION) !== 0 ? "function" : "eval",
      written: (s & RUN_WRITTEN) !== 0,
      elapsed: (s & RUN_RUNNING) !== 0 ? nowMs() - this.f64[D.since] : 0,
    };
  }

  /**
   * scriptKill's checks and the kill itself as one atomic step: NOTBUSY when nothing runs,
   * UNKILLABLE once it wrote, the other kind's BUSY for the wrong KILL, else the kill is set.
   */
  requestKill(isEval: boolean): KillResult {
    const a = this.i32;
    for (;;) {
      const s = Atomics.load(a, I.run);
      if ((s & RUN_RUNNING) === 0) return "notbusy";
      if ((s & RUN_WRITTEN) !== 0) return "unkillable";
      if (isEval === ((s & RUN_FUNCTION) !== 0)) return "wrongkind";
      if (Atomics.compareExchange(a, I.run, s, s | RUN_KILLED) === s) return "ok";
    }
  }

  requestShutdown(): void {
    Atomics.store(this.i32, I.shutdown, 1);
  }

  /**
   * The running function as FUNCTION STATS shows it (name, command), read consistently with
   * the seqlock, and the engine's counts; undefined when no function runs, "unpublished" when
   * the running function's hook has not published it yet.
   */
  runningFunction():
    { name: string; command: string[]; libs: number; fns: number } | "unpublished" | undefined {
    const a = this.i32;
    for (let tries = 0; tries < 100; tries++) {
      const s = Atomics.load(a, I.run);
      if ((s & (RUN_RUNNING | RUN_FUNCTION)) !== (RUN_RUNNING | RUN_FUNCTION)) return undefined;
      const seq = Atomics.load(a, I.textSeq);
      if ((seq & 1) !== 0) continue;
      if (a[I.textGen] !== s >>> GEN_SHIFT) {
        if (Atomics.load(a, I.textSeq) === seq && Atomics.load(a, I.run) === s) return "unpublished";
        continue;
      }
      const t = this.text;
      const end = a[I.textLen];
      let o = 0;
      const get = (): string => {
        const n = t.readUInt32LE(o);
        o += 4;
        const v = t.toString("latin1", o, o + n);
        o += n;
        return v;
      };
      const name = end >= 4 ? get() : "";
      const command: string[] = [];
      if (o + 4 <= end) {
        const argc = t.readUInt32LE(o);
        o += 4;
        for (let i = 0; i < argc && o + 4 <= end; i++) command.push(get());
      }
      const libs = a[I.libraries];
      const fns = a[I.functions];
      if (Atomics.load(a, I.textSeq) === seq && Atomics.load(a, I.run) === s) {
        return { name, command, libs, fns };
      }
    }
    return undefined;
  }
}

/** Writes a little-endian u32 at `o`; returns the offset after it. */
function putU32(t: Uint8Array, o: number, v: number): number {
  t[o] = v & 0xff;
  t[o + 1] = (v >>> 8) & 0xff;
  t[o + 2] = (v >>> 16) & 0xff;
  t[o + 3] = v >>> 24;
  return o + 4;
}

/** Writes a length-prefixed latin1 string (cut to what fits), or nothing when no room is left. */
function putText(t: Buffer, o: number, s: string): number {
  const n = Math.min(s.length, TEXT_BYTES - o - 4);
  if (n < 0) return o;
  o = putU32(t, o, n);
  if (n > 64) return o + t.write(s, o, n, "latin1");
  for (let i = 0; i < n; i++) t[o + i] = s.charCodeAt(i);
  return o + n;
}
