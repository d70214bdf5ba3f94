// Real clients' scripting flows, run the same way against redis-server (recorded into
// spec/scripting/clients.json by record.ts) and against redlua (clients.test.ts): ioredis
// defineCommand (EVAL on a connection's first use, EVALSHA after, EVAL again on NOSCRIPT; SCRIPT
// EXISTS / LOAD before pipelines and MULTI), node-redis defineScript (EVALSHA / EVALSHA_RO first,
// EVAL on NOSCRIPT; EVAL then EVALSHA inside MULTI) in RESP2 and RESP3, and redis-cli --eval.
// A proxy between client and server logs the scripting commands each client sends, so the
// recorded flow is checked as well as the values the client hands back.

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { createClient, defineScript } from "redis";

/** What one step gave (as JSON): its value, or the error the client raised. */
export type Outcome = unknown;

export interface ScenarioResult {
  outcomes: Outcome[];
  /** scripting commands as the server received them: "EVAL", "EVALSHA", "SCRIPT LOAD", … */
  commands: string[];
}

const LOGGED = new Set(["EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "SCRIPT", "MULTI", "EXEC"]);

/** Reads whole RESP arrays of bulk strings (what clients send) from a byte stream. */
class CommandReader {
  private buf: Buffer = Buffer.alloc(0);

  push(d: Buffer, each: (argv: string[]) => void): void {
    this.buf = this.buf.length === 0 ? d : Buffer.concat([this.buf, d]);
    for (;;) {
      const parsed = this.one();
      if (parsed === undefined) return;
      each(parsed);
    }
  }

  private one(): string[] | undefined {
    const b = this.buf;
    if (b.length === 0 || b[0] !== 0x2a /* * */) return undefined;
    let p = b.indexOf("\r\n");
    if (p < 0) return undefined;
    const n = Number(b.toString("latin1", 1, p));
    p += 2;
    const argv: string[] = [];
    for (let i = 0; i < n; i++) {
      const le = b.indexOf("\r\n", p);
      if (le < 0) return undefined;
      const len = Number(b.toString("latin1", p + 1, le));
      if (b.length < le + 2 + len + 2) return undefined;
      argv.push(b.toString("latin1", le + 2, le + 2 + len));
      p = le + 2 + len + 2;
    }
    this.buf = b.subarray(p);
    return argv;
  }
}

/** Runs `f` against a logging proxy in front of the server on `port`. */
async function throughProxy(
  port: number,
  f: (proxyPort: number) => Promise<Outcome[]>,
): Promise<ScenarioResult> {
  const commands: string[] = [];
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(port, "127.0.0.1");
    sockets.add(client).add(upstream);
    const reader = new CommandReader();
    client.on("data", (d: Buffer) => {
      reader.push(d, (argv) => {
        const name = argv[0].toUpperCase();
        if (LOGGED.has(name)) commands.push(name === "SCRIPT" ? `SCRIPT ${argv[1].toUpperCase()}` : name);
      });
      upstream.write(d);
    });
    upstream.on("data", (d) => client.write(d));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("error", () => {});
    upstream.on("error", () => {});
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const addr = proxy.address();
  const proxyPort = typeof addr === "object" && addr !== null ? addr.port : 0;
  try {
    const outcomes = await f(proxyPort);
    return { outcomes, commands };
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
}

/** JSON for what a client handed back (Buffers as hex, Maps and Sets spelled out, bigints as text). */
function plain(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return { hex: v.toString("hex") };
  if (typeof v === "bigint") return { bigint: v.toString() };
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return { map: [...v.entries()].map(([k, x]) => [plain(k), plain(x)]) };
  if (v instanceof Set) return { set: [...v].map(plain) };
  if (v instanceof Error) return { error: v.message };
  if (v !== null && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = plain(x);
    return o;
  }
  return v;
}

function stepper(out: Outcome[]) {
  return async (f: () => Promise<unknown>): Promise<void> => {
    try {
      out.push(plain(await f()));
    } catch (e) {
      out.push({ error: (e as Error).message });
    }
  };
}

function sha1(s: string): string {
  return createHash("sha1").update(s).digest("hex");
}

const ECHO = "return {KEYS[1], KEYS[2], ARGV[1], ARGV[2]}";
const TYPES = "return {1, 'two', {3, {ok = 'four'}}, 5.5, false, 'after false'}";

interface IoScripts {
  echo2(...args: (string | Buffer)[]): Promise<unknown>;
  echo2Buffer(...args: (string | Buffer)[]): Promise<unknown>;
  incrTwice(key: string): Promise<unknown>;
  fails(): Promise<unknown>;
  raises(): Promise<unknown>;
  dyn(...args: (string | number)[]): Promise<unknown>;
  types(): Promise<unknown>;
  roGet(key: string): Promise<unknown>;
}

/** ioredis defineCommand: the EVAL / EVALSHA / NOSCRIPT dance, pipelines and MULTI. */
export function ioredisScenario(port: number): Promise<ScenarioResult> {
  return throughProxy(port, async (proxyPort) => {
    const r = new Redis({ port: proxyPort, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 2 });
    r.on("error", () => {});
    r.defineCommand("echo2", { numberOfKeys: 2, lua: ECHO });
    r.defineCommand("incrTwice", {
      numberOfKeys: 1,
      lua: "redis.call('incr', KEYS[1]) return redis.call('incr', KEYS[1])",
    });
    r.defineCommand("fails", { numberOfKeys: 0, lua: "return redis.error_reply('MYERR boom')" });
    r.defineCommand("raises", { numberOfKeys: 0, lua: "local x = 1\nerror('raised here')" });
    r.defineCommand("dyn", { lua: "return {#KEYS, #ARGV}" });
    r.defineCommand("types", { numberOfKeys: 0, lua: TYPES });
    r.defineCommand("roGet", { numberOfKeys: 1, readOnly: true, lua: "return redis.call('get', KEYS[1])" });
    const s = r as unknown as Redis & IoScripts;
    const out: Outcome[] = [];
    const step = stepper(out);
    try {
      await r.connect();
      await step(() => r.script("FLUSH"));
      await step(() => s.echo2("k1", "k2", "a1", "a2")); // EVAL
      await step(() => s.echo2("k1", "k2", "a1", "a2")); // EVALSHA
      await step(() => r.script("FLUSH"));
      await step(() => s.echo2("k1", "k2", "b1", "b2")); // EVALSHA -> NOSCRIPT -> EVAL
      await step(() => s.echo2("k1", "k2", "c1", "c2")); // EVALSHA
      await step(() => s.echo2Buffer("k1", "k2", Buffer.from([0, 255, 13, 10]), "x"));
      await step(() => s.incrTwice("io:cnt"));
      await step(() => s.incrTwice("io:cnt"));
      await step(() => s.fails());
      await step(() => s.raises());
      await step(() => s.dyn(1, "k", "a", "b"));
      await step(() => s.dyn(0));
      await step(() => s.dyn(3, "k"));
      await step(() => s.types());
      await step(() => r.set("io:ro", "value"));
      await step(() => s.roGet("io:ro"));
      // many calls at once: the first is sent as EVAL, the rest as EVALSHA behind it
      await step(() => Promise.all(Array.from({ length: 10 }, (_, i) => s.dyn(1, `k${i}`, "x"))));
      // pipelines check SCRIPT EXISTS first and SCRIPT LOAD what is missing
      await step(() => r.script("FLUSH"));
      await step(() => {
        const p = r.pipeline() as unknown as Record<string, (...a: string[]) => unknown> & {
          exec(): Promise<unknown>;
        };
        p.echo2("k1", "k2", "q1", "q2");
        p.set("io:p", "1");
        p.incrTwice("io:p");
        p.fails();
        return p.exec();
      });
      await step(() => r.script("FLUSH"));
      await step(() => {
        const m = r.multi() as unknown as Record<string, (...a: string[]) => unknown> & {
          exec(): Promise<unknown>;
        };
        m.echo2("k1", "k2", "m1", "m2");
        m.incrTwice("io:m");
        m.types();
        return m.exec();
      });
      await step(() => r.script("EXISTS", sha1(ECHO), sha1(TYPES), sha1("return 'never loaded'")));
    } finally {
      r.disconnect();
    }
    return out;
  });
}

/** node-redis defineScript in RESP2 or RESP3: EVALSHA(_RO) first, EVAL on NOSCRIPT, MULTI. */
export function nodeRedisScenario(port: number, resp: 2 | 3): Promise<ScenarioResult> {
  return throughProxy(port, async (proxyPort) => {
    const scripts = {
      echo2: defineScript({
        SCRIPT: ECHO,
        NUMBER_OF_KEYS: 2,
        parseCommand(parser, k1: string, k2: string, a1: string, a2: string) {
          parser.pushKey(k1);
          parser.pushKey(k2);
          parser.push(a1, a2);
        },
        transformReply: undefined as unknown as () => unknown,
      }),
      getRo: defineScript({
        SCRIPT: "return redis.call('get', KEYS[1])",
        NUMBER_OF_KEYS: 1,
        IS_READ_ONLY: true,
        parseCommand(parser, key: string) {
          parser.pushKey(key);
        },
        transformReply: undefined as unknown as () => unknown,
      }),
      writeRo: defineScript({
        SCRIPT: "return redis.call('set', KEYS[1], 'x')",
        NUMBER_OF_KEYS: 1,
        IS_READ_ONLY: true,
        parseCommand(parser, key: string) {
          parser.pushKey(key);
        },
        transformReply: undefined as unknown as () => unknown,
      }),
      types: defineScript({
        SCRIPT: TYPES,
        NUMBER_OF_KEYS: 0,
        parseCommand(parser: { push(...a: string[]): void }) {
          void parser;
        },
        transformReply: undefined as unknown as () => unknown,
      }),
      resp3: defineScript({
        SCRIPT:
          "redis.setresp(3) return {{map = {a = 1}}, {set = {x = true}}, {double = 2.5}, redis.call('get', 'no:such:key'), true, {big_number = '123456789012345678901234567890'}}",
        NUMBER_OF_KEYS: 0,
        parseCommand(parser: { push(...a: string[]): void }) {
          void parser;
        },
        transformReply: undefined as unknown as () => unknown,
      }),
      fails: defineScript({
        SCRIPT: "error({err = 'NRERR custom'})",
        NUMBER_OF_KEYS: 0,
        parseCommand(parser: { push(...a: string[]): void }) {
          void parser;
        },
        transformReply: undefined as unknown as () => unknown,
      }),
    };
    const client = createClient({ socket: { port: proxyPort, host: "127.0.0.1" }, RESP: resp, scripts });
    client.on("error", () => {});
    const out: Outcome[] = [];
    const step = stepper(out);
    await client.connect();
    try {
      await step(() => client.scriptFlush());
      await step(() => client.echo2("k1", "k2", "a1", "a2")); // EVALSHA -> NOSCRIPT -> EVAL
      await step(() => client.echo2("k1", "k2", "b1", "b2")); // EVALSHA
      await step(() => client.set("nr:k", "v"));
      await step(() => client.getRo("nr:k")); // EVALSHA_RO -> NOSCRIPT -> EVAL
      await step(() => client.getRo("nr:k")); // EVALSHA_RO
      await step(() => client.writeRo("nr:k"));
      await step(() => client.types());
      await step(() => client.resp3());
      await step(() => client.fails());
      await step(() => client.scriptExists([scripts.echo2.SHA1, scripts.fails.SHA1]));
      await step(() => client.scriptLoad(scripts.fails.SCRIPT));
      await step(() => client.scriptExists(scripts.fails.SHA1));
      await step(() => client.scriptFlush("SYNC"));
      await step(() => client.multi().echo2("k1", "k2", "m1", "m2").echo2("k1", "k2", "n1", "n2").exec());
      await step(() => client.multi().types().getRo("nr:k").exec());
    } finally {
      await client.quit();
    }
    return out;
  });
}

/** Runs a command without blocking the event loop (the server may be in this process). */
function run(
  cmd: string,
  args: string[],
): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("latin1")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("latin1")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 10000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status });
    });
  });
}

/** redis-cli --eval FILE keys , args (undefined when redis-cli isn't installed). */
export async function redisCliScenario(port: number): Promise<ScenarioResult | undefined> {
  const probe = spawnSync("redis-cli", ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlua-cli-eval-"));
  const out: Outcome[] = [];
  try {
    const files: Record<string, string> = {
      "echo.lua": ECHO,
      "types.lua": TYPES,
      "error.lua": "local a = 1\nlocal b = nil\nreturn a + b\n",
      "status.lua": "redis.call('set', KEYS[1], ARGV[1])\nreturn redis.status_reply('DONE')\n",
      "get.lua": "return redis.call('get', KEYS[1])",
    };
    for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
    const runs: string[][] = [
      ["echo.lua", "k1", "k2", ",", "a1", "a2"],
      ["echo.lua", "k1", ",", "a1"],
      ["echo.lua", "k1", "k2"],
      ["echo.lua"],
      ["types.lua"],
      ["error.lua"],
      ["status.lua", "cli:k", ",", "cli value"],
      ["get.lua", "cli:k"],
      ["get.lua", "cli:nokey"],
    ];
    for (const [file, ...args] of runs) {
      const r = await run("redis-cli", ["-p", String(port), "--eval", path.join(dir, file), ...args]);
      out.push({ args: [file, ...args], stdout: r.stdout, stderr: r.stderr, status: r.status });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { outcomes: out, commands: [] };
}
