// The executor thread's entry (a worker_threads Worker started by link.ts's ThreadLink): builds
// the Config and the Executor from the startup parameters, sets the scripts' memory cap, and
// serves the input ring through a Session, writing replies to the sockets itself (direct.ts).
// Between batches it sleeps in its event loop (timers — blocking timeouts, the cron — run
// there) and the connection thread wakes it with a byte on a local socket: unlike Atomics.wait
// and postMessage, a socket write wakes a thread without holding a lock the woken thread needs
// next (V8's futex emulation and Node's message ports signal under their mutex, and the woken
// thread, often preempting the signaller on a busy core, blocks on that mutex at once). A
// running script reads further batches from its interrupt hook (the event loop is not running
// then).

import net from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { memoryGuard } from "../../runtime/memory.js";
import { serverFacts } from "../commands/server.js";
import { Config } from "../config.js";
import { Executor } from "../executor.js";
import { configureLog } from "../log.js";
import { ControlBlock } from "./control.js";
import { Session } from "./session.js";
import { OUT_MESSAGE, type ExecutorMessage } from "./wire.js";

interface ThreadData {
  sab: SharedArrayBuffer;
  config: [string, string][];
  configFile: string;
  log: { level?: string; file?: string; silent?: boolean };
  scriptHeapMb: number;
  /** input batches too big for the ring */
  inPort: MessagePort;
  /** output too big for the ring */
  outPort: MessagePort;
  /** the local socket the connection thread wakes this thread on (link.ts's WakeChannel) */
  wakePath: string;
  /** what this thread sends first on it, to be told from any other local process */
  wakeToken: Uint8Array;
}

/** Longest stretch of work before the event loop gets a turn (timers, the cron). */
const YIELD_MS = 2;
/** Output ring use past which any output wakes the connection thread to take it. */
const DRAIN_FILL = 0.25;

/** The most of the thread's V8 heap limit the scripts' cap may be. */
const HEAP_CAP_SHARE = 0.8;

const port = parentPort;
if (port === null) throw new Error("executor-thread.js runs as a worker thread");
const data = workerData as ThreadData;

configureLog(data.log);
serverFacts.configFile = data.configFile;
const config = new Config();
for (const [name, value] of data.config) config.setStartup(name, value);

// node's --max-old-space-size overrides the thread's resourceLimits, leaving it no headroom
// above the cap: the cap then stays a fifth below the heap the thread really has
memoryGuard.limit = Math.min(
  data.scriptHeapMb * 1048576,
  Math.floor(v8.getHeapStatistics().heap_size_limit * HEAP_CAP_SHARE),
);
memoryGuard.usedHeap = () => v8.getHeapStatistics().used_heap_size;
// V8 exposes its collector to contexts created after --expose-gc is set
v8.setFlagsFromString("--expose-gc");
memoryGuard.collect = vm.runInNewContext("gc") as () => void;

const ctl = new ControlBlock(data.sab);
const input = ctl.input;
const output = ctl.output;
const inMessage = (): Buffer => {
  const u8 = receiveMessageOnPort(data.inPort)!.message as Uint8Array;
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
};

/** Something to sleep on. */
const nap = new Int32Array(new SharedArrayBuffer(4));

/** Output that doesn't fit the ring (or would take over a quarter of it) goes as a message. */
let big: Buffer | undefined = undefined;

const ex = new Executor(config);
const session = new Session(ex, ctl, {
  reserve(n) {
    const at = n > output.size / 4 ? -1 : output.reserve(n);
    if (at >= 0) return [output.bytes, at];
    big = Buffer.allocUnsafeSlow(n);
    return [big, 0];
  },
  publish(_buf, urgent) {
    if (big !== undefined) {
      const b = big;
      big = undefined;
      // the marker needs 4 bytes of ring: wait for the connection side to make room
      let at = output.reserve(4);
      if (at < 0) port.postMessage({ t: "output" } satisfies ExecutorMessage);
      while (at < 0) {
        Atomics.wait(nap, 0, 0, 1);
        at = output.reserve(4);
      }
      output.bytes.writeUInt32LE(OUT_MESSAGE, at);
      data.outPort.postMessage(b, [b.buffer as ArrayBuffer]);
    }
    output.publish();
    // the connection side takes the rest when it next sends input (or needs it: a connection
    // waiting for its requests to be answered), unless there is something for it to do now
    if (urgent || ctl.mainWants() || output.fill > DRAIN_FILL) {
      port.postMessage({ t: "output" } satisfies ExecutorMessage);
    }
  },
  slots: ctl.slots,
  shutdown: () => port.postMessage({ t: "shutdown" } satisfies ExecutorMessage),
  poll(take) {
    for (let m = input.next(); m !== undefined; m = input.next()) {
      take(input.bytes, m[0], m[0] + m[1], inMessage);
      input.release();
    }
  },
});

/**
 * Serves the input ring until it is empty, then sleeps in the event loop until woken (the wake
 * socket), or after YIELD_MS of work gives the event loop a turn.
 */
function serve(): void {
  const start = performance.now();
  for (;;) {
    const m = input.next();
    if (m !== undefined) {
      session.take(input.bytes, m[0], m[0] + m[1], inMessage);
      input.release();
      session.runQueued();
      if (performance.now() - start > YIELD_MS) {
        setImmediate(serve);
        return;
      }
      continue;
    }
    // the next requests of the clients just answered, read here while the connection thread
    // waits (it would otherwise wake to read them and wake this thread again)
    if (session.readAhead()) {
      session.runQueued();
      if (performance.now() - start > YIELD_MS) {
        setImmediate(serve);
        return;
      }
      continue;
    }
    ctl.setExecutorAsleep(true);
    if (!input.readable) return;
    ctl.setExecutorAsleep(false);
  }
}

// batches too big for the ring arrive as messages, read in order from the ring's markers
data.inPort.unref();
data.outPort.unref();
// the wake socket keeps this thread's event loop alive
const wake = net.connect({
  path: data.wakePath,
  // one byte a wake-up, read into one small buffer (no stream events, no allocation)
  onread: {
    buffer: Buffer.alloc(64),
    callback: () => {
      serve();
      return true;
    },
  },
});
let connected = false;
wake.on("error", (e) => {
  // the connection side closes it when the server stops
  if (!connected) throw e;
});
wake.once("connect", () => {
  connected = true;
  wake.write(data.wakeToken);
  session.startCron(true);
  port.postMessage({ t: "ready", commands: session.commandList() } satisfies ExecutorMessage);
  serve();
});
