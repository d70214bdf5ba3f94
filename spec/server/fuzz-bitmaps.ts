// Differential fuzzer for the bitmap commands: seeded random SETBIT/GETBIT/BITCOUNT/BITPOS/BITOP/
// BITFIELD/BITFIELD_RO sequences (ranges, BIT/BYTE, widths 1..64, #N offsets, every overflow
// behaviour, extreme values) sent to a real redis-server and to redlua, replies and the resulting
// strings compared byte for byte. A tool, not a test (it needs redis-server):
//   node dist/spec/server/fuzz-bitmaps.js [SEED] [COMMANDS]

import { fuzzMain, randomProtocol, type Gen } from "./fuzz-driver.js";

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

fuzzMain(import.meta.url, { makeGenerators, setup: randomProtocol });
