// The loop the differential command fuzzers (fuzz-bitmaps, fuzz-collections, fuzz-streams) share:
// a seeded generator, a real redis-server and redlua started side by side, the same random
// commands sent to both, replies compared byte for byte (after an optional normalisation), the
// first mismatches printed and a summary line; exit code 1 on any mismatch. Tools, not tests
// (they need redis-server): node dist/spec/server/fuzz-NAME.js [SEED] [COMMANDS] [...]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { hasBinary, startRedisServer } from "../support/redis-server.js";
import { RespClient } from "../support/resp-client.js";

export type Gen = () => string[];

export interface FuzzSpec {
  makeGenerators(r: () => number): Gen[];
  /** configures both connections before the run; returns a label for the summary ("RESP3") */
  setup?(a: RespClient, b: RespClient, r: () => number): Promise<string | undefined>;
  /** commands to leave out of this run */
  skip?(cmd: string[]): boolean;
  /** a reply as compared (replies in an order Redis leaves to its hash tables, sorted) */
  normalize?(cmd: string[], reply: string): string;
  /** cut long commands and replies when printing them */
  clip?: boolean;
}

/** The seeded generator the fuzzers use (an LCG): the same seed, the same draws. */
export function seededRandom(seedNumber: number): () => number {
  let seed = seedNumber * 7919;
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** A real redis-server and an in-process redlua, started side by side for a fuzz run. */
export interface ServerPair {
  /** a new connection to each: [redis-server, redlua] */
  connect(): Promise<[RespClient, RespClient]>;
  /** closes the connections `connect` made and stops both servers */
  close(): Promise<void>;
}

/** Both servers, each given the same config parameters at startup (name -> value). */
export async function startServerPair(config: Record<string, string> = {}): Promise<ServerPair> {
  if (!hasBinary("redis-server")) throw new Error("redis-server is not installed");
  configureLog({ silent: true });
  const ref = await startRedisServer(Object.entries(config).flatMap(([k, v]) => [`--${k}`, v]));
  const srv = await startServer({ config });
  const clients: RespClient[] = [];
  return {
    async connect() {
      const pair: [RespClient, RespClient] = [
        await RespClient.connect(ref.port),
        await RespClient.connect(srv.port),
      ];
      clients.push(...pair);
      return pair;
    },
    async close() {
      for (const c of clients) c.close();
      await srv.close();
      await ref.stop();
    },
  };
}

async function run(spec: FuzzSpec): Promise<void> {
  const r = seededRandom(Number(process.argv[2] ?? 1));
  const count = Number(process.argv[3] ?? 3000);
  const gens = spec.makeGenerators(r);
  const servers = await startServerPair();
  const [a, b] = await servers.connect();
  const clip = (s: string, n: number): string => (spec.clip ? s.slice(0, n) : s);
  try {
    const label = spec.setup ? await spec.setup(a, b, r) : undefined;
    let bad = 0;
    for (let i = 0; i < count && bad < 10; i++) {
      const cmd = gens[Math.floor(r() * gens.length)]();
      if (spec.skip?.(cmd)) continue;
      // FUZZ_TRACE=1: every command sent, to reproduce a mismatch by hand
      if (process.env.FUZZ_TRACE) process.stdout.write(`> #${i} ${JSON.stringify(cmd)}\n`);
      let ra = (await a.command(cmd)).toString("latin1");
      let rb = (await b.command(cmd)).toString("latin1");
      if (spec.normalize) {
        ra = spec.normalize(cmd, ra);
        rb = spec.normalize(cmd, rb);
      }
      if (ra !== rb) {
        bad++;
        process.stdout.write(
          `#${i} ${clip(JSON.stringify(cmd), 200)}\n  redis  ${clip(JSON.stringify(ra), 600)}\n` +
            `  redlua ${clip(JSON.stringify(rb), 600)}\n`,
        );
      }
    }
    const what = label === undefined ? "" : `, ${label}`;
    process.stdout.write(`seed ${process.argv[2] ?? 1}${what}, ${count} commands: ${bad} mismatches\n`);
    if (bad > 0) process.exitCode = 1;
  } finally {
    await servers.close();
  }
}

/** Runs the fuzzer when `module` is the script node was started with. */
export function fuzzMain(moduleUrl: string, spec: FuzzSpec): void {
  if (process.argv[1] && fileURLToPath(moduleUrl) === path.resolve(process.argv[1])) {
    run(spec).catch((e) => {
      process.stderr.write(`${(e as Error).stack}\n`);
      process.exit(1);
    });
  }
}

/** HELLO 3 on both connections half the time (a draw from the seeded generator). */
export async function randomProtocol(a: RespClient, b: RespClient, r: () => number): Promise<string> {
  const proto = r() < 0.5 ? 2 : 3;
  if (proto === 3) for (const c of [a, b]) await c.command(["HELLO", "3"]);
  return `RESP${proto}`;
}
