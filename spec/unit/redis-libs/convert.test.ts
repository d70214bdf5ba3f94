// server/scripting/convert.ts: replyToLua against what redis.call returned in redis-server 7.0 for
// real command replies (reply-to-lua.json, recorded by record.ts), in both script protocols; and
// round trips replyToLua -> luaToReply for the reply types no 7.0 command produces in a script.
// luaToReply itself is checked against recorded replies by spec/redis-libs/convert.lua.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { LuaTable } from "../../../runtime/table.js";
import type { LuaValue } from "../../../runtime/value.js";
import { luaToReply, replyToLua } from "../../../server/scripting/convert.js";
import {
  BigNumberReply,
  BoolReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  PushReply,
  SetReply,
  StatusReply,
  VerbatimReply,
  encodeReply,
  formatDouble,
  type Reply,
} from "../../../server/reply.js";
import { REPLY_VECTORS } from "./reply-vectors.js";
import { RECORDING, type ReplyRecording } from "./record.js";

const TYPE_ORDER: Record<string, string> = { boolean: "boolean", number: "number", string: "string" };

function luaType(v: LuaValue): string {
  if (v instanceof LuaTable) return "table";
  return TYPE_ORDER[typeof v] ?? typeof v;
}

/** The recorder's show(), in TypeScript: keys sorted by type then value, numbers as %.17g. */
function show(v: LuaValue): string {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "number") return formatDouble(v);
  if (v === undefined) return "nil";
  if (typeof v === "boolean") return String(v);
  if (!(v instanceof LuaTable)) return luaType(v);
  const keys: LuaValue[] = [];
  for (let p = v.nextPosition(-1); p >= 0; p = v.nextPosition(p)) keys.push(v.keyAt(p));
  keys.sort((a, b) => {
    const ta = luaType(a);
    const tb = luaType(b);
    if (ta !== tb) return ta < tb ? -1 : 1;
    return (a as number | string) < (b as number | string) ? -1 : 1;
  });
  return "{" + keys.map((k) => `${show(k)}=${show(v.get(k))}`).join(",") + "}";
}

const recording = JSON.parse(fs.readFileSync(RECORDING, "utf8")) as ReplyRecording;

for (const v of REPLY_VECTORS) {
  test(`replyToLua: ${v.id} (${v.call})`, () => {
    const want = recording.results[v.id];
    assert.ok(want !== undefined, `no recording for ${v.id}: run node dist/spec/unit/redis-libs/record.js`);
    assert.equal(show(replyToLua(v.reply, 2)), want.resp2, "redis.setresp(2)");
    assert.equal(show(replyToLua(v.reply, 3)), want.resp3, "redis.setresp(3)");
  });
}

test("replyToLua: every recorded vector is still defined", () => {
  const ids = new Set(REPLY_VECTORS.map((v) => v.id));
  assert.deepEqual(
    Object.keys(recording.results).filter((id) => !ids.has(id)),
    [],
  );
});

/** A script returning what redis.call gave it sends the client the same bytes (RESP3 script). */
function roundTrips(r: Reply): void {
  for (const client of [2, 3] as const) {
    assert.deepEqual(
      encodeReply(luaToReply(replyToLua(r, 3), 3), client).toString("latin1"),
      encodeReply(r, client).toString("latin1"),
      `client protocol ${client}`,
    );
  }
}

test("round trip through a RESP3 script: the reply types of RESP3", () => {
  roundTrips(new BoolReply(true));
  roundTrips(new BoolReply(false));
  roundTrips(new BigNumberReply("1234567890123456789012345678901234567890"));
  roundTrips(new VerbatimReply("mkd", "# title\r\nbody"));
  roundTrips(new DoubleReply(-0.5));
  roundTrips(new DoubleReply(1e300));
  roundTrips(new MapReply(["a", new MapReply(["b", new SetReply(["c"])])]));
  roundTrips(new SetReply([1, "1"]));
  roundTrips(new StatusReply("QUEUED"));
  roundTrips(new ErrorReply("NOSCRIPT No matching script. Please use EVAL."));
  roundTrips([1, ["2", [new DoubleReply(3.25), new BoolReply(false)]], "x"]);
});

test("round trip through a RESP2 script: what survives the RESP2 conversion", () => {
  // booleans reach a RESP2 script as integers and come back as integers
  assert.equal(luaToReply(replyToLua(new BoolReply(true), 2), 2), 1);
  assert.equal(luaToReply(replyToLua(new BoolReply(false), 2), 2), 0);
  // a nil bulk reaches a RESP2 script as false and goes back as a nil bulk
  assert.equal(luaToReply(replyToLua(null, 2), 2), null);
  // doubles, big numbers and verbatim strings reach a RESP2 script as bulk strings
  assert.equal(luaToReply(replyToLua(new DoubleReply(2.5), 2), 2), "2.5");
  assert.equal(luaToReply(replyToLua(new BigNumberReply("123"), 2), 2), "123");
  assert.equal(luaToReply(replyToLua(new VerbatimReply("txt", "v"), 2), 2), "v");
  // push and map replies become flat arrays
  assert.deepEqual(luaToReply(replyToLua(new PushReply(["a", 1]), 2), 2), ["a", 1]);
  assert.deepEqual(luaToReply(replyToLua(new MapReply(["k", "v"]), 2), 2), ["k", "v"]);
});

test("replyToLua: an error without a code gets ERR; CR/LF around the message are trimmed", () => {
  const t = replyToLua(new ErrorReply("oops"), 2) as LuaTable;
  assert.equal(t.getStr("err"), "ERR oops");
  const u = replyToLua(new ErrorReply("CODE \r\nmsg\r\n"), 2) as LuaTable;
  assert.equal(u.getStr("err"), "CODE msg");
});

test("luaToReply: the stack limit counts from the given base", () => {
  let t = new LuaTable();
  const root = t;
  for (let i = 0; i < 7996; i++) {
    const n = new LuaTable();
    t.setNum(1, n);
    t = n;
  }
  /** depth of nested one-element arrays before the first non-array */
  const depth = (r: Reply): [number, Reply] => {
    let d = 0;
    while (Array.isArray(r) && r.length === 1) {
      r = r[0];
      d++;
    }
    return [d, r];
  };
  // EVAL's base (2 slots): the table at depth 7995 is past the limit
  const [d2, leaf2] = depth(luaToReply(root, 2));
  assert.equal(d2, 7995);
  assert.deepEqual(leaf2, new ErrorReply("ERR reached lua stack limit"));
  const [d5, leaf5] = depth(luaToReply(root, 2, 5));
  assert.equal(d5, 7992);
  assert.deepEqual(leaf5, new ErrorReply("ERR reached lua stack limit"));
});
