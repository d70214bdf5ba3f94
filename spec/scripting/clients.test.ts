// Real clients' scripting flows against redlua (spec/scripting/clients.ts), compared with what the
// same flows gave against redis-server 7.0 (spec/scripting/clients.json): the values each client
// hands back and the scripting commands it sent (EVAL, EVALSHA on reuse, EVAL again after NOSCRIPT,
// MULTI). redis-cli --eval is skipped with a message when redis-cli is not installed.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { hasBinary } from "../support/redis-server.js";
import { ioredisScenario, nodeRedisScenario, redisCliScenario, type ScenarioResult } from "./clients.js";
import { CLIENTS, type ClientRecording } from "./record.js";

configureLog({ silent: true });

const recorded: ClientRecording = JSON.parse(fs.readFileSync(CLIENTS, "latin1"));

async function onRedlua<T>(f: (port: number) => Promise<T> | T): Promise<T> {
  const srv = await startServer({ config: { save: "", appendonly: "no" } });
  try {
    return await f(srv.port);
  } finally {
    await srv.close();
  }
}

/** JSON round trip: what the recording holds for a result. */
function asRecorded(r: ScenarioResult | undefined): unknown {
  return JSON.parse(JSON.stringify(r ?? null));
}

test("ioredis defineCommand: EVAL first, EVALSHA after, EVAL again on NOSCRIPT; pipelines and MULTI", async () => {
  const got = asRecorded(await onRedlua(ioredisScenario)) as ScenarioResult;
  const want = recorded.ioredis!;
  assert.deepEqual(got.commands, want.commands);
  assert.deepEqual(got.outcomes, want.outcomes);
});

for (const resp of [2, 3] as const) {
  test(`node-redis defineScript (RESP${resp}): EVALSHA(_RO), EVAL on NOSCRIPT, MULTI`, async () => {
    const got = asRecorded(await onRedlua((p) => nodeRedisScenario(p, resp))) as ScenarioResult;
    const want = recorded[`nodeRedisResp${resp}`]!;
    assert.deepEqual(got.commands, want.commands);
    assert.deepEqual(got.outcomes, want.outcomes);
  });
}

test("redis-cli --eval file keys , args", async (t) => {
  if (!hasBinary("redis-cli")) {
    t.skip("redis-cli is not installed (Debian package redis-tools)");
    return;
  }
  const got = asRecorded(await onRedlua(redisCliScenario)) as ScenarioResult;
  assert.deepEqual(got.outcomes, recorded.redisCli!.outcomes);
});
