// Records spec/unit/redis-libs/reply-to-lua.json from a real redis-server: for each reply vector,
// its setup commands, then EVAL of show(<call>) under redis.setresp(2) and redis.setresp(3).
// Run: node dist/spec/unit/redis-libs/record.js
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startRedisServer } from "../../support/redis-server.js";
import { RespClient, parseReply } from "../../support/resp-client.js";
import { REPLY_VECTORS, SHOW_LUA } from "./reply-vectors.js";

export const RECORDING = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../spec/unit/redis-libs/reply-to-lua.json",
);

export interface ReplyRecording {
  recordedFrom: string;
  /** id -> what show() printed, with the script's protocol 2 and 3 */
  results: Record<string, { resp2: string; resp3: string }>;
}

async function main(): Promise<void> {
  const server = await startRedisServer();
  try {
    const c = await RespClient.connect(server.port);
    const version = (await c.call("INFO", "server")).match(/redis_version:(\S+)/)?.[1] ?? "?";
    const out: ReplyRecording = { recordedFrom: `redis-server ${version}`, results: {} };
    for (const v of REPLY_VECTORS) {
      const shown: string[] = [];
      for (const resp of [2, 3]) {
        await c.call("FLUSHALL");
        for (const cmd of v.setup) await c.command(cmd);
        const script = `${SHOW_LUA}\nredis.setresp(${resp})\nreturn show(${v.call})`;
        const r = parseReply(await c.command(["EVAL", script, "0"]));
        if (typeof r !== "string") throw new Error(`${v.id}: ${JSON.stringify(r)}`);
        shown.push(r);
      }
      out.results[v.id] = { resp2: shown[0], resp3: shown[1] };
    }
    fs.writeFileSync(RECORDING, JSON.stringify(out, null, 1) + "\n", "utf8");
    console.log(`${REPLY_VECTORS.length} reply vectors recorded`);
    c.close();
  } finally {
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
