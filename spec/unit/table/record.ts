// Records what the real interpreters print for every table operation list: `lua5.1
// ops-driver.lua CASE` into expected/CASE.txt, and, for the cases named in REDIS_CASES, the same
// driver run by EVAL on a real redis-server (whose string hash reads every byte) into
// expected-redis/. Also records lua5.1's math functions over an input grid (math-functions.lua →
// expected-math/functions.txt) and Redis's math.random sequences (expected-redis/math-random.txt),
// the first from a fresh server. Run: `node dist/spec/unit/table/record.js` (needs lua5.1 and
// redis-server).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startRedisServer } from "../../support/redis-server.js";
import { RespClient, parseReply } from "../../support/resp-client.js";

const root = fileURLToPath(new URL("../../../../spec/unit/table/", import.meta.url));

/** The cases also recorded under Redis: string-heavy ones, where Redis's hash differs. */
const REDIS_CASES = /^(str-0\d|longstr-\d\d|mixed-0\d|del-0\d)\.ops$/;

/** The seeds math-random.txt covers after the fresh server's own sequence ("none"). */
export const RANDOM_SEEDS = ["none", "0", "1", "42", "-1", "7.9", "2147483647", "-2147483648", "123456789"];

/** Draws from math.random the way mathlib.test.ts replays it: 6 floats, 6 of 1..100, 6 of -10..10. */
export const RANDOM_SCRIPT = `
local out = {}
if ARGV[1] ~= "none" then math.randomseed(tonumber(ARGV[1])) end
for i = 1, 6 do out[#out + 1] = string.format("%.17g", math.random()) end
for i = 1, 6 do out[#out + 1] = string.format("%.17g", math.random(100)) end
for i = 1, 6 do out[#out + 1] = string.format("%.17g", math.random(-10, 10)) end
return table.concat(out, " ")`;

async function main(): Promise<void> {
  const cases = readdirSync(`${root}cases`).filter((f) => f.endsWith(".ops"));
  mkdirSync(`${root}expected`, { recursive: true });
  mkdirSync(`${root}expected-redis`, { recursive: true });
  for (const c of cases) {
    const r = spawnSync("lua5.1", ["ops-driver.lua", `cases/${c}`], { cwd: root, encoding: "latin1" });
    if (r.status !== 0) throw new Error(`lua5.1 failed on ${c}: ${r.stderr}`);
    writeFileSync(`${root}expected/${c.replace(/\.ops$/, ".txt")}`, r.stdout, "latin1");
  }
  mkdirSync(`${root}expected-math`, { recursive: true });
  const m = spawnSync("lua5.1", ["math-functions.lua"], { cwd: root, encoding: "latin1" });
  if (m.status !== 0) throw new Error(`lua5.1 failed on math-functions.lua: ${m.stderr}`);
  writeFileSync(`${root}expected-math/functions.txt`, m.stdout, "latin1");
  const server = await startRedisServer();
  try {
    const client = await RespClient.connect(server.port);
    const lines: string[] = [];
    for (const seed of RANDOM_SEEDS) {
      const reply = parseReply(await client.command(["EVAL", RANDOM_SCRIPT, "0", seed]));
      if (typeof reply !== "string") throw new Error(`redis failed on math.random: ${JSON.stringify(reply)}`);
      lines.push(`${seed}: ${reply}`);
    }
    writeFileSync(`${root}expected-redis/math-random.txt`, lines.join("\n") + "\n", "latin1");
    const driver = readFileSync(`${root}ops-driver.lua`, "latin1");
    let n = 0;
    for (const c of cases.filter((f) => REDIS_CASES.test(f))) {
      const ops = readFileSync(`${root}cases/${c}`, "latin1");
      const reply = parseReply(
        await client.command(["EVAL", driver, "0", ops].map((s) => Buffer.from(s, "latin1"))),
      );
      if (typeof reply !== "string") throw new Error(`redis failed on ${c}: ${JSON.stringify(reply)}`);
      writeFileSync(`${root}expected-redis/${c.replace(/\.ops$/, ".txt")}`, reply, "latin1");
      n++;
    }
    client.close();
    console.log(`recorded ${cases.length} cases from lua5.1, ${n} from redis-server`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
