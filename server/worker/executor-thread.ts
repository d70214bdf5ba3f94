// The executor thread's entry (a worker_threads Worker started by link.ts's ThreadLink): builds
// the Config and the Executor from the startup parameters, sets the scripts' memory cap, and
// serves the input ring through a Session. Between batches it sleeps on the ring (a futex,
// woken by the connection thread's publish) rather than in its event loop, and goes back to
// the event loop every few ms so timers (blocking timeouts, the cron) run. A running script
// reads further batches from its interrupt hook (the event loop is not running then).

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
}

/** Longest stretch of work before the event loop gets a turn (timers, the cron). */
const YIELD_MS = 2;
/** Longest sleep on the ring while idle (a blocked client's timeout may be due sooner). */
const IDLE_MS = 10;

const port = parentPort;
if (port === null) throw new Error("executor-thread.js runs as a worker thread");
const data = workerData as ThreadData;

configureLog(data.log);
serverFacts.configFile = data.configFile;
const config = new Config();
for (const [name, value] of data.config) config.setStartup(name, value);

memoryGuard.limit = data.scriptHeapMb * 1048576;
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
  publish() {
    if (big !== undefined) {
      const b = big;
      big = undefined;
      // the marker needs 4 bytes of ring: wait for the connection side to make room
      let at = output.reserve(4);
      while (at < 0) {
        Atomics.wait(nap, 0, 0, 1);
        at = output.reserve(4);
      }
      output.bytes.writeUInt32LE(OUT_MESSAGE, at);
      data.outPort.postMessage(b, [b.buffer as ArrayBuffer]);
    }
    output.publish();
    // the connection side sleeps on the ring only right after sending; otherwise wake its loop
    if (!ctl.mainWaiting()) port.postMessage({ t: "output" } satisfies ExecutorMessage);
  },
  shutdown: () => port.postMessage({ t: "shutdown" } satisfies ExecutorMessage),
  poll(take) {
    for (let m = input.next(); m !== undefined; m = input.next()) {
      take(input.bytes, m[0], m[0] + m[1], inMessage);
      input.release();
    }
  },
});

/** Serves the input ring until idle for IDLE_MS or busy for YIELD_MS, then yields. */
function serve(): void {
  const start = performance.now();
  for (;;) {
    const m = input.next();
    if (m !== undefined) {
      session.take(input.bytes, m[0], m[0] + m[1], inMessage);
      input.release();
      session.runQueued();
      if (performance.now() - start > YIELD_MS) break;
      continue;
    }
    if (performance.now() - start > YIELD_MS) break;
    const seen = input.writePosition;
    if (input.readable) continue;
    const idle = ex.blocking.count > 0 ? 1 : IDLE_MS;
    if (Atomics.wait(input.waitArray, 0, seen, idle) === "timed-out") break;
  }
  setImmediate(serve);
}

// batches too big for the ring arrive as messages, read in order from the ring's markers
data.inPort.unref();
data.outPort.unref();
session.startCron(true);
port.postMessage({ t: "ready", commands: session.commandList() } satisfies ExecutorMessage);
setImmediate(serve);
