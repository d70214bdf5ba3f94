// The Lua bodies of the scripting benchmark (bench/functions.ts), shared with bench/executor.ts.

/** The bodies of the scripting benchmark: name, what it does, Lua body (KEYS/ARGV unused). */
export const BODIES: [string, string, string][] = [
  ["return1", "return 1", "return 1"],
  [
    "calls10",
    "10 redis.call on a hash and a sorted set",
    [
      "redis.call('HSET', 'bh', 'f1', '1')",
      "redis.call('HINCRBY', 'bh', 'f2', 1)",
      "redis.call('HGET', 'bh', 'f1')",
      "redis.call('HMGET', 'bh', 'f1', 'f2')",
      "redis.call('HEXISTS', 'bh', 'f3')",
      "redis.call('ZADD', 'bz', 1, 'a', 2, 'b')",
      "redis.call('ZINCRBY', 'bz', 1, 'a')",
      "redis.call('ZSCORE', 'bz', 'a')",
      "redis.call('ZRANGE', 'bz', 0, -1)",
      "return redis.call('ZCARD', 'bz')",
    ].join(" "),
  ],
  [
    "compute",
    "100,000 arithmetic and table operations",
    "local t = {} local s = 0 for i = 1, 100000 do t[i % 100 + 1] = i s = s + (i * 3) % 7 end return s",
  ],
  [
    "cjson",
    "cjson decode + encode of a 10 KB document",
    "local doc = redis.call('GET', 'bdoc') return #cjson.encode(cjson.decode(doc))",
  ],
];
