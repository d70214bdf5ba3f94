// Differential fuzzer for the string and keyspace commands scripts lean on (locks, rate limiters,
// counters, queues): seeded random SET with every option mix, GET/GETEX/GETDEL/GETSET, the INCR
// family and INCRBYFLOAT's formatting, APPEND/SETRANGE/GETRANGE, MSET/MSETNX/MGET, the EXPIRE
// family with NX/XX/GT/LT, PERSIST, EXPIRETIME, RENAME/COPY, EXISTS/TYPE/OBJECT ENCODING, sent
// to a real redis-server and to redlua, replies compared byte for byte. A tool, not a test (it
// needs redis-server): node dist/spec/server/fuzz-strings.js [SEED] [COMMANDS]
// Expiry times are absolute and far off (EXPIREAT 4e9...) or relative; TTL/PTTL's positive
// values are compared as "positive" (they tick), and EXPIRETIME/PEXPIRETIME of a relative
// expiry as "relative" (each server adds its own now: PX 9223372036854775 lands past the
// absolute times, and its last digit differed by the millisecond between the two servers).

import { fuzzMain, randomProtocol, type Gen } from "./fuzz-driver.js";

function makeGenerators(r: () => number): Gen[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const maybe = (p: number, xs: string[]): string[] => (r() < p ? xs : []);
  const k = (): string => pick(["k1", "k2", "k3", "l1", "nosuch"]);
  // numbers at the edges of long long and long double parsing, and strings that are not numbers
  const v = (): string =>
    pick([
      String(int(-20, 20)),
      String(int(-100000, 100000)),
      "9223372036854775807",
      "-9223372036854775808",
      "9223372036854775808",
      "1.5",
      "-0.25",
      "1e3",
      "0x10",
      " 1",
      "1 ",
      "01",
      "+1",
      "-0",
      "abc",
      "",
      "\x00",
      "\xff\xfe",
      "x".repeat(44),
      "y".repeat(45),
      "3.0",
      "10.50",
      "inf",
      "nan",
      "1.7976931348623157e308",
    ]);
  const by = (): string =>
    pick([String(int(-10, 10)), "9223372036854775807", "-9223372036854775808", "1.5", "", "a", "0", "1e2"]);
  const fl = (): string =>
    pick([
      String(int(-10, 10)),
      "0.1",
      "1.5",
      "-2.25",
      "1e10",
      "1e-5",
      "3.0e3",
      "5.0e-2",
      "inf",
      "-inf",
      "nan",
      "abc",
      "",
      "1e400",
      "0x1p3",
      "1.23456789012345678",
      "10.50",
      " 1",
    ]);
  const secs = (ms = false): string =>
    pick([
      // at least 1,000 s (or ms * 1,000 for the P forms): nothing expires during a run
      String(int(1000, 100000) * (ms ? 1000 : 1)),
      "0",
      "-1",
      "-100",
      "abc",
      "1.5",
      "9223372036854775807",
      "9223372036854775",
      "922337203685477580",
      "-9223372036854775808",
    ]);
  // absolute times: far in the future, in the past, or out of range
  const at = (): string =>
    pick([
      String(4000000000 + int(0, 1000)),
      String(4100000000 + int(0, 1000)),
      "1",
      "0",
      "-1",
      "9223372036854775807",
      "abc",
    ]);
  const pat = (): string =>
    pick([
      String(4000000000000 + int(0, 1000000)),
      String(4100000000000 + int(0, 1000000)),
      "1",
      "0",
      "-5",
      "9223372036854775807",
    ]);
  const ttlOpt = (): string[] =>
    pick([
      [],
      [],
      ["EX", secs()],
      ["PX", secs(true)],
      ["EXAT", at()],
      ["PXAT", pat()],
      ["KEEPTTL"],
      ["EX", secs(), "PX", secs()],
      ["KEEPTTL", "EX", secs()],
      ["ex", secs()],
      ["EX"],
    ]);
  const cond = (): string[] => pick([[], [], ["NX"], ["XX"], ["NX", "XX"], ["nx"]]);
  const expCond = (): string[] =>
    pick([[], [], ["NX"], ["XX"], ["GT"], ["LT"], ["NX", "GT"], ["GT", "LT"], ["xx"], ["FOO"]]);
  const idx = (): string =>
    pick([String(int(-10, 60)), "0", "-1", "9223372036854775807", "-9223372036854775808", "a"]);
  const off = (): string => pick([String(int(0, 60)), "0", "-1", "536870912", "536870911x", "a"]);
  const glob = (): string => {
    let out = "";
    for (let i = int(1, 7); i > 0; i--)
      out += pick(["a", "b", "c", "*", "?", "[", "]", "^", "-", "\\", "!", "A"]);
    return out;
  };
  return [
    () => ["SET", k(), v(), ...cond(), ...maybe(0.3, ["GET"]), ...ttlOpt()],
    () => ["SET", k(), v()],
    () => ["GET", k()],
    () => [
      "GETEX",
      k(),
      ...pick([
        [],
        ["PERSIST"],
        ["EX", secs()],
        ["PX", secs(true)],
        ["EXAT", at()],
        ["PXAT", pat()],
        ["PERSIST", "EX", "1"],
        ["KEEPTTL"],
      ]),
    ],
    () => ["GETDEL", k()],
    () => ["GETSET", k(), v()],
    () => ["SETNX", k(), v()],
    () => ["SETEX", k(), secs(), v()],
    () => ["PSETEX", k(), secs(true), v()],
    () => ["MSET", k(), v(), k(), v()],
    () => ["MSET", k(), v(), k()],
    () => ["MSETNX", k(), v(), k(), v()],
    () => ["MGET", k(), k(), k()],
    () => ["APPEND", k(), v()],
    () => ["STRLEN", k()],
    () => ["SETRANGE", k(), off(), v()],
    () => ["GETRANGE", k(), idx(), idx()],
    () => ["INCR", k()],
    () => ["DECR", k()],
    () => ["INCRBY", k(), by()],
    () => ["DECRBY", k(), by()],
    () => ["INCRBYFLOAT", k(), fl()],
    () => ["INCRBYFLOAT", k(), fl()],
    () => ["EXPIRE", k(), secs(), ...expCond()],
    () => ["PEXPIRE", k(), secs(true), ...expCond()],
    () => ["EXPIREAT", k(), at(), ...expCond()],
    () => ["PEXPIREAT", k(), pat(), ...expCond()],
    () => ["EXPIRETIME", k()],
    () => ["PEXPIRETIME", k()],
    () => ["TTL", k()],
    () => ["PTTL", k()],
    () => ["PERSIST", k()],
    () => ["EXISTS", k(), k(), k()],
    () => ["TYPE", k()],
    () => ["OBJECT", "ENCODING", k()],
    () => ["DEL", k(), ...maybe(0.5, [k()])],
    () => ["UNLINK", k()],
    () => ["TOUCH", k(), k()],
    () => ["RENAME", k(), k()],
    () => ["RENAMENX", k(), k()],
    () => ["COPY", k(), k(), ...maybe(0.5, ["REPLACE"]), ...maybe(0.1, ["DB", pick(["0", "1", "x"])])],
    () => ["LPUSH", "l1", v()],
    () => ["DBSIZE"],
    () => ["KEYS", pick(["*", "k*", "?1", "[kl]2", "nosuch"])],
    // glob patterns (KEYS, SCAN MATCH): keys and patterns over the characters that mean something
    () => ["SET", glob(), "g"],
    () => ["KEYS", glob()],
    () => ["KEYS", glob()],
  ];
}

/** An aggregate reply of bulk strings with its elements sorted (KEYS: hash-table order). */
function sortedItems(reply: string): string {
  const lines = reply.split("\r\n");
  const items: string[] = [];
  for (let i = 1; i + 1 < lines.length; i += 2) items.push(lines[i] + "\r\n" + lines[i + 1]);
  return lines[0] + items.sort().join("");
}

/** The relative expiries (ms) the generator sends that land past its absolute ones. */
const HUGE_RELATIVE_MS = [9223372036854775n, 922337203685477580n];

/** An expiry time (ms, or s when `seconds`) that is now plus one of HUGE_RELATIVE_MS, give or take a day. */
function isHugeRelative(at: bigint, seconds: boolean): boolean {
  const ms = seconds ? at * 1000n : at;
  const since = ms - BigInt(Date.now());
  return HUGE_RELATIVE_MS.some((r) => since - r > -86400000n && since - r < 86400000n);
}

fuzzMain(import.meta.url, {
  makeGenerators,
  setup: (a, b, r) => randomProtocol(a, b, r),
  normalize(cmd, reply) {
    const name = cmd[0].toUpperCase();
    if (name === "KEYS") return sortedItems(reply);
    // a remaining time ticks between the two servers' replies
    if ((name === "TTL" || name === "PTTL") && /^:[1-9]/.test(reply)) return ":positive\r\n";
    // an expiry set relative to now (before the far-off absolute ones the generator uses)
    const limit = name === "EXPIRETIME" ? 3.9e9 : name === "PEXPIRETIME" ? 3.9e12 : 0;
    if (limit !== 0 && /^:[1-9]/.test(reply) && Number(reply.slice(1)) < limit) return ":relative\r\n";
    // or a huge relative one (PX 9223372036854775: now + R, exact on both servers, but each
    // server's now is its own)
    if (
      limit !== 0 &&
      /^:[1-9]/.test(reply) &&
      isHugeRelative(BigInt(reply.slice(1, -2)), name === "EXPIRETIME")
    ) {
      return ":relative\r\n";
    }
    return reply;
  },
});
