// Differential fuzzer for the bitmap commands: seeded random SETBIT/GETBIT/BITCOUNT/BITPOS/BITOP/
// BITFIELD/BITFIELD_RO sequences (ranges, BIT/BYTE, widths 1..64, #N offsets, every overflow
// behaviour, extreme values) sent to a real redis-server and to redlua, replies and the resulting
// strings compared byte for byte. A tool, not a test (it needs redis-server):
//   node dist/spec/server/fuzz-bitmaps.js [SEED] [COMMANDS]

import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { hasBinary, startRedisServer } from "../support/redis-server.js";
import { RespClient } from "../support/resp-client.js";

type Gen = () => string[];

function makeGenerators(r: () => number): Gen[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const maybe = (p: number, xs: string[]): string[] => (r() < p ? xs : []);
  const k = (): string => pick(["k1", "k2", "k3", "nosuch"]);
  const idx = (): string =>
    pick([
      String(int(-40, 40)),
      String(int(-5, 5)),
      "0",
      "-1",
      "9223372036854775807",
      "-9223372036854775808",
    ]);
  const bitOff = (): string => String(pick([int(0, 80), int(0, 300), int(0, 7)]));
  const width = (): string => (r() < 0.5 ? `u${int(1, 63)}` : `i${pick([int(1, 64), 64, 63, 8, 16, 32, 1])}`);
  const fieldOff = (): string => (r() < 0.3 ? `#${int(0, 6)}` : String(int(0, 130)));
  const value = (): string =>
    pick([
      String(int(-300, 300)),
      String(int(-3, 3)),
      "9223372036854775807",
      "-9223372036854775808",
      "9223372036854775806",
      "-9223372036854775807",
      String(2 ** int(1, 62)),
      String(-(2 ** int(1, 62))),
      String(2 ** int(1, 62) - 1),
    ]);
  const bitfieldOps = (ro: boolean): string[] => {
    const out: string[] = [];
    const n = int(1, 4);
    for (let i = 0; i < n; i++) {
      const op = ro ? "GET" : pick(["GET", "SET", "INCRBY", "INCRBY", "OVERFLOW"]);
      if (op === "OVERFLOW") out.push(op, pick(["WRAP", "SAT", "FAIL"]));
      else if (op === "GET") out.push(op, width(), fieldOff());
      else out.push(op, width(), fieldOff(), value());
    }
    return out;
  };
  return [
    () => ["SETBIT", k(), bitOff(), pick(["0", "1", "1", "2"])],
    () => ["GETBIT", k(), bitOff()],
    () => ["BITCOUNT", k(), ...maybe(0.8, [idx(), idx(), ...maybe(0.6, [pick(["BIT", "BYTE"])])])],
    () => {
      const args = ["BITPOS", k(), pick(["0", "1", "1", "0"])];
      if (r() < 0.8) {
        args.push(idx());
        if (r() < 0.7) {
          args.push(idx());
          if (r() < 0.6) args.push(pick(["BIT", "BYTE"]));
        }
      }
      return args;
    },
    () => {
      const op = pick(["AND", "OR", "XOR", "NOT"]);
      return op === "NOT" ? ["BITOP", op, k(), k()] : ["BITOP", op, k(), k(), k(), ...maybe(0.5, [k()])];
    },
    () => ["BITFIELD", k(), ...bitfieldOps(false)],
    () => ["BITFIELD_RO", k(), ...bitfieldOps(true)],
    () => [
      "SET",
      k(),
      pick(["", "\xff", "\x00\xff\x0f", "foobar", "\xaa\x55\xaa\x55\xaa\x55\xaa\x55\xaa", "1"]),
    ],
    () => ["GET", k()],
    () => ["DEL", k()],
  ];
}

async function main(): Promise<void> {
  if (!hasBinary("redis-server")) throw new Error("redis-server is not installed");
  configureLog({ silent: true });
  let seed = Number(process.argv[2] ?? 1) * 7919;
  const r = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const count = Number(process.argv[3] ?? 3000);
  const gens = makeGenerators(r);
  const ref = await startRedisServer();
  const srv = await startServer({});
  const a = await RespClient.connect(ref.port);
  const b = await RespClient.connect(srv.port);
  const proto = r() < 0.5 ? 2 : 3;
  try {
    if (proto === 3) for (const c of [a, b]) await c.command(["HELLO", "3"]);
    let bad = 0;
    for (let i = 0; i < count && bad < 10; i++) {
      const cmd = gens[Math.floor(r() * gens.length)]();
      const ra = (await a.command(cmd)).toString("latin1");
      const rb = (await b.command(cmd)).toString("latin1");
      if (ra !== rb) {
        bad++;
        process.stdout.write(
          `${JSON.stringify(cmd)}\n  redis  ${JSON.stringify(ra)}\n  redlua ${JSON.stringify(rb)}\n`,
        );
      }
    }
    process.stdout.write(
      `seed ${process.argv[2] ?? 1}, RESP${proto}, ${count} commands: ${bad} mismatches\n`,
    );
    if (bad > 0) process.exitCode = 1;
  } finally {
    a.close();
    b.close();
    await srv.close();
    await ref.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
