// Differential fuzzer for Redis Functions: seeded random libraries (shebangs good and bad,
// register_function in both forms with names, flags, descriptions and callbacks of every kind,
// redis.call and globals at load time, load-time errors) sent with FUNCTION LOAD [REPLACE], then
// FCALL/FCALL_RO of what they registered, FUNCTION LIST/DELETE/FLUSH/STATS and RESTORE of bad payloads,
// to a real redis-server and to redlua; replies compared byte for byte. A tool, not a test (it
// needs redis-server): node dist/spec/functions/fuzz-functions.js [SEED] [COMMANDS]
// FUNCTION LIST walks dictionaries Redis seeds at random, so its reply's lines are compared as
// a sorted multiset, and so does the check for a library's functions that exist elsewhere, so
// "Function NAME already exists" is compared without the name. Names that differ only in case
// are not generated: Redis's function table ignores case, and which one FCALL then finds
// depends on that order too.

import { fuzzMain, randomProtocol, type Gen } from "../server/fuzz-driver.js";

const LIBS = ["lib1", "lib2", "lib3"];
const FUNCS = ["f1", "f2", "f3", "g"];

function makeGenerators(r: () => number): Gen[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const maybe = (p: number, s: string): string => (r() < p ? s : "");
  const lib = (): string => pick(LIBS);
  const fname = (): string =>
    r() < 0.85 ? pick(FUNCS) : pick(["f-1", "1f", "", "f.x", "f 1", "_f", "x".repeat(70), "f\x00"]);
  const quote = (s: string): string => JSON.stringify(s).replace(/\\u0000/g, "\\0");
  const shebang = (name: string): string =>
    r() < 0.85
      ? `#!lua name=${name}`
      : pick([
          "#!lua",
          "#!lua name=",
          `#!lua name=${name} foo=bar`,
          `#!lua  name=${name}`,
          `#!python name=${name}`,
          `#!lua name=${name}-x`,
          `#!lua name=${name}.x`,
          "",
          `#!LUA name=${name}`,
          `#!lua name=${name} name=other`,
        ]);
  const flags = (): string =>
    pick([
      "{}",
      "{'no-writes'}",
      "{'allow-oom', 'allow-stale'}",
      "{'no-cluster'}",
      "{'allow-cross-slot-keys'}",
      "{'bad-flag'}",
      "{'no-writes', 'no-writes'}",
      "'no-writes'",
      "{1}",
      "nil",
    ]);
  const body = (): string =>
    pick([
      "return redis.call('INCR', keys[1])",
      "return redis.call('SET', keys[1], args[1] or 'x')",
      "return redis.call('GET', keys[1])",
      "return {keys[1], args[1], #keys, #args}",
      "return redis.pcall('NOSUCH')",
      "error('fail in function')",
      "return {err='my error'}",
      "return redis.setresp(3) or redis.call('HGETALL', keys[1])",
      "return type(redis.call)",
      "return tostring(math.huge)",
      "local t = {} for i = 1, 10 do t[i] = i * 1.5 end return t",
    ]);
  const callback = (): string =>
    r() < 0.85 ? `function(keys, args) ${body()} end` : pick(["nil", "'notafunction'", "42", "{}"]);
  const register = (): string => {
    const name = fname();
    switch (Math.floor(r() * 6)) {
      case 0:
      case 1:
      case 2:
        return `redis.register_function(${quote(name)}, ${callback()})`;
      case 3:
        return (
          `redis.register_function{function_name=${quote(name)}, callback=${callback()}` +
          `${maybe(0.6, `, flags=${flags()}`)}${maybe(0.3, `, description=${pick(["'a description'", "42", "{}", "nil"])}`)}}`
        );
      case 4:
        return pick([
          "redis.register_function()",
          "redis.register_function('f1')",
          "redis.register_function('f1', function() end, 'extra')",
          "redis.register_function{callback=function() return 1 end}",
          "redis.register_function{function_name='f1'}",
          "redis.register_function{function_name='f1', callback=function() return 1 end, bogus=1}",
          "redis.register_function{function_name=1, callback=function() return 1 end}",
          "redis.register_function('f1', function() return 1 end) redis.register_function('f1', function() return 2 end)",
        ]);
      default:
        // what a library may and may not do at load time
        return pick([
          "redis.call('SET', 'x', 'y')",
          "redis.log(redis.LOG_NOTICE, 'loading')",
          "local x = math.floor(1.5)",
          "local s = string.format('%d', 3)",
          "os.time()",
          "print('x')",
          "redis.setresp(3)",
          "x = 1",
          "local v = redis.REDIS_VERSION",
          "error('load failed')",
          "error({err='table error'})",
          "return 5",
          "cjson.encode({})",
          "redis.sha1hex('x')",
          "local a = loadstring('return 1')",
        ]);
    }
  };
  const code = (name: string): string => {
    const n = 1 + Math.floor(r() * 3);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(register());
    return `${shebang(name)}\n${parts.join("\n")}`;
  };
  const keysArgs = (): string[] => {
    const numkeys = pick(["0", "1", "1", "2", "-1", "x", "5"]);
    return [numkeys, "k1", "a1", "a2"];
  };
  return [
    () => ["FUNCTION", "LOAD", code(lib())],
    () => ["FUNCTION", "LOAD", code(lib())],
    () => ["FUNCTION", "LOAD", "REPLACE", code(lib())],
    () => ["FUNCTION", "LOAD", pick(["replace", "REPLACE"]), code(lib())],
    () => ["FUNCTION", "LOAD", "BOGUS", code(lib())],
    () => ["FCALL", fname(), ...keysArgs()],
    () => ["FCALL", fname(), ...keysArgs()],
    () => ["FCALL_RO", fname(), ...keysArgs()],
    () => ["FUNCTION", "DELETE", pick([...LIBS, "nosuch"])],
    () => [
      "FUNCTION",
      "LIST",
      ...(r() < 0.5 ? ["LIBRARYNAME", pick(["lib1", "lib*", "*", "nosuch"])] : []),
      ...(r() < 0.5 ? ["WITHCODE"] : []),
    ],
    () => ["FUNCTION", "LIST", pick(["LIBRARYNAME", "WITHCODE WITHCODE", "BOGUS"])],
    () => ["FUNCTION", "STATS"],
    () => ["FUNCTION", "FLUSH", ...(r() < 0.5 ? [pick(["ASYNC", "SYNC", "BOGUS"])] : [])],
    () => [
      "FUNCTION",
      "RESTORE",
      "\x00garbage",
      ...(r() < 0.5 ? [pick(["FLUSH", "APPEND", "REPLACE", "BOGUS"])] : []),
    ],
    () => ["GET", "k1"],
    () => ["DEL", "k1"],
    () => ["HSET", "k1", "f", "v"],
  ];
}

/** A reply's lines sorted (the order of FUNCTION LIST's entries is Redis's dict order). */
function sortedLines(reply: string): string {
  return reply.split("\r\n").sort().join("\r\n");
}

fuzzMain(import.meta.url, {
  makeGenerators,
  setup: (a, b, r) => randomProtocol(a, b, r),
  normalize(cmd, reply) {
    if (cmd[0] === "FUNCTION" && cmd[1] === "LIST") return sortedLines(reply);
    // which of a library's functions is found first walks a dict Redis seeds at random
    return reply.replace(/^-ERR Function \S* already exists\r\n$/, "-ERR Function <name> already exists\r\n");
  },
  clip: true,
});
