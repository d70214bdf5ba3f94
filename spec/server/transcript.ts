// Transcripts: the format (one command per line, arguments quoted as Redis's inline protocol
// quotes them, plus @directives), and running one against a server over real sockets, giving the
// raw reply bytes per line. The recorder runs them against redis-server, the test against redlua.

import fs from "node:fs";
import { splitArgs } from "../../server/protocol/splitargs.js";
import { RespClient, replyEnd } from "../support/resp-client.js";

/**
 * One line of a transcript.
 * - `CMD arg "quoted \x00 arg"`: send, record the reply.
 * - `@sort CMD…`: reply compared as unordered arrays, recursively (SCAN's key list too).
 * - `@sortpairs CMD…`: top-level pairs (or RESP3's nested 2-arrays) compared unordered.
 * - `@any CMD…`: reply compared only by its RESP type (nondeterministic values).
 * - `@masknum CMD…`: integers in the reply are masked (ids that differ between runs).
 * - `@noreply CMD…`: expect no reply (CLIENT REPLY OFF/SKIP); records what came within 100 ms.
 * - `@raw "bytes"`: send raw bytes; records everything until the peer closes or 120 ms of quiet.
 * - `@client NAME`: switch connection (opened on first use; "main" is the first).
 * - `@sleep MS`: wait.
 * - `@send CMD…`: send without reading (a blocking command); waits until the server shows the
 *   client blocked (CLIENT LIST flag b, read on a separate control connection) or it answered.
 * - `@read [N]`: read the next N replies (default 1) of the current connection, e.g. a blocked
 *   command's answer or SUBSCRIBE's confirmations; recorded as one step. `@masknum @read [N]`
 *   masks the integers in them (a client id in a push). `@monitor @read [N]` masks what varies
 *   in MONITOR lines: the timestamp and the client's port (`+<time> [0 127.0.0.1:<port>] …`).
 * - `@mask "REGEX" CMD…`: the parts of the reply the regular expression matches are replaced by
 *   `#` (fields of a status line that vary, like DEBUG OBJECT's address and LRU clock).
 * - An argument `$ID:NAME` is replaced by the client id of connection NAME (CLIENT UNBLOCK).
 */
export interface Step {
  line: number;
  text: string;
  kind:
    | "cmd"
    | "sort"
    | "sortpairs"
    | "any"
    | "masknum"
    | "monitor"
    | "mask"
    | "noreply"
    | "raw"
    | "client"
    | "sleep"
    | "send"
    | "read";
  args: string[];
}

export function parseTranscript(src: string): Step[] {
  const steps: Step[] = [];
  src.split("\n").forEach((raw, i) => {
    const text = raw.replace(/\r$/, "");
    if (text.trim() === "" || text.trimStart().startsWith("#")) return;
    const line = i + 1;
    let kind: Step["kind"] = "cmd";
    let rest = text;
    const m = /^@(\w+)\s*(.*)$/.exec(text);
    if (m) {
      kind = m[1] as Step["kind"];
      const known = [
        "sort",
        "sortpairs",
        "any",
        "masknum",
        "monitor",
        "mask",
        "noreply",
        "raw",
        "client",
        "sleep",
        "send",
        "read",
      ];
      if (!known.includes(kind)) {
        throw new Error(`line ${line}: unknown directive @${m[1]}`);
      }
      rest = m[2];
    }
    const args = splitArgs(rest);
    if (args === undefined || (args.length === 0 && kind !== "client" && kind !== "read"))
      throw new Error(`line ${line}: bad arguments`);
    steps.push({ line, text, kind, args });
  });
  return steps;
}

export function loadTranscript(path: string): Step[] {
  return parseTranscript(fs.readFileSync(path, "latin1"));
}

/** The command a recorded step sends and checks the reply of, or undefined (raw bytes, reads). */
export function commandOf(s: Step): string | undefined {
  if (s.kind === "raw" || s.kind === "noreply" || s.kind === "read") return undefined;
  if (s.kind === "mask") return s.args[1];
  if ((s.kind === "masknum" || s.kind === "monitor") && s.args[0] === "@read") return undefined;
  return s.args[0];
}

/** Whether a step produces a recorded reply. */
export function recorded(s: Step): boolean {
  return s.kind !== "client" && s.kind !== "sleep" && s.kind !== "send";
}

/** The CLIENT LIST line of the connection whose local port is `port` (from the server's side). */
async function clientLine(control: RespClient, port: number): Promise<string | undefined> {
  const r = (await control.command(["CLIENT", "LIST"])).toString("latin1");
  return r.split("\n").find((l) => l.includes(`addr=127.0.0.1:${port} `));
}

/** Waits until the server shows `c` blocked (flag b) or `c` got an answer; at most 3 s. */
async function waitBlocked(control: RespClient, c: RespClient): Promise<void> {
  const port = c.socket.localPort as number;
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && c.pending().length === 0 && !c.isClosed) {
    const line = await clientLine(control, port);
    if (line !== undefined && /flags=\S*b/.test(line)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function quietRead(c: RespClient, quietMs: number, maxMs: number): Promise<string> {
  const start = Date.now();
  let last = -1;
  let lastChange = Date.now();
  while (!c.isClosed && Date.now() - start < maxMs) {
    const n = c.pending().length;
    if (n !== last) {
      last = n;
      lastChange = Date.now();
    } else if (Date.now() - lastChange >= quietMs) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 5));
  const closed = c.isClosed;
  const bytes = c.takePending().toString("latin1");
  return bytes + (closed ? "<closed>" : "");
}

/** The next `n` replies of a connection as one recorded step (a timeout is recorded as such). */
async function readReplies(c: RespClient, n: number): Promise<string> {
  let got = "";
  try {
    for (let i = 0; i < n; i++) got += (await c.read(5000)).toString("latin1");
  } catch (e) {
    got += `<${(e as Error).message.slice(0, 60)}>`;
  }
  return got;
}

/** Runs a transcript against the server on `port`, returning one raw reply per recorded step. */
export async function runTranscript(port: number, steps: Step[], proto: 2 | 3): Promise<string[]> {
  const clients = new Map<string, RespClient>();
  let current = "main";
  // A RESP2 connection of the runner's own for CLIENT LIST (@send, $ID:NAME), opened on first use.
  let control: RespClient | undefined;
  const getControl = async (): Promise<RespClient> => {
    control ??= await RespClient.connect(port);
    return control;
  };
  const substitute = async (args: string[]): Promise<string[]> => {
    const out: string[] = [];
    for (const a of args) {
      const m = /^\$ID:(\w+)$/.exec(a);
      const target = m ? clients.get(m[1]) : undefined;
      if (m === null || target === undefined) {
        out.push(a);
        continue;
      }
      const line = await clientLine(await getControl(), target.socket.localPort as number);
      out.push(/(?:^|\s)id=(\d+)/.exec(line ?? "")?.[1] ?? "0");
    }
    return out;
  };
  const get = async (): Promise<RespClient> => {
    let c = clients.get(current);
    if (c === undefined || c.isClosed) {
      c = await RespClient.connect(port);
      if (proto === 3) {
        // Refused (-NOAUTH) on a server with requirepass: the connection stays RESP2 until the
        // transcript itself authenticates, on both servers alike.
        const r = await c.command(["HELLO", "3"]);
        if (r[0] !== 0x25 /* % */ && !r.toString("latin1").startsWith("-NOAUTH")) {
          throw new Error(`HELLO 3 failed: ${r.toString("latin1")}`);
        }
      }
      clients.set(current, c);
    }
    return c;
  };
  const out: string[] = [];
  try {
    for (const s of steps) {
      switch (s.kind) {
        case "client":
          current = s.args[0] ?? "main";
          continue;
        case "sleep":
          await new Promise((r) => setTimeout(r, Number(s.args[0])));
          continue;
        case "raw": {
          const c = await get();
          c.sendRaw(s.args.join(" "));
          out.push(await quietRead(c, 120, 3000));
          continue;
        }
        case "send": {
          const c = await get();
          c.send(await substitute(s.args));
          await waitBlocked(await getControl(), c);
          continue;
        }
        case "read": {
          const c = await get();
          const n = s.args.length === 0 ? 1 : Number(s.args[0]);
          out.push(await readReplies(c, n));
          continue;
        }
        case "noreply": {
          const c = await get();
          c.send(s.args);
          out.push(await quietRead(c, 100, 1000));
          continue;
        }
        default: {
          const c = await get();
          if ((s.kind === "masknum" || s.kind === "monitor") && s.args[0] === "@read") {
            out.push(await readReplies(c, s.args.length === 1 ? 1 : Number(s.args[1])));
            continue;
          }
          try {
            const args = s.kind === "mask" ? s.args.slice(1) : s.args;
            out.push((await c.command(await substitute(args), 5000)).toString("latin1"));
          } catch (e) {
            out.push(`<${(e as Error).message.slice(0, 60)}>`);
          }
        }
      }
    }
  } finally {
    for (const c of clients.values()) c.close();
    control?.close();
  }
  return out;
}

/** The top-level elements of an aggregate reply, as byte strings (undefined if not an aggregate). */
function elements(reply: string): { head: string; items: string[] } | undefined {
  const buf = Buffer.from(reply, "latin1");
  const t = reply[0];
  if (!"*~%".includes(t)) return undefined;
  const nl = reply.indexOf("\r\n");
  const head = reply.slice(0, nl + 2);
  const items: string[] = [];
  let p = nl + 2;
  while (p < buf.length) {
    const e = replyEnd(buf, p);
    if (e < 0) break;
    items.push(reply.slice(p, e));
    p = e;
  }
  return { head, items };
}

/** An aggregate with its elements sorted, recursively (for unordered replies like SCAN's). */
function sortDeep(reply: string): string {
  const el = elements(reply);
  if (el === undefined) return reply;
  return el.head + el.items.map(sortDeep).sort().join("");
}

/** Canonical form of a reply for comparison under the step's rules. */
export function normalize(s: Step, reply: string): string {
  if (s.kind === "any") return reply.slice(0, 1);
  if (s.kind === "masknum") return reply.replace(/(^|\r\n):-?\d+\r\n/g, "$1:#\r\n");
  if (s.kind === "mask") return reply.replace(new RegExp(s.args[0], "g"), "#");
  if (s.kind === "monitor") {
    return reply.replace(/(^|\n)\+\d+\.\d{6} \[(\d+) ([^\]]*?)(:\d+)?\]/g, (_m, a, db, addr, port) =>
      port === undefined ? `${a}+<time> [${db} ${addr}]` : `${a}+<time> [${db} ${addr}:<port>]`,
    );
  }
  if (s.kind === "sort") return sortDeep(reply);
  if (s.kind !== "sortpairs") return reply;
  const el = elements(reply);
  if (el === undefined) return reply;
  const groups: string[] = [];
  // RESP3 replies nest each pair in its own array (HRANDFIELD … WITHVALUES): sort those whole.
  const nested = el.items.length > 0 && el.items.every((x) => x.startsWith("*2\r\n"));
  if (nested) groups.push(...el.items);
  else for (let i = 0; i < el.items.length; i += 2) groups.push(el.items[i] + (el.items[i + 1] ?? ""));
  groups.sort();
  return el.head + groups.join("");
}
