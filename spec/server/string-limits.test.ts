// Requests whose replies, or whose scripts' strings, are near V8's longest string (2^29-24
// chars) or are built from hundreds of millions of pieces. Each test took the server down
// before (its comment says how); now the reply is sent whole, or the script gets Lua's
// "not enough memory", and the server stays up. The executor runs on its own thread, as
// `redlua server` runs it, with a server per test.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { constants } from "node:buffer";
import net from "node:net";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { encodeRequest } from "../../server/worker/wire.js";
import { RespClient } from "../support/resp-client.js";

configureLog({ silent: true });

const MAX = constants.MAX_STRING_LENGTH;
const KEEP = 64;

/** A reply read without keeping it: its length and its first and last KEEP bytes. */
interface Summary {
  length: number;
  head: string;
  tail: string;
}

/** The replies of one connection, each summed up as it streams in. */
class Replies {
  private readonly done: Summary[] = [];
  private readonly waiting: ((s: Summary) => void)[] = [];
  private closed = false;
  private length = 0;
  private head: number[] = [];
  private tail = Buffer.alloc(0);
  /** the first bytes of the line being read */
  private line: number[] = [];
  /** bytes of a bulk body (and its CRLF) still to come; -1 while reading a line */
  private body = -1;
  /** items still to come in each open aggregate */
  private readonly open: number[] = [];
  private last = 0;

  constructor(readonly socket: net.Socket) {
    socket.on("data", (d: Buffer) => this.feed(d));
    socket.on("close", () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w({ length: -1, head: "<closed>", tail: "" });
    });
    socket.on("error", () => {});
  }

  static connect(port: number): Promise<Replies> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("error", reject);
      s.once("connect", () => resolve(new Replies(s)));
    });
  }

  send(argv: string[]): void {
    this.socket.write(encodeRequest(argv));
  }

  /** The next reply; rejects after `ms`, or if the connection closes first. */
  next(ms: number): Promise<Summary> {
    const ready = this.done.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.closed) return Promise.reject(new Error("connection closed"));
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no reply within ${ms} ms`)), ms);
      this.waiting.push((s) => {
        clearTimeout(t);
        if (s.length < 0) reject(new Error("connection closed before the reply"));
        else resolve(s);
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private take(d: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.length += to - from;
    for (let i = from; i < to && this.head.length < KEEP; i++) this.head.push(d[i]);
    this.tail = Buffer.concat([this.tail, d.subarray(Math.max(from, to - KEEP), to)]);
    this.tail = this.tail.subarray(Math.max(0, this.tail.length - KEEP));
    this.last = d[to - 1];
  }

  private feed(d: Buffer): void {
    let i = 0;
    while (i < d.length) {
      if (this.body >= 0) {
        const n = Math.min(this.body, d.length - i);
        this.take(d, i, i + n);
        this.body -= n;
        i += n;
        if (this.body === 0) this.item();
        continue;
      }
      const lf = d.indexOf(10, i);
      const end = lf < 0 ? d.length : lf + 1;
      const crBefore = lf > i ? d[lf - 1] === 13 : this.last === 13;
      for (let k = i; k < end && this.line.length < 32; k++) this.line.push(d[k]);
      this.take(d, i, end);
      i = end;
      if (lf < 0 || !crBefore) continue;
      const line = Buffer.from(this.line).toString("latin1");
      this.line = [];
      const n = Number(line.slice(1, line.indexOf("\r")));
      switch (line[0]) {
        case "$":
        case "=":
          this.body = n < 0 ? 0 : n + 2;
          if (this.body === 0) this.item();
          break;
        case "*":
        case "~":
        case ">":
        case "%":
        case "|":
          if (n > 0) this.open.push(line[0] === "%" || line[0] === "|" ? 2 * n : n);
          else this.item();
          break;
        default:
          this.item();
      }
    }
  }

  /** An item ended: the reply too, unless it is inside an aggregate with more to come. */
  private item(): void {
    this.body = -1;
    const open = this.open;
    while (open.length > 0) {
      if (--open[open.length - 1] > 0) return;
      open.pop();
    }
    const s = {
      length: this.length,
      head: Buffer.from(this.head).toString("latin1"),
      tail: this.tail.toString("latin1"),
    };
    this.length = 0;
    this.head = [];
    this.tail = Buffer.alloc(0);
    const w = this.waiting.shift();
    if (w !== undefined) w(s);
    else this.done.push(s);
  }
}

/** Checks a summary against `start`, then `fill` up to `length` bytes in all, then `end`. */
function expectReply(s: Summary, start: string, fill: string, length: number, end: string): void {
  assert.equal(s.length, length, `length of ${JSON.stringify(s.head)}…`);
  assert.equal(s.head, (start + fill.repeat(KEEP)).slice(0, KEEP));
  assert.equal(s.tail, (fill.repeat(KEEP) + end).slice(-KEEP));
}

/**
 * A test with a server of its own (the executor on its own thread, as `redlua server` runs it),
 * stopped after it: the strings one test leaves for the collector are gone with the thread.
 */
function serverTest(name: string, fn: (port: number) => Promise<void>, scriptHeapMb?: number): void {
  test(name, { timeout: 60_000 }, async () => {
    const srv = await startServer({
      executor: "thread",
      scriptHeapMb,
      config: { save: "", appendonly: "no" },
    });
    try {
      await fn(srv.port);
      // and the server is still up
      const c = await RespClient.connect(srv.port);
      assert.equal(await c.call("PING"), "+PONG\r\n");
      c.close();
    } finally {
      await srv.close();
    }
  });
}

/** The reply to EVAL of `body` with ARGV `args`, within `ms`. */
async function evalReply(
  port: number,
  body: string,
  args: string[],
  ms: number,
  resp3 = false,
): Promise<Summary> {
  const c = await Replies.connect(port);
  try {
    if (resp3) {
      c.send(["HELLO", "3"]);
      await c.next(5000);
    }
    c.send(["EVAL", body, "0", ...args]);
    return await c.next(ms);
  } finally {
    c.close();
  }
}

/** A script's small reply, as bytes (latin1). */
async function evalSmall(port: number, body: string): Promise<string> {
  const c = await RespClient.connect(port);
  try {
    return (await c.command(["EVAL", body, "0"], 50_000)).toString("latin1");
  } finally {
    c.close();
  }
}

describe("replies near V8's longest string", () => {
  serverTest("a script's status reply of V8's longest string is sent whole", async (port) => {
    // the encoder threw "Invalid string length" adding "+" and CRLF, on the executor thread
    const r = await evalReply(
      port,
      "return redis.status_reply(string.rep('x', ARGV[1]))",
      [`${MAX}`],
      50_000,
    );
    expectReply(r, "+", "x", MAX + 3, "\r\n");
  });

  serverTest("a script's error reply of V8's longest string is sent whole", async (port) => {
    // as the status; and the error's "code" (the whole text) made INFO past a string's length
    const r = await evalReply(port, "return {err = string.rep('E', ARGV[1])}", [`${MAX}`], 50_000);
    expectReply(r, "-", "E", MAX + 3, "\r\n");
    // no space within its first 32 bytes: counted as ERR
    const c = await RespClient.connect(port);
    assert.match(await c.call("INFO", "errorstats"), /\r\nerrorstat_ERR:count=1\r\n/);
    c.close();
  });

  serverTest("RESP3 big number and verbatim replies of V8's longest string are sent whole", async (port) => {
    // as the status
    const body = "redis.setresp(3) return {big_number = string.rep('1', ARGV[1])}";
    expectReply(await evalReply(port, body, [`${MAX}`], 50_000, true), "(", "1", MAX + 3, "\r\n");
    const verbatim =
      "redis.setresp(3) return {verbatim_string = {format = 'txt', string = string.rep('v', ARGV[1])}}";
    const header = `=${MAX + 4}\r\ntxt:`;
    const r = await evalReply(port, verbatim, [`${MAX}`], 50_000, true);
    expectReply(r, header, "v", header.length + MAX + 2, "\r\n");
  });

  serverTest("a script's status of 2^28 newlines is sent as spaces", async (port) => {
    // the regex that blanked them kept an entry per newline: the executor ran out of heap
    const r = await evalReply(port, "return {ok = string.rep('\\n', 2^28)}", [], 50_000);
    expectReply(r, "+", " ", 2 ** 28 + 3, "\r\n");
  });

  serverTest("MONITOR's line for a SET of 135 MB of \\x01 is sent whole", async (port) => {
    // catRepr appended the line char by char: a cons node each, and the executor ran out of heap
    const m = await Replies.connect(port);
    m.send(["MONITOR"]);
    assert.equal((await m.next(5000)).head, "+OK\r\n");
    const n = 135_000_000;
    const c = await RespClient.connect(port);
    assert.equal((await c.command(["SET", "k", Buffer.alloc(n, 1)], 50_000)).toString(), "+OK\r\n");
    c.close();
    // +<sec>.<usec> [0 127.0.0.1:<port>] "SET" "k" "\x01\x01…\x01"
    const line = await m.next(50_000);
    m.close();
    const start = /^\+\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "SET" "k" "/.exec(line.head);
    assert.ok(start !== null, line.head);
    expectReply(line, start[0], "\\x01", start[0].length + 4 * n + 3, '"\r\n');
  });

  serverTest("CLIENT LIST of three clients named 180 MB each is sent whole", async (port) => {
    // its text was past V8's longest string: "ERR Invalid string length" (Redis sends it)
    const n = 180_000_000;
    const named = await Promise.all([0, 1, 2].map(() => RespClient.connect(port)));
    for (const [i, c] of named.entries()) {
      const r = await c.command(["CLIENT", "SETNAME", Buffer.alloc(n, 97 + i)], 50_000);
      assert.equal(r.toString(), "+OK\r\n");
    }
    const c = await Replies.connect(port);
    c.send(["CLIENT", "LIST"]);
    const r = await c.next(50_000);
    c.close();
    for (const x of named) x.close();
    const header = /^\$(\d+)\r\n/.exec(r.head);
    assert.ok(header !== null, r.head);
    const length = Number(header[1]);
    // the three names, and four lines of a few hundred bytes besides
    assert.ok(length > MAX && length - 3 * n < 4000, `${length}`);
    assert.equal(r.length, header[0].length + length + 2);
    assert.match(r.tail, / resp=2\n\r\n$/);
  });

  serverTest("redis.error_reply of a million newlines between two words", async (port) => {
    // the regex that trimmed CR/LF at the end retried from each of them: quadratic (~15 minutes)
    const r = await evalReply(
      port,
      "return redis.error_reply('x' .. string.rep('\\n', 1e6) .. 'x')",
      [],
      50_000,
    );
    expectReply(r, "-ERR x", " ", 1e6 + 9, "x\r\n");
  });
});

describe("script strings built from very many pieces", () => {
  serverTest("string.lower of 64 MB with a capital every other byte", async (port) => {
    // the regex replace's match array went past V8's largest array: a fatal error
    assert.equal(await evalSmall(port, "return #string.lower(string.rep('A\\233', 2^25))"), ":67108864\r\n");
  });

  serverTest("gsub of a literal with 2^27 matches", async (port) => {
    // the split into 2^27+1 parts went past V8's largest array: a fatal error
    const body = "return #string.gsub(string.rep('x', 2^27), 'x', 'yy')";
    assert.equal(await evalSmall(port, body), ":268435456\r\n");
  });

  serverTest("%q of 2^28 newlines", async (port) => {
    // escapes appended one by one, a cons node each: the executor ran out of heap
    const body = "return #string.format('%q', string.rep('\\n', 2^28 - 100))";
    assert.equal(await evalSmall(port, body), `:${2 * (2 ** 28 - 100) + 2}\r\n`);
  });

  serverTest("struct.pack of 2^28 x's", async (port) => {
    // a NUL appended for each x, a cons node each: the executor ran out of heap
    assert.equal(await evalSmall(port, "return #struct.pack(string.rep('x', 2^28))"), ":268435456\r\n");
  });

  serverTest("string.format of a format of V8's longest string, all %%", async (port) => {
    // a '%' appended for each "%%", a cons node each: the executor ran out of heap
    const pairs = Math.floor(MAX / 2);
    assert.equal(await evalSmall(port, `return #string.format(string.rep('%%', ${pairs}))`), `:${pairs}\r\n`);
  });

  serverTest(
    "gsub with 8e7 matches replaced from a table, under a 128 MB cap, ends in Lua's memory error",
    async (port) => {
      // 80 MB of result; appended match by match, it held 2.5 GB of cons nodes and the executor
      // ran out of heap
      const r = await evalSmall(port, "return #string.gsub(string.rep('x', 8e7), 'x', {x = 'y'})");
      assert.match(r, /^(:80000000|-ERR Error running script [0-9a-f]{40}, not enough memory)\r\n$/);
    },
    128,
  );
});
