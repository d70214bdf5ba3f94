// Differential fuzzer for the hash, list, set and sorted-set commands: seeded random command
// sequences (options, bad numbers, score/lex bounds, encodings at tiny thresholds) sent to a real
// redis-server and to redlua, replies compared byte for byte. A tool, not a test (it needs
// redis-server): node dist/spec/server/fuzz-collections.js [SEED] [COMMANDS] [small]
// Replies whose order Redis leaves to its seeded hash tables are compared sorted.

import { fuzzMain, randomProtocol, type Gen } from "./fuzz-driver.js";

function makeGenerators(r: () => number): Gen[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const maybe = (p: number, xs: string[]): string[] => (r() < p ? xs : []);
  const k = (): string => pick(["k1", "k2", "k3"]);
  const m = (): string => pick(["a", "b", "c", "d", "", "ab", "\xff", "\x00", "1", "2", "10", "-3", "x y"]);
  const n = (): string => pick(["0", "1", "-1", "2", "3", "-2", "10", "-10", "100", "abc", "", "1.5"]);
  const s = (): string =>
    pick(["0", "1", "1.5", "-1", "2", "inf", "-inf", "-0", "0.1", "3", "(1", "(2", "+inf", "1e2", "x"]);
  const lx = (): string => pick(["-", "+", "[a", "(a", "[b", "(c", "[", "(", "[ab", "a"]);
  const side = (): string => pick(["LEFT", "RIGHT"]);
  return [
    () => ["LPUSH", k(), m(), m()],
    () => ["RPUSH", k(), m()],
    () => ["LPOP", k(), ...maybe(0.5, [n()])],
    () => ["RPOP", k(), ...maybe(0.5, [n()])],
    () => ["LRANGE", k(), n(), n()],
    () => ["LINDEX", k(), n()],
    () => ["LSET", k(), n(), m()],
    () => ["LINSERT", k(), pick(["BEFORE", "AFTER", "x"]), m(), m()],
    () => ["LREM", k(), n(), m()],
    () => ["LTRIM", k(), n(), n()],
    () => [
      "LPOS",
      k(),
      m(),
      ...maybe(0.5, ["RANK", n()]),
      ...maybe(0.5, ["COUNT", n()]),
      ...maybe(0.3, ["MAXLEN", n()]),
    ],
    () => ["LMOVE", k(), k(), side(), side()],
    () => ["LMPOP", "2", k(), k(), side(), "COUNT", n()],
    () => ["HSET", k(), m(), m(), m(), n()],
    () => ["HDEL", k(), m(), m()],
    () => ["HGETALL", k()],
    () => ["HKEYS", k()],
    () => ["HINCRBY", k(), m(), n()],
    () => ["HINCRBYFLOAT", k(), m(), s()],
    () => ["HMGET", k(), m(), m()],
    () => ["HSETNX", k(), m(), m()],
    () => ["HSCAN", k(), "0"],
    () => ["SADD", k(), m(), m(), n()],
    () => ["SREM", k(), m(), n()],
    () => ["SMEMBERS", k()],
    () => ["SINTER", k(), k()],
    () => ["SUNION", k(), k()],
    () => ["SDIFF", k(), k()],
    () => ["SINTERSTORE", k(), k(), k()],
    () => ["SDIFFSTORE", k(), k(), k()],
    () => ["SMOVE", k(), k(), m()],
    () => ["SINTERCARD", "2", k(), k(), "LIMIT", n()],
    () => ["SMISMEMBER", k(), m(), n()],
    () => [
      "ZADD",
      k(),
      ...maybe(0.3, [pick(["NX", "XX", "GT", "LT", "CH", "INCR"])]),
      s(),
      m(),
      ...maybe(0.5, [s(), m()]),
    ],
    () => ["ZINCRBY", k(), s(), m()],
    () => ["ZREM", k(), m(), m()],
    () => ["ZRANGE", k(), n(), n(), ...maybe(0.5, ["WITHSCORES"]), ...maybe(0.3, ["REV"])],
    () => [
      "ZRANGE",
      k(),
      s(),
      s(),
      "BYSCORE",
      ...maybe(0.5, ["WITHSCORES"]),
      ...maybe(0.3, ["REV"]),
      ...maybe(0.4, ["LIMIT", n(), n()]),
    ],
    () => ["ZRANGE", k(), lx(), lx(), "BYLEX", ...maybe(0.3, ["REV"]), ...maybe(0.4, ["LIMIT", n(), n()])],
    () => ["ZCOUNT", k(), s(), s()],
    () => ["ZLEXCOUNT", k(), lx(), lx()],
    () => ["ZRANK", k(), m()],
    () => ["ZREVRANK", k(), m()],
    () => ["ZPOPMIN", k(), ...maybe(0.5, [n()])],
    () => ["ZPOPMAX", k(), ...maybe(0.5, [n()])],
    () => ["ZMSCORE", k(), m(), m()],
    () => ["ZSCORE", k(), m()],
    () => ["ZREMRANGEBYSCORE", k(), s(), s()],
    () => ["ZREMRANGEBYLEX", k(), lx(), lx()],
    () => ["ZREMRANGEBYRANK", k(), n(), n()],
    () => [
      "ZUNIONSTORE",
      k(),
      "2",
      k(),
      k(),
      ...maybe(0.5, ["WEIGHTS", s(), s()]),
      ...maybe(0.5, ["AGGREGATE", pick(["MIN", "MAX", "SUM"])]),
    ],
    () => ["ZINTER", "2", k(), k(), "WITHSCORES"],
    () => ["ZDIFF", "2", k(), k(), "WITHSCORES"],
    () => ["ZRANGESTORE", k(), k(), n(), n()],
    () => ["ZMPOP", "2", k(), k(), pick(["MIN", "MAX"]), "COUNT", n()],
    () => ["ZSCAN", k(), "0"],
    () => ["OBJECT", "ENCODING", k()],
    () => ["TYPE", k()],
    () => ["DEL", k()],
    () => [pick(["LLEN", "ZCARD", "SCARD", "HLEN"]), k()],
  ];
}

/** An aggregate reply of bulk strings with its elements sorted (for hash-table ordered replies). */
function sortedItems(reply: string): string {
  const lines = reply.split("\r\n");
  const items: string[] = [];
  for (let i = 1; i + 1 < lines.length; i += 2) items.push(lines[i] + "\r\n" + lines[i + 1]);
  return lines[0] + items.sort().join("");
}

const small = process.argv[4] === "small";
const unordered = new Set(["SMEMBERS", "SUNION", "SINTER", "SDIFF", ...(small ? ["HGETALL", "HKEYS"] : [])]);

fuzzMain(import.meta.url, {
  makeGenerators,
  async setup(a, b, r) {
    const label = await randomProtocol(a, b, r);
    // tiny encoding thresholds with "small"
    const limits = small ? ["3", "3", "3"] : ["512", "512", "128"];
    const names = ["hash-max-listpack-entries", "set-max-intset-entries", "zset-max-listpack-entries"];
    for (let i = 0; i < 3; i++)
      for (const c of [a, b]) await c.command(["CONFIG", "SET", names[i], limits[i]]);
    return label;
  },
  skip: (cmd) => small && (cmd[0] === "HSCAN" || cmd[0] === "ZSCAN"),
  normalize: (cmd, reply) => (unordered.has(cmd[0]) ? sortedItems(reply) : reply),
});
