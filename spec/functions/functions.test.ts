// Redis Functions against what redis-server 7.0 recorded (spec/functions/record.ts): the
// transcripts in RESP2 and RESP3; DUMP/RESTORE both ways (payloads Redis dumped restore here
// and give the same replies; payloads redlua dumps are byte for byte the ones Redis was seen
// to accept); crafted payloads; node-redis's function helpers; INFO's scripting fields.
// Known differences ("functions/NAME.txt#LINE") come from spec/known-differences.json.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { Executor } from "../../server/executor.js";
import { encodeReply } from "../../server/reply.js";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { RespClient } from "../support/resp-client.js";
import { serverArgs } from "../server/record.js";
import { loadTranscript, normalize, recorded, runTranscript } from "../server/transcript.js";
import { knownDifferences } from "../lua/known-differences.js";
import {
  bulkBody,
  canonical,
  INFO,
  INFO_SETUP,
  NODE_REDIS,
  PAYLOADS,
  runCommands,
  scriptingInfo,
  transcriptNames,
  TRANSCRIPTS,
} from "./record.js";
import type { Cmd, PayloadsFile } from "./payload-cases.js";
import { nodeRedisScenario } from "./node-redis-scenario.js";

configureLog({ silent: true });

const known = knownDifferences("functions/");
const CONFIG = { save: "", appendonly: "no" };

/** Replies compared as @sort compares them (FUNCTION LIST's order is Redis's hash order). */
const canon = canonical;

function show(x: string): string {
  return JSON.stringify(x.length > 300 ? x.slice(0, 300) + "…" : x);
}

describe("functions transcripts", { concurrency: 4 }, () => {
  for (const name of transcriptNames()) {
    test(`functions ${name} (RESP2, RESP3)`, async (t) => {
      const file = path.join(TRANSCRIPTS, `${name}.txt`);
      const expectedFile = path.join(TRANSCRIPTS, `${name}.json`);
      assert.ok(
        fs.existsSync(expectedFile),
        `${name}.json not recorded: run node dist/spec/functions/record.js ${name}`,
      );
      const recording: Record<string, string[]> = JSON.parse(fs.readFileSync(expectedFile, "latin1"));
      const steps = loadTranscript(file);
      const rec = steps.filter(recorded);
      const failures: string[] = [];
      const knownSeen = new Map<string, boolean>();
      for (const proto of [2, 3] as const) {
        const expected = recording[`resp${proto}`];
        assert.equal(expected.length, rec.length, `${name}.json is stale: re-record it`);
        const args = serverArgs(file);
        const config: Record<string, string> = { ...CONFIG };
        for (let i = 0; i < args.length; i += 2) config[args[i].replace(/^--/, "")] = args[i + 1] ?? "";
        const srv = await startServer({ config });
        let replies: string[];
        try {
          replies = await runTranscript(srv.port, steps, proto);
        } finally {
          await srv.close();
        }
        rec.forEach((s, i) => {
          const id = `functions/${name}.txt#${s.line}`;
          const same = normalize(s, replies[i]) === expected[i];
          if (known.has(id)) {
            knownSeen.set(id, (knownSeen.get(id) ?? true) && same);
            return;
          }
          if (!same)
            failures.push(
              `RESP${proto} line ${s.line}: ${s.text}\n  want ${show(expected[i])}\n  got  ${show(normalize(s, replies[i]))}`,
            );
        });
      }
      for (const [id, matched] of knownSeen) {
        if (matched)
          failures.push(`${id} now matches redis-server: remove it from spec/known-differences.json`);
        else t.todo(`${id}: ${known.get(id)}`);
      }
      assert.equal(failures.length, 0, `${failures.length} replies differ:\n${failures.join("\n")}`);
    });
  }
});

const payloads: PayloadsFile = JSON.parse(fs.readFileSync(PAYLOADS, "utf8"));

/** Runs commands on a fresh redlua server: one reply per command. */
async function onRedlua(cmds: Cmd[]): Promise<string[]> {
  const srv = await startServer({ config: CONFIG });
  try {
    const c = await RespClient.connect(srv.port);
    try {
      return await runCommands(c, cmds);
    } finally {
      c.close();
    }
  } finally {
    await srv.close();
  }
}

describe("FUNCTION DUMP / RESTORE with redis-server's payloads", () => {
  for (const set of payloads.sets) {
    test(`${set.name}: Redis's payload restores here and the functions answer as in Redis`, async (t) => {
      assert.equal(set.redisSelfRestore[0], "+OK\r\n", "redis-server restored its own payload");
      const got = await onRedlua([["FUNCTION", "RESTORE", { hex: set.redisPayload }], ...set.calls]);
      assert.equal(got[0], "+OK\r\n");
      const id = `functions/payloads.json#set:${set.name}`;
      const same = JSON.stringify(got.slice(1).map(canon)) === JSON.stringify(set.replies.map(canon));
      if (known.has(id)) {
        assert.ok(!same, `${id} now matches redis-server: remove it from spec/known-differences.json`);
        t.todo(`${id}: ${known.get(id)}`);
        return;
      }
      assert.deepEqual(got.slice(1).map(canon), set.replies.map(canon));
    });

    test(`${set.name}: redlua's payload is the one Redis accepted and answered from`, async () => {
      const loads: Cmd[] = set.codes.map((code) => ["FUNCTION", "LOAD", code]);
      const got = await onRedlua([...loads, ["FUNCTION", "DUMP"]]);
      const payload = bulkBody(Buffer.from(got[got.length - 1], "latin1")).toString("hex");
      assert.equal(
        payload,
        set.redluaPayload,
        "FUNCTION DUMP changed since Redis was seen restoring it: re-record",
      );
      // with one library there is no hash-table order to differ in: the very bytes Redis dumps
      if (set.codes.length === 1)
        assert.equal(payload, set.redisPayload, "same bytes as Redis's FUNCTION DUMP");
      assert.equal(set.redisRestoreOfRedlua[0], "+OK\r\n", "redis-server restored redlua's payload");
      assert.deepEqual(set.redisRestoreOfRedlua.slice(1).map(canon), set.replies.map(canon));
    });
  }

  test(`crafted payloads (${payloads.crafted.length} cases): Redis's replies, and nothing changes on error`, async (t) => {
    const failures: string[] = [];
    const srv = await startServer({ config: CONFIG });
    try {
      const c = await RespClient.connect(srv.port);
      for (const cc of payloads.crafted) {
        // recorded the same way: one server, FUNCTION FLUSH before each case
        const got = (await runCommands(c, [["FUNCTION", "FLUSH"], ...cc.commands])).slice(1);
        const id = `functions/payloads.json#crafted:${cc.name}`;
        const diffs: string[] = [];
        cc.replies.forEach((want, i) => {
          if (canon(got[i]) !== canon(want)) {
            diffs.push(`${cc.name}, command ${i + 1}:\n  want ${show(want)}\n  got  ${show(got[i])}`);
          }
        });
        if (!known.has(id)) failures.push(...diffs);
        else if (diffs.length === 0)
          failures.push(`${id} now matches redis-server: remove it from spec/known-differences.json`);
        else t.todo(`${id}: ${known.get(id)}`);
      }
      c.close();
    } finally {
      await srv.close();
    }
    assert.equal(failures.length, 0, failures.join("\n"));
  });
});

test("node-redis function helpers (functionLoad, fCall, fCallRo, …) as against redis-server", async () => {
  const expected = JSON.parse(fs.readFileSync(NODE_REDIS, "utf8")) as Record<string, unknown[]>;
  const srv = await startServer({ config: CONFIG });
  try {
    for (const resp of [2, 3] as const) {
      const got = await nodeRedisScenario(srv.port, resp);
      assert.deepEqual(got, expected[`resp${resp}`], `RESP${resp}`);
    }
  } finally {
    await srv.close();
  }
});

test("INFO memory: the scripting fields Redis 7.0 prints, in its order, with its counts", async () => {
  const expected = JSON.parse(fs.readFileSync(INFO, "utf8")) as Record<
    string,
    ReturnType<typeof scriptingInfo>
  >;
  const [before, ...rest] = await onRedlua([["INFO", "memory"], ...INFO_SETUP, ["INFO", "memory"]]);
  const after = rest[rest.length - 1];
  const info = (r: string) => scriptingInfo(bulkBody(Buffer.from(r, "latin1")).toString("latin1"));
  assert.deepEqual(info(before), expected.before);
  assert.deepEqual(info(after), expected.after);
});

test("a library's error positions survive garbage collection (its chunk stays registered)", async () => {
  // fcall.txt loads the `errs` library, then `FCALL e_str 0` fails with its position
  const file = path.join(TRANSCRIPTS, "fcall.txt");
  const rec = loadTranscript(file).filter(recorded);
  const expected: string[] = JSON.parse(
    fs.readFileSync(path.join(TRANSCRIPTS, "fcall.json"), "latin1"),
  ).resp2;
  const load = rec.findIndex((s) => s.text.startsWith('FUNCTION LOAD "#!lua name=errs'));
  const call = rec.findIndex((s) => s.text === "FCALL e_str 0");
  assert.ok(load >= 0 && call >= 0);
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const ex = new Executor();
  const c = ex.newClient();
  assert.equal(encodeReply(ex.execute(c, rec[load].args)).toString("latin1"), expected[load]);
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(encodeReply(ex.execute(c, rec[call].args)).toString("latin1"), expected[call]);
});
