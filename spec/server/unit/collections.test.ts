// Structural checks of the hash/list/set/zset replies a transcript can't pin down: the random
// commands (SPOP, SRANDMEMBER, HRANDFIELD, ZRANDMEMBER: sizes, uniqueness, membership, RESP3
// nesting) on both encodings, and HSCAN/SSCAN/ZSCAN cursors over hashtable-encoded values.

import { test } from "node:test";
import assert from "node:assert/strict";
import { Executor } from "../../../server/executor.js";
import { DoubleReply, ErrorReply, NIL_ARRAY, SetReply, type Reply } from "../../../server/reply.js";
import type { ClientState } from "../../../server/client.js";

function setup(resp: 2 | 3 = 2): { run: (...argv: string[]) => Reply; c: ClientState } {
  const ex = new Executor();
  const c = ex.newClient();
  c.resp = resp;
  const run = (...argv: string[]): Reply => {
    const r = ex.execute(c, argv);
    if (r instanceof ErrorReply) throw new Error(`${argv.join(" ")}: ${r.text}`);
    return r;
  };
  return { run, c };
}

const range = (n: number, p = "m"): string[] => Array.from({ length: n }, (_, i) => `${p}${i}`);

function strings(r: Reply): string[] {
  const items = r instanceof SetReply ? r.items : r;
  assert.ok(Array.isArray(items), "an array reply");
  return items.map((x) => {
    assert.equal(typeof x, "string");
    return x as string;
  });
}

for (const size of [5, 300]) {
  test(`SRANDMEMBER and SPOP with counts on a set of ${size}`, () => {
    const { run } = setup();
    const all = range(size);
    run("SADD", "s", ...all);
    const members = new Set(all);
    for (const count of [1, 2, Math.floor(size / 2), size - 1]) {
      const got = strings(run("SRANDMEMBER", "s", String(count)));
      assert.equal(got.length, count);
      assert.equal(new Set(got).size, count, "distinct");
      for (const m of got) assert.ok(members.has(m));
    }
    const rep = strings(run("SRANDMEMBER", "s", String(-3 * size)));
    assert.equal(rep.length, 3 * size);
    for (const m of rep) assert.ok(members.has(m));
    assert.ok(new Set(rep).size > 1, "repetitions come from the whole set");
    assert.ok(members.has(run("SRANDMEMBER", "s") as string));

    const popped = strings(run("SPOP", "s", String(Math.floor(size / 2))));
    assert.equal(new Set(popped).size, Math.floor(size / 2));
    for (const m of popped) {
      assert.ok(members.has(m));
      assert.equal(run("SISMEMBER", "s", m), 0, "popped members are gone");
    }
    assert.equal(run("SCARD", "s"), size - popped.length);
    const one = run("SPOP", "s") as string;
    assert.ok(members.has(one) && !popped.includes(one));
    const rest = strings(run("SPOP", "s", String(size)));
    assert.equal(popped.length + 1 + rest.length, size);
    assert.equal(run("EXISTS", "s"), 0);
  });

  test(`HRANDFIELD with counts and WITHVALUES on a hash of ${size} (RESP2 and RESP3)`, () => {
    for (const resp of [2, 3] as const) {
      const { run } = setup(resp);
      const fields = range(size, "f");
      const args: string[] = [];
      for (const f of fields) args.push(f, `v-${f}`);
      run("HSET", "h", ...args);
      const n = Math.min(size - 1, 7);
      const got = strings(run("HRANDFIELD", "h", String(n)));
      assert.equal(new Set(got).size, n);
      const wv = run("HRANDFIELD", "h", String(n), "WITHVALUES") as Reply[];
      const pairs: [string, string][] = [];
      if (resp === 3) {
        assert.equal(wv.length, n);
        for (const p of wv) pairs.push(p as [string, string]);
      } else {
        assert.equal(wv.length, 2 * n);
        for (let i = 0; i < wv.length; i += 2) pairs.push([wv[i] as string, wv[i + 1] as string]);
      }
      assert.equal(new Set(pairs.map((p) => p[0])).size, n);
      for (const [f, v] of pairs) assert.equal(v, `v-${f}`);
      const neg = run("HRANDFIELD", "h", "-20", "WITHVALUES") as Reply[];
      assert.equal(neg.length, resp === 3 ? 20 : 40);
    }
  });

  test(`ZRANDMEMBER with counts and WITHSCORES on a zset of ${size} (RESP2 and RESP3)`, () => {
    for (const resp of [2, 3] as const) {
      const { run } = setup(resp);
      const args: string[] = [];
      for (let i = 0; i < size; i++) args.push(String(i / 2), `m${i}`);
      run("ZADD", "z", ...args);
      assert.equal(run("OBJECT", "ENCODING", "z"), size > 128 ? "skiplist" : "listpack");
      const n = Math.min(size - 1, 9);
      const got = strings(run("ZRANDMEMBER", "z", String(n)));
      assert.equal(new Set(got).size, n);
      const ws = run("ZRANDMEMBER", "z", String(-n), "WITHSCORES") as Reply[];
      const pairs: [string, Reply][] = [];
      if (resp === 3) for (const p of ws) pairs.push(p as [string, Reply]);
      else for (let i = 0; i < ws.length; i += 2) pairs.push([ws[i] as string, ws[i + 1]]);
      assert.equal(pairs.length, n);
      for (const [m, s] of pairs) {
        assert.ok(s instanceof DoubleReply);
        assert.equal(s.value, Number(m.slice(1)) / 2);
      }
    }
  });
}

test("HSCAN, SSCAN and ZSCAN page through hashtable/skiplist values and see every element", () => {
  const { run } = setup();
  const n = 1000;
  const hargs: string[] = [];
  const zargs: string[] = [];
  for (let i = 0; i < n; i++) {
    hargs.push(`f${i}`, `v${i}`);
    zargs.push(String(i), `m${i}`);
  }
  run("HSET", "h", ...hargs);
  run("SADD", "s", ...range(n));
  run("ZADD", "z", ...zargs);
  for (const [cmd, key, step] of [
    ["HSCAN", "h", 2],
    ["SSCAN", "s", 1],
    ["ZSCAN", "z", 2],
  ] as const) {
    const seen = new Map<string, string>();
    let cursor = "0";
    let calls = 0;
    do {
      const [next, items] = run(cmd, key, cursor, "COUNT", "37") as [string, string[]];
      assert.ok(items.length <= 37 * step);
      for (let i = 0; i < items.length; i += step) seen.set(items[i], items[i + 1]);
      cursor = next;
      calls++;
    } while (cursor !== "0");
    assert.equal(seen.size, n, `${cmd} returned every element`);
    assert.ok(calls > 10, `${cmd} paged (${calls} calls)`);
    if (cmd === "HSCAN") assert.equal(seen.get("f7"), "v7");
    if (cmd === "ZSCAN") assert.equal(seen.get("m7"), "7");
    const matched = run(cmd, key, "0", "MATCH", "*99", "COUNT", "100000") as [string, string[]];
    assert.equal(matched[0], "0");
    assert.equal(matched[1].length, 10 * step);
  }
});

test("writes reach WATCH through db.modified and empty values leave the keyspace", () => {
  const ex = new Executor();
  const a = ex.newClient();
  const b = ex.newClient();
  const r = (c: ClientState, ...argv: string[]): Reply => ex.execute(c, argv);
  for (const [setup, write] of [
    [
      ["RPUSH", "k", "x"],
      ["LPOP", "k"],
    ],
    [
      ["HSET", "k", "f", "v"],
      ["HDEL", "k", "f"],
    ],
    [
      ["SADD", "k", "m"],
      ["SPOP", "k"],
    ],
    [
      ["ZADD", "k", "1", "m"],
      ["ZPOPMIN", "k"],
    ],
    [
      ["ZADD", "k", "1", "m"],
      ["ZREMRANGEBYSCORE", "k", "-inf", "inf"],
    ],
    [
      ["RPUSH", "k", "x"],
      ["LTRIM", "k", "1", "0"],
    ],
  ]) {
    r(a, ...setup);
    r(a, "WATCH", "k");
    r(b, ...write);
    assert.equal(r(b, "EXISTS", "k"), 0, `${write[0]} removed the emptied key`);
    r(a, "MULTI");
    r(a, "PING");
    assert.equal(r(a, "EXEC"), NIL_ARRAY, `${write[0]} aborted EXEC`);
  }
});
