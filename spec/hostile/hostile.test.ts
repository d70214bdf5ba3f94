// The hostile corpus against redlua over real sockets: scripts reaching for Node or JS internals,
// tampering with shared tables, asking for gigantic strings or deep nesting. Each must end in a Lua
// error or a harmless value, the server must answer PING after each, and nothing outside the script
// may change (JS globals and prototypes are compared before and after). Replies are compared with
// what redis-server 7.0 answered (spec/hostile/*.json, recorded by spec/hostile/record.ts); the
// few cases Redis can't take (they crash 7.0.15 or need gigabytes) are checked here against
// redlua's own answer.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { RespClient } from "../support/resp-client.js";
import { normalize, recorded, runTranscript, loadTranscript, type Step } from "../server/transcript.js";
import { knownDifferences } from "../lua/known-differences.js";
import { sha1hex } from "../../server/scripting/lua-env.js";
import { HOSTILE, hostileNames } from "./record.js";

configureLog({ silent: true });

const known = knownDifferences("hostile/");

/** Names on the JS objects a script could try to reach, to check that none changed. */
function jsSurface(): string {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort().join(",");
  return [
    globalThis,
    Object.prototype,
    Array.prototype,
    String.prototype,
    Function.prototype,
    Number.prototype,
    Boolean.prototype,
    Map.prototype,
    Error.prototype,
  ]
    .map(names)
    .join("\n");
}

const PING: Step = { line: 0, text: "PING", kind: "cmd", args: ["PING"] };

for (const name of hostileNames()) {
  test(`hostile ${name} (RESP2, RESP3): recorded replies, PING after each`, async () => {
    const expectedFile = path.join(HOSTILE, `${name}.json`);
    assert.ok(fs.existsSync(expectedFile), `${name}.json not recorded: run node dist/spec/hostile/record.js`);
    const recording: Record<string, string[]> = JSON.parse(fs.readFileSync(expectedFile, "latin1"));
    const steps = loadTranscript(path.join(HOSTILE, `${name}.txt`));
    const rec = steps.filter(recorded);
    // every step followed by a PING on the same connection
    const withPings = steps.flatMap((s) => (recorded(s) ? [s, PING] : [s]));
    const before = jsSurface();
    const failures: string[] = [];
    const knownSeen = new Map<string, boolean>();
    for (const proto of [2, 3] as const) {
      const expected = recording[`resp${proto}`];
      assert.equal(expected?.length, rec.length, `${name}.json is stale: re-record it`);
      const srv = await startServer({ config: { save: "", appendonly: "no" } });
      let replies: string[];
      try {
        replies = await runTranscript(srv.port, withPings, proto);
      } finally {
        await srv.close();
      }
      rec.forEach((s, i) => {
        const got = normalize(s, replies[2 * i]);
        const pong = replies[2 * i + 1];
        if (pong !== "+PONG\r\n") failures.push(`RESP${proto} line ${s.line}: no PONG after it (${pong})`);
        const id = `hostile/${name}.txt#${s.line}`;
        if (known.has(id)) {
          knownSeen.set(id, (knownSeen.get(id) ?? true) && got === expected[i]);
          return;
        }
        if (got === expected[i]) return;
        const show = (x: string) => JSON.stringify(x.length > 300 ? x.slice(0, 300) + "…" : x);
        failures.push(
          `RESP${proto} line ${s.line}: ${s.text}\n  want ${show(expected[i])}\n  got  ${show(got)}`,
        );
      });
    }
    for (const [id, matched] of knownSeen) {
      if (matched) failures.push(`${id} now matches: remove it from spec/known-differences.json`);
    }
    assert.equal(jsSurface(), before, "a script changed a JS global or prototype");
    assert.equal(failures.length, 0, failures.join("\n"));
  });
}

/**
 * Cases Redis can't answer to record: error() with a table lacking a string `err` crashes
 * redis-server 7.0.15, and strings past V8's limit would need gigabytes from Redis (and minutes
 * of its CPU). redlua answers them as Lua errors: LUA_ERRMEM's text for memory, and the error
 * reply luaCallFunction gives a failure it can't describe.
 */
const UNRECORDED: [script: string, reply: (sha: string) => string][] = [
  ["error({})", (sha) => `-ERR Error running script ${sha}, execution failure\r\n`],
  ["error({'x'})", (sha) => `-ERR Error running script ${sha}, execution failure\r\n`],
  ["error({ok = 'not an error'})", (sha) => `-ERR Error running script ${sha}, execution failure\r\n`],
  ["error({err = {}})", (sha) => `-ERR Error running script ${sha}, execution failure\r\n`],
  [
    "error(setmetatable({}, {__tostring = function() return 'x' end}))",
    (sha) => `-ERR Error running script ${sha}, execution failure\r\n`,
  ],
  ["return {pcall(error, {})}", () => "*2\r\n$-1\r\n*0\r\n"],
  ["return #string.rep('x', 2^29)", (sha) => `-ERR Error running script ${sha}, not enough memory\r\n`],
  ["return #string.rep('x', 2^31 - 1)", (sha) => `-ERR Error running script ${sha}, not enough memory\r\n`],
  ["return #string.rep('ab', 2^28)", (sha) => `-ERR Error running script ${sha}, not enough memory\r\n`],
  [
    "local s = 'x' for i = 1, 40 do s = s .. s end return #s",
    (sha) => `-ERR Error running script ${sha}, not enough memory\r\n`,
  ],
  [
    "local s = string.rep('x', 2^20) local t = {} for i = 1, 1024 do t[i] = s end return #table.concat(t)",
    (sha) => `-ERR Error running script ${sha}, not enough memory\r\n`,
  ],
  [
    "return #string.format('%s%s', string.rep('x', 2^28), string.rep('x', 2^28))",
    (sha) => `-ERR Error running script ${sha}, not enough memory\r\n`,
  ],
  [
    "local ok, e = pcall(string.rep, 'x', 2^30) return {tostring(ok), e}",
    () => "*2\r\n$5\r\nfalse\r\n$17\r\nnot enough memory\r\n",
  ],
  [
    "local ok, e = pcall(function() local s = 'x' for i = 1, 40 do s = s .. s end end) return {tostring(ok), e}",
    () => "*2\r\n$5\r\nfalse\r\n$17\r\nnot enough memory\r\n",
  ],
];

test("hostile: cases redis-server can't take get a Lua error from redlua, and it stays up", async () => {
  const before = jsSurface();
  const srv = await startServer({ config: { save: "", appendonly: "no" } });
  const c = await RespClient.connect(srv.port);
  try {
    for (const [script, want] of UNRECORDED) {
      const got = (await c.command(["EVAL", script, "0"], 10000)).toString("latin1");
      assert.equal(got, want(sha1hex(script)), script);
      assert.equal((await c.command(["PING"])).toString("latin1"), "+PONG\r\n", `PING after ${script}`);
    }
    // the keyspace saw nothing
    assert.equal((await c.command(["DBSIZE"])).toString("latin1"), ":0\r\n");
  } finally {
    c.close();
    await srv.close();
  }
  assert.equal(jsSurface(), before, "a script changed a JS global or prototype");
});
