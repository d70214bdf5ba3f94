// Records spec/redis-libs/expected/*.json from a real redis-server: every case script through EVAL
// with 0 keys, in each of its variants (HELLO 3 clients, redis.setresp(3) scripts), after SCRIPT
// FLUSH so that cjson settings start fresh. Run: node dist/spec/redis-libs/record.js [case ...]
import fs from "node:fs";
import { startRedisServer } from "../support/redis-server.js";
import { RespClient } from "../support/resp-client.js";
import {
  EXPECTED_DIR,
  expectedPath,
  loadCases,
  sourceFor,
  storeReply,
  type ExpectedFile,
  type Recorded,
} from "./cases.js";

/**
 * The end of one whole reply in buf, or -1: an iterative scan (RespClient.read recurses once per
 * nesting level, and some cases return ~8000 nested arrays). Handles the types EVAL replies use.
 */
function frameEnd(buf: Buffer): number {
  let p = 0;
  let pending = 1; // values still to read
  while (pending > 0) {
    const le = buf.indexOf("\r\n", p, "latin1");
    if (le < 0) return -1;
    const t = String.fromCharCode(buf[p]);
    const n = parseInt(buf.toString("latin1", p + 1, le), 10);
    p = le + 2;
    pending--;
    if (t === "$" || t === "=" || t === "!") {
      if (n >= 0) p += n + 2;
      if (p > buf.length) return -1;
    } else if (t === "*" || t === "~" || t === ">") {
      if (n > 0) pending += n;
    } else if (t === "%") {
      pending += 2 * n;
    }
  }
  return p;
}

/** Reads one whole reply (any depth), leaving nothing pending. */
async function readReply(client: RespClient): Promise<Buffer> {
  let buf = Buffer.alloc(0);
  for (;;) {
    buf = Buffer.concat([buf, await client.readBytes(1, 60000)]);
    const end = frameEnd(buf);
    if (end >= 0) {
      if (end !== buf.length) throw new Error("more than one reply");
      return buf;
    }
  }
}

async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  const server = await startRedisServer();
  try {
    const clients = {
      2: await RespClient.connect(server.port),
      3: await RespClient.connect(server.port),
    };
    await clients[3].call("HELLO", "3");
    const version = (await clients[2].call("INFO", "server")).match(/redis_version:(\S+)/)?.[1] ?? "?";
    fs.mkdirSync(EXPECTED_DIR, { recursive: true });
    for (const c of loadCases()) {
      if (only.size > 0 && !only.has(c.name)) continue;
      const results: Recorded[] = [];
      for (const script of c.scripts) {
        for (const v of script.variants) {
          const client = clients[v.client];
          await client.call("SCRIPT", "FLUSH");
          client.send(["EVAL", sourceFor(script, v), "0"]);
          const reply = await readReply(client);
          const r: Recorded = { label: script.label, client: v.client, scriptResp: v.scriptResp };
          if (c.scripts.length > 1) r.source = script.source;
          storeReply(r, reply.toString("latin1"));
          results.push(r);
        }
      }
      const out: ExpectedFile = { case: c.name, recordedFrom: `redis-server ${version}`, results };
      fs.writeFileSync(expectedPath(c.name), JSON.stringify(out, null, 1) + "\n", "utf8");
      console.log(`${c.name}: ${results.length} replies`);
    }
    clients[2].close();
    clients[3].close();
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
