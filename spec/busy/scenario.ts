// Busy-script scenarios: several connections, a script that runs long on one of them, and what
// the others see — the exact reply bytes, and whether each came at once ("prompt") or only
// after the server held it back ("waited": before busy-reply-threshold a busy server reads
// nothing). The recorder (record.ts) runs them against redis-server 7.0, the test against redlua.
//
// Format, one step per line (arguments quoted as Redis's inline protocol quotes them):
//   A: CMD args…   send on connection A and read its reply
//   A> CMD args…   send on A without reading (the reply is read by a later `A<`)
//   A<             read A's outstanding reply
//   @sleep MS      wait
//   @untimed       (first) only the replies count, not when they came (a scenario about
//                  something else than waiting, whose replies may be slow on a loaded machine;
//                  there a SCRIPT/FUNCTION KILL answered -NOTBUSY while another connection's
//                  script is unanswered overtook that script and is asked again)
//   @threshold MS  (first) busy-reply-threshold for this scenario instead of THRESHOLD (a short
//                  one lets many scripts be killed quickly)
// Connections are opened (in RESP2, or RESP3 after an unrecorded HELLO 3) on first use. A reply
// never comes when the server closes the connection: it is recorded as "<closed>".

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { splitArgs } from "../../server/protocol/splitargs.js";
import { RespClient } from "../support/resp-client.js";

export const CASES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../spec/busy/cases");

/** busy-reply-threshold for every scenario (ms): long enough to tell "waited" from "prompt". */
export const THRESHOLD = 500;
/** A reply that took this long waited for the threshold (Redis answers ~0-10 ms otherwise). */
const WAITED = 0.6;

export interface Step {
  line: number;
  text: string;
  kind: "call" | "send" | "read" | "sleep" | "untimed" | "threshold";
  conn: string;
  args: string[];
}

export interface Outcome {
  line: number;
  reply: string;
  timing: "prompt" | "waited" | "untimed";
}

/** A recording: outcomes per protocol. */
export interface Recording {
  resp2: Outcome[];
  resp3: Outcome[];
}

export function parseScenario(src: string, file = "scenario"): Step[] {
  const steps: Step[] = [];
  src.split("\n").forEach((raw, i) => {
    const text = raw.replace(/\r$/, "").trim();
    const line = i + 1;
    if (text === "" || text.startsWith("#")) return;
    if (text === "@untimed") {
      steps.push({ line, text, kind: "untimed", conn: "", args: [] });
      return;
    }
    const threshold = /^@threshold\s+(\d+)$/.exec(text);
    if (threshold) {
      steps.push({ line, text, kind: "threshold", conn: "", args: [threshold[1]] });
      return;
    }
    const sleep = /^@sleep\s+(\d+)$/.exec(text);
    if (sleep) {
      steps.push({ line, text, kind: "sleep", conn: "", args: [sleep[1]] });
      return;
    }
    const m = /^(\w+)([:><])\s*(.*)$/.exec(text);
    if (!m) throw new Error(`${file}:${line}: not a step: ${text}`);
    const kind = m[2] === ":" ? "call" : m[2] === ">" ? "send" : "read";
    const args = kind === "read" ? [] : splitArgs(m[3]);
    if (args === undefined || (kind !== "read" && args.length === 0)) {
      throw new Error(`${file}:${line}: bad arguments: ${text}`);
    }
    steps.push({ line, text, kind, conn: m[1], args });
  });
  return steps;
}

/** The scenario's busy-reply-threshold (ms). */
export function thresholdOf(steps: Step[]): number {
  const t = steps.find((s) => s.kind === "threshold");
  return t === undefined ? THRESHOLD : Number(t.args[0]);
}

export function loadScenario(name: string): Step[] {
  const file = path.join(CASES, `${name}.txt`);
  return parseScenario(fs.readFileSync(file, "latin1"), file);
}

export function scenarioNames(): string[] {
  return fs
    .readdirSync(CASES)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** What varies between runs: FUNCTION STATS's duration. */
export function normalize(reply: string): string {
  return reply.replace(/(\$11\r\nduration_ms\r\n):\d+\r\n/g, "$1:<ms>\r\n");
}

/** How often runScenario asks a kill again that came before its script. */
const KILL_RETRIES = 10;

/** The kill just answered -NOTBUSY while another connection's request is unanswered. */
function isEarlyKill(s: Step, out: Outcome[], pending: Set<string>): boolean {
  const cmd = s.args.map((a) => a.toUpperCase());
  if (cmd.length !== 2 || (cmd[0] !== "SCRIPT" && cmd[0] !== "FUNCTION") || cmd[1] !== "KILL") return false;
  if (!out[out.length - 1].reply.startsWith("-NOTBUSY")) return false;
  for (const conn of pending) if (conn !== s.conn) return true;
  return false;
}

/** Runs a scenario against the server on `port`, in RESP `proto`. */
export async function runScenario(port: number, steps: Step[], proto: 2 | 3): Promise<Outcome[]> {
  const conns = new Map<string, RespClient>();
  const open = async (name: string): Promise<RespClient> => {
    let c = conns.get(name);
    if (c === undefined) {
      c = await RespClient.connect(port);
      if (proto === 3) await c.call("HELLO", "3");
      conns.set(name, c);
    }
    return c;
  };
  const out: Outcome[] = [];
  /** connections with a request sent (`A>`) and its reply not read yet */
  const pending = new Set<string>();
  const untimed = steps.some((s) => s.kind === "untimed");
  const waitedMs = thresholdOf(steps) * WAITED;
  let lastSend = performance.now();
  const read = async (s: Step, c: RespClient, since: number) => {
    let reply: string;
    try {
      reply = normalize(await c.readString(10000));
    } catch (e) {
      if (!c.isClosed) throw e;
      reply = "<closed>";
    }
    const ms = performance.now() - since;
    const timing = untimed ? "untimed" : ms >= waitedMs ? "waited" : "prompt";
    out.push({ line: s.line, reply, timing });
  };
  try {
    // every connection is open (and in RESP3) before the first step
    for (const s of steps)
      if (s.kind !== "sleep" && s.kind !== "untimed" && s.kind !== "threshold") await open(s.conn);
    for (const s of steps) {
      if (s.kind === "untimed" || s.kind === "threshold") continue;
      if (s.kind === "sleep") {
        await new Promise((r) => setTimeout(r, Number(s.args[0])));
        continue;
      }
      const c = await open(s.conn);
      if (s.kind === "read") {
        await read(s, c, lastSend);
        pending.delete(s.conn);
        continue;
      }
      lastSend = performance.now();
      if (!c.isClosed) c.send(s.args);
      if (s.kind === "send") pending.add(s.conn);
      if (s.kind !== "call") continue;
      await read(s, c, lastSend);
      // An untimed scenario's kill may overtake the script it is meant for on a loaded machine
      // (the server reads the killer's socket first): -NOTBUSY with a script sent and not yet
      // answered is asked again, as long as that lasts (a script that ended stays NOTBUSY).
      for (let retry = 0; untimed && retry < KILL_RETRIES && isEarlyKill(s, out, pending); retry++) {
        out.pop();
        await new Promise((r) => setTimeout(r, 20));
        lastSend = performance.now();
        c.send(s.args);
        await read(s, c, lastSend);
      }
    }
  } finally {
    for (const c of conns.values()) c.close();
  }
  return out;
}
