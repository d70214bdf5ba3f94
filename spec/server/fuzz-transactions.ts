// Differential fuzzer for transactions: seeded random MULTI/EXEC/DISCARD/WATCH/UNWATCH sequences
// mixed with writes to watched keys, commands refused while queueing (arity, unknown names,
// WATCH or MULTI inside MULTI), commands that fail only when EXEC runs them (WRONGTYPE, bad
// numbers), scripts (EVAL and its errors) and SELECT, sent to a real redis-server and to redlua,
// replies compared byte for byte. A tool, not a test (it needs redis-server):
//   node dist/spec/server/fuzz-transactions.js [SEED] [COMMANDS]

import { fuzzMain, randomProtocol, type Gen } from "./fuzz-driver.js";

function makeGenerators(r: () => number): Gen[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const k = (): string => pick(["k1", "k2", "k3", "l1", "h1"]);
  const v = (): string => pick(["1", "2", "-5", "abc", "", "1.5", "9223372036854775807"]);
  const script = (): string =>
    pick([
      "return redis.call('INCR', KEYS[1])",
      "return redis.call('GET', KEYS[1])",
      "return redis.call('SET', KEYS[1], ARGV[1])",
      "return redis.pcall('INCR', KEYS[1])",
      "return redis.call('LPUSH', KEYS[1], 'x')",
      "error('boom')",
      "return {err='custom'}",
      "return {1, 2, nil, 3}",
      "return redis.call('NOSUCH')",
      "return (",
      "#!lua flags=no-writes\nreturn redis.call('GET', KEYS[1])",
      "#!lua flags=no-writes\nreturn redis.call('SET', KEYS[1], 'x')",
      "#!lua\nreturn redis.call('SET', KEYS[1], 'y')",
    ]);
  return [
    () => ["MULTI"],
    () => ["MULTI"],
    () => ["EXEC"],
    () => ["EXEC"],
    () => ["DISCARD"],
    () => ["WATCH", k()],
    () => ["WATCH", k(), k()],
    () => ["WATCH"],
    () => ["UNWATCH"],
    () => ["SET", k(), v()],
    () => ["SET", k()],
    () => ["GET", k()],
    () => ["INCR", k()],
    () => ["INCRBY", k(), v()],
    () => ["LPUSH", k(), v()],
    () => ["RPOP", k()],
    () => ["HSET", k(), "f", v()],
    () => ["HINCRBY", k(), "f", v()],
    () => ["DEL", k()],
    () => ["EXPIRE", k(), pick(["100", "0", "-1", "x"])],
    () => ["PERSIST", k()],
    () => ["EXISTS", k()],
    () => ["TYPE", k()],
    () => ["NOSUCHCOMMAND", k()],
    () => ["PING"],
    () => ["ECHO", v()],
    () => ["SELECT", pick(["0", "0", "1", "99", "x"])],
    () => ["BLPOP", k(), "0.01"],
    () => ["EVAL", script(), "1", k(), v()],
    () => ["EVAL", script(), pick(["2", "-1", "x"]), k()],
    () => ["EVAL_RO", script(), "1", k()],
    () => ["SCRIPT", "EXISTS", "a42059b356c875f0717db19a51f6aaca9ae659ea"],
    () => ["FLUSHDB"],
    () => ["DBSIZE"],
  ];
}

fuzzMain(import.meta.url, {
  makeGenerators,
  setup: (a, b, r) => randomProtocol(a, b, r),
});
