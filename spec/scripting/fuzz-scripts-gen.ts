// The case generator of the scripting fuzzer (fuzz-scripts.ts): from a seeded generator, one
// script with its KEYS, ARGV and the data commands to run before it. Weighted toward what real
// scripts do (locks, rate limiters, BullMQ-style job queues with cmsgpack/cjson arguments) and
// toward the conversions between Lua and replies, errors, and Redis's Lua libraries.
// Deterministic only: no TIME, RANDOMKEY, SPOP, math.random, tostring of tables or functions,
// nor replies in the order of Redis's seeded hash tables (sets hold integers or are dumped
// sorted). Never error() with a table lacking a string err: that crashes redis-server 7.0.15.
// Commands redlua doesn't have (DUMP, HyperLogLog, GEO, LCS) are left out.

export interface Case {
  /** data commands run before the script (their replies are compared too) */
  setup: string[][];
  script: string;
  /** the EVAL arguments after the script: numkeys, keys, args */
  args: string[];
  /** the script changes state kept between scripts (cjson settings): SCRIPT FLUSH after it */
  flushScripts: boolean;
  /** run with EVAL_RO (FCALL_RO of a no-writes function) */
  readOnly?: boolean;
}

type R = () => number;

/** A Lua string literal of a latin1 byte string. */
export function luaQuote(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (c < 32 || c > 126) out += "\\" + String(c).padStart(3, "0");
    else out += ch;
  }
  return out + "'";
}

const NUMBERS = [
  "0",
  "1",
  "-1",
  "42",
  "-42",
  "3.0",
  "3.5",
  "-3.5",
  "0.5",
  "-0.5",
  "0.1",
  "1e15",
  "1e16",
  "-1e16",
  "2^31",
  "2^32",
  "2^53",
  "2^53+1",
  "2^63",
  "-2^63",
  "2^64",
  "1e100",
  "1e308",
  "-1e308",
  "1/0",
  "-1/0",
  "0/0",
  "-0",
  "0.1+0.2",
  "123456789.123",
  "1e-5",
  "5e-324",
  "math.huge",
  "-math.huge",
  "100/3",
  "7/2",
  "9007199254740993",
  "0x10",
  "1e2",
  "-2^31",
  "2^31-1",
  "4294967295",
  "255",
];

const STRINGS = [
  "",
  "a",
  "hello",
  "OK",
  "ERR",
  "10",
  "-5",
  "3.14",
  " 7",
  "7 ",
  "0x1F",
  "1e3",
  "inf",
  "-inf",
  "nan",
  "a b",
  "a\nb",
  "\r\n",
  "\0",
  "a\0b",
  "\xff\xfe",
  "\xc3\xa9",
  '{"a":1}',
  "[1,2]",
  "-",
  "+",
  "x".repeat(40),
  "MYERR custom",
  "-ERR dash",
  "12345678901234567890",
  "0",
  "-0",
  "1.0",
  "00",
];

const JSON_TEXTS = [
  "{}",
  "[]",
  "null",
  "true",
  "false",
  "0",
  "-0",
  "1",
  "-1",
  "1.5",
  "1e2",
  "1E-2",
  "-1.5e+3",
  "123456789012345678",
  "1e400",
  "-1e400",
  "0.1",
  '"str"',
  '""',
  '"\\u00e9"',
  '"\\ud83d\\ude00"',
  '"\\n\\t\\"\\\\\\/"',
  '"\\u0000"',
  "[1,2,3]",
  "[null,1]",
  "[1,null]",
  "[[],[[]]]",
  '{"a":null}',
  '{"a":[1,{"b":2}]}',
  '{"1":"x","2":"y"}',
  '{"a":1,"a":2}',
  "[1,2,]",
  "{",
  "[",
  "}",
  "",
  "nul",
  "tru",
  "01",
  "1.",
  ".5",
  "+1",
  "-",
  '"unterminated',
  "[1 2]",
  '{"a" 1}',
  "{1:2}",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  '"\\x41"',
  '"\\u12"',
  "  [1]  ",
  "[1] x",
  '"\x01"',
  "[".repeat(5) + "]".repeat(5),
  "[".repeat(1001) + "]".repeat(1001),
  '{"k":[true,false,null]}',
  "1e-400",
  "2e308",
  "-0.0",
  "[0.1,1.25,1e20,1e21,123456789012]",
];

const STRUCT_FORMATS = [
  "b",
  "B",
  "h",
  "H",
  "i",
  "I",
  "l",
  "L",
  "T",
  "f",
  "d",
  ">i4",
  "<i4",
  "!4i4",
  "i8",
  "I3",
  ">I2",
  "c5",
  "s",
  "bc0",
  "x",
  "c",
  "i9",
  "i0",
  "z",
  "<h>h",
  "=i",
  "!i",
  "!16d",
  "Bc0B",
  "d>d",
  "  i ",
];

const BIT_VALUES = [
  "0",
  "1",
  "-1",
  "2^31",
  "2^32",
  "2^31-1",
  "-2^31",
  "2^53",
  "0xffffffff",
  "0x7fffffff",
  "1.5",
  "-1.5",
  "2^52+0.5",
  "1e20",
  "0/0",
  "1/0",
  "'12'",
  "'0x10'",
  "3",
  "31",
  "32",
  "33",
  "-3",
];

const SET_INTS = ["1", "2", "3", "10", "-5", "100", "7"];

/** A deterministic picture of any value (keys sorted), put first in scripts that call dump(). */
const DUMP =
  "local function dump(v) local t = type(v) if t == 'table' then local ks = {} for k in pairs(v) do ks[#ks + 1] = k end " +
  "table.sort(ks, function(a, b) return type(a) .. tostring(a) < type(b) .. tostring(b) end) local out = {} " +
  "for _, k in ipairs(ks) do out[#out + 1] = dump(k) .. '=' .. dump(v[k]) end return '{' .. table.concat(out, ',') .. '}' " +
  "elseif t == 'string' then return string.format('%q', v) else return tostring(v) end end";

/** Case K's script: one of the kinds below, with the dump() helper on a first line if it calls it. */
export function generateCase(r: R): Case {
  const c = pickKind(r);
  if (c.script.includes("dump(")) c.script = `${DUMP}\n${c.script}`;
  return c;
}

function pickKind(r: R): Case {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const chance = (p: number): boolean => r() < p;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const many = <T>(lo: number, hi: number, f: () => T): T[] => Array.from({ length: int(lo, hi) }, f);

  const randomBytes = (): string =>
    String.fromCharCode(...many(0, 6, () => (chance(0.5) ? int(0, 255) : int(97, 100))));
  const str = (): string => (chance(0.85) ? pick(STRINGS) : randomBytes());
  const num = (): string => pick(NUMBERS);
  const keyName = (): string => pick(["str", "num", "flt", "h", "l", "si", "ss", "z", "x", "missing"]);

  // ---- the data a case starts with
  const setup = (): string[][] => {
    const out: string[][] = [];
    if (chance(0.8)) out.push(["SET", "str", pick(["hello", "", "a\0b", "\xff", "abc"])]);
    if (chance(0.8)) out.push(["SET", "num", pick(["10", "-3", "0", "9223372036854775807", "007"])]);
    if (chance(0.5)) out.push(["SET", "flt", pick(["3.5", "1e3", "-0.25", "10.0", "abc"])]);
    if (chance(0.7))
      out.push(["HSET", "h", ...many(1, 4, () => [pick(["f1", "f2", "f3", "", "1"]), str()]).flat()]);
    if (chance(0.7)) out.push(["RPUSH", "l", ...many(1, 5, str)]);
    if (chance(0.5)) out.push(["SADD", "si", ...many(1, 5, () => pick(SET_INTS))]);
    if (chance(0.4)) out.push(["SADD", "ss", ...many(1, 4, () => pick(["a", "b", "c", "x y", "\0"]))]);
    if (chance(0.7)) {
      const members = many(1, 4, () => [
        pick(["1", "2.5", "-1", "0", "-inf", "+inf", "1e3", "0.1", "3"]),
        pick(["a", "b", "c", "m\0", ""]),
      ]);
      out.push(["ZADD", "z", ...members.flat()]);
    }
    if (chance(0.4)) {
      out.push(["XADD", "x", "1-1", "f", str()]);
      if (chance(0.6)) out.push(["XADD", "x", "2-0", "a", "1", "b", str()]);
    }
    return out;
  };

  // ---- Lua expressions of values (for returns, cjson, cmsgpack)
  const scalar = (): string => {
    const w = r();
    if (w < 0.35) return num();
    if (w < 0.7) return luaQuote(str());
    if (w < 0.8) return pick(["true", "false"]);
    if (w < 0.88) return "nil";
    if (w < 0.94) return pick(["KEYS[1]", "ARGV[1]", "ARGV[2]", "#ARGV", "#KEYS"]);
    return pick([
      "cjson.null",
      "redis.REDIS_VERSION_NUM",
      "redis.REDIS_VERSION",
      "tostring(" + num() + ")",
      "redis.acl_check_cmd('get', 'k')",
      "redis.replicate_commands()",
      "redis.set_repl(redis.REPL_ALL)",
      "redis.breakpoint()",
      "redis.debug('x')",
      "redis.log(redis.LOG_DEBUG, 'fuzz')",
      "redis.REPL_ALL",
    ]);
  };
  const value = (d: number): string => {
    if (d <= 0 || chance(0.4)) return scalar();
    const w = r();
    const items = (): string[] => many(0, 4, () => value(d - 1));
    if (w < 0.3) return `{${items().join(", ")}}`;
    if (w < 0.4) {
      const fields = many(1, 3, () => `${pick(["a", "b", "x", "ok1", "_"])} = ${value(d - 1)}`);
      return `{${[...items(), ...fields].join(", ")}}`;
    }
    if (w < 0.47)
      return `{${many(1, 3, () => `[${pick(["1", "2", "3", "5", "1.5", "-1", "0", "true", "'1'"])}] = ${value(d - 1)}`).join(", ")}}`;
    if (w < 0.55) return `{ok = ${chance(0.7) ? luaQuote(str()) : value(d - 1)}}`;
    if (w < 0.63) return `{err = ${chance(0.7) ? luaQuote(str()) : value(d - 1)}}`;
    if (w < 0.67) return `redis.status_reply(${chance(0.8) ? luaQuote(str()) : scalar()})`;
    if (w < 0.71) return `redis.error_reply(${chance(0.8) ? luaQuote(str()) : scalar()})`;
    if (w < 0.76) {
      const key = (): string =>
        chance(0.7) ? luaQuote(pick(["a", "b", "c", "1", ""])) : pick([num(), "true", "false", "1.5", "2"]);
      const kv = many(0, 3, () => `[${key()}] = ${value(d - 1)}`);
      return `{map = {${kv.join(", ")}}}`;
    }
    if (w < 0.8) {
      const member = (): string =>
        chance(0.7) ? luaQuote(pick(["a", "b", "c", "1"])) : pick(["1", "2.5", "true", "-3"]);
      return `{set = {${many(0, 3, () => `[${member()}] = ${pick(["true", "false", "1", "'x'"])}`).join(", ")}}}`;
    }
    if (w < 0.84) return `{double = ${chance(0.8) ? num() : luaQuote(str())}}`;
    if (w < 0.87)
      return `{big_number = ${chance(0.8) ? luaQuote(pick(["123", "-99999999999999999999", "1.5", "", "abc", "1\r\n"])) : num()}}`;
    if (w < 0.9)
      return `{verbatim_string = {format = ${luaQuote(pick(["txt", "mkd", "ab", "toolong", ""]))}, string = ${luaQuote(str())}}}`;
    if (w < 0.94) return `{${value(d - 1)}, nil, ${value(d - 1)}}`;
    return `setmetatable({${items().join(", ")}}, {__index = function() return 1 end})`;
  };

  // ---- redis.call of commands returning each reply type
  const numArg = (): string =>
    pick([
      "'1'",
      "'-1'",
      "'0'",
      "'2'",
      "'abc'",
      "'1.5'",
      "'100'",
      "1",
      "2.5",
      "0.1",
      "1e15",
      "2^53",
      "'9223372036854775807'",
      "'9223372036854775808'",
      "'-inf'",
    ]);
  const anyArg = (): string =>
    chance(0.7) ? luaQuote(str()) : pick([num(), "true", "false", "{}", "nil", "{1}", "KEYS[1]", "ARGV[1]"]);
  const k = (): string => luaQuote(keyName());
  const commands: (() => string)[] = [
    () => `'get', ${k()}`,
    () => `'set', ${k()}, ${anyArg()}`,
    () => `'set', 'lock', ${luaQuote(str())}, 'NX', 'PX', ${numArg()}`,
    () =>
      `'set', ${k()}, 'v', ${pick(["'XX'", "'NX'", "'GET'", "'KEEPTTL'", "'EX', 0", "'EX', 'x'", "'PX', 100"])}`,
    () => `'incr', ${k()}`,
    () => `'incrby', ${k()}, ${numArg()}`,
    () => `'incrbyfloat', ${k()}, ${numArg()}`,
    () => `'decr', ${k()}`,
    () => `'append', ${k()}, ${anyArg()}`,
    () => `'strlen', ${k()}`,
    () => `'getrange', ${k()}, ${numArg()}, ${numArg()}`,
    () => `'mget', ${k()}, ${k()}, ${k()}`,
    () => `'exists', ${k()}, ${k()}`,
    () => `'del', ${k()}`,
    () => `'type', ${k()}`,
    () => `'ping'`,
    () => `'ping', ${anyArg()}`,
    () => `'echo', ${anyArg()}`,
    () => `'expire', ${k()}, ${numArg()}`,
    () => `'ttl', ${k()}`,
    () => `'pttl', ${k()}`,
    () => `'hgetall', 'h'`,
    () => `'hget', ${k()}, ${luaQuote(pick(["f1", "f2", "nope", ""]))}`,
    () => `'hmget', 'h', 'f1', 'nope', 'f2'`,
    () => `'hset', ${k()}, 'f1', ${anyArg()}`,
    () => `'hincrby', 'h', ${luaQuote(pick(["f1", "f2", "n"]))}, ${numArg()}`,
    () => `'hincrbyfloat', 'h', ${luaQuote(pick(["f1", "n"]))}, ${numArg()}`,
    () => `'hkeys', 'h'`,
    () => `'hvals', 'h'`,
    () => `'hlen', ${k()}`,
    () => `'hexists', 'h', 'f1'`,
    () => `'lrange', ${k()}, ${numArg()}, ${numArg()}`,
    () => `'lrange', 'l', 0, -1`,
    () => `'lpop', ${k()}${chance(0.5) ? ", " + numArg() : ""}`,
    () => `'rpush', ${k()}, ${anyArg()}, ${anyArg()}`,
    () => `'lindex', 'l', ${numArg()}`,
    () => `'lpos', 'l', ${luaQuote(str())}`,
    () => `'llen', ${k()}`,
    () => `'smembers', 'si'`,
    () => `'sismember', ${k()}, ${luaQuote(pick(SET_INTS))}`,
    () => `'smismember', 'si', '1', '2', 'nope'`,
    () => `'scard', ${k()}`,
    () => `'sadd', ${k()}, ${anyArg()}`,
    () => `'zscore', 'z', ${luaQuote(pick(["a", "b", "c", "nope"]))}`,
    () => `'zmscore', 'z', 'a', 'nope', 'b'`,
    () => `'zrange', 'z', 0, -1${chance(0.6) ? ", 'WITHSCORES'" : ""}`,
    () =>
      `'zrangebyscore', 'z', ${pick(["'-inf'", "'(0'", "0", "'x'"])}, '+inf', ${pick(["'WITHSCORES'", "'LIMIT', 0, 2", "'WITHSCORES', 'LIMIT', 1, 1"])}`,
    () => `'zadd', ${k()}, ${numArg()}, ${anyArg()}`,
    () => `'zincrby', 'z', ${numArg()}, 'a'`,
    () => `'zrank', 'z', ${luaQuote(pick(["a", "b", "nope"]))}`,
    () => `'zpopmin', 'z'${chance(0.5) ? ", " + numArg() : ""}`,
    () => `'zcard', ${k()}`,
    () =>
      `'config', 'get', ${luaQuote(pick(["maxmemory", "timeout", "hash-max-listpack-entries", "appendonly", "nosuch"]))}`,
    () => `'xrange', 'x', '-', '+'`,
    () => `'xlen', ${k()}`,
    () => `'xadd', 'x', ${luaQuote(pick(["3-0", "1-1", "0-0", "bad"]))}, 'f', ${anyArg()}`,
    () => `'object', 'encoding', ${k()}`,
    () =>
      `'debug', 'protocol', ${luaQuote(pick(["string", "integer", "double", "bignum", "null", "array", "map", "attrib", "verbatim", "true", "false", "nosuch"]))}`,
    () => `'xinfo', 'stream', 'x'`,
    () =>
      `'xread', 'COUNT', ${pick(["1", "2", "'x'", "-1"])}, 'STREAMS', 'x', ${pick(["'0'", "'1-1'", "'$'", "'bad'"])}`,
    () => `'xrevrange', 'x', '+', '-', 'COUNT', ${numArg()}`,
    () => `'zunion', 2, 'z', ${k()}, 'WITHSCORES'${chance(0.3) ? ", 'AGGREGATE', 'MAX'" : ""}`,
    () => `'zrangestore', 'dst', 'z', 0, -1`,
    () =>
      `'zrange', 'z', ${pick(["'(1'", "'-inf'", "0"])}, ${pick(["'+inf'", "'(3'", "5"])}, 'BYSCORE', ${pick(["'WITHSCORES'", "'REV'", "'LIMIT', 0, 1"])}`,
    () => `'zrandmember', 'z', 0`,
    () => `'sort', ${k()}${chance(0.5) ? ", 'ALPHA'" : ""}${chance(0.3) ? ", 'DESC'" : ""}`,
    () => `'getex', ${k()}, ${pick(["'PERSIST'", "'EX', 100", "'PX', 'x'"])}`,
    () => `'hscan', 'h', 0`,
    () => `'sscan', 'si', 0`,
    () => `'zscan', 'z', 0`,
    () => `'copy', ${k()}, 'dst'${chance(0.3) ? ", 'REPLACE'" : ""}`,
    () => `'rename', ${k()}, 'dst'`,
    () => `'setrange', ${k()}, ${numArg()}, ${anyArg()}`,
    () => `'getset', ${k()}, ${anyArg()}`,
    () => `'msetnx', 'a1', ${anyArg()}, 'a2', 'x'`,
    () => `'lmpop', 2, 'l', 'nope', ${pick(["'LEFT'", "'RIGHT'", "'UP'"])}, 'COUNT', ${numArg()}`,
    () => `'zmpop', 1, 'z', ${pick(["'MIN'", "'MAX'"])}`,
    () => `'hstrlen', 'h', 'f1'`,
    () => `'bitcount', ${k()}`,
    () => `'setbit', ${k()}, ${numArg()}, 1`,
    () => `'select', ${numArg()}`,
    () => `'xinfo', 'stream', 'x', 'FULL'`,
    () =>
      `'xgroup', 'create', 'x', 'g', ${pick(["'0'", "'$'", "'bad'"])}${chance(0.3) ? ", 'MKSTREAM'" : ""}`,
    () => `'xreadgroup', 'GROUP', 'g', 'c', 'STREAMS', 'x', '>'`,
    () => `'xpending', 'x', 'g'`,
    () =>
      `'object', ${pick(["'help'", "'freq', 'str'", "'refcount', 'str'", "'encoding', 'si'", "'encoding', 'z'"])}`,
    () => `'config', 'help'`,
    () => `'sintercard', 2, 'si', ${k()}${chance(0.5) ? ", 'LIMIT', " + numArg() : ""}`,
    () => `'zinter', 2, 'z', ${k()}, 'WITHSCORES'`,
    () => `'zdiff', 2, 'z', ${k()}, 'WITHSCORES'`,
    () => `'getdel', ${k()}`,
    () =>
      `'lpos', 'l', ${luaQuote(str())}, ${pick(["'RANK', -1", "'COUNT', 0", "'MAXLEN', 1", "'RANK', 0"])}`,
    () => `'setex', ${k()}, ${numArg()}, 'v'`,
    () => `'expiretime', ${k()}`,
    () => `'persist', ${k()}`,
    () =>
      `'set', 'n', ${pick(["1e100", "0.1", "-0", "1/0", "0/0", "2^63", "123456789012345678", "1e-300", "3.0", "-2.5"])}`,
    () => `'exists'`,
    () => `'get'`,
    () => `'get', 'a', 'b'`,
    () => `'nosuchcommand', 'x'`,
    () => `${luaQuote(pick(["GeT", "", "eval", "multi", "subscribe", "client"]))}, 'x'`,
    () => `'incr', 'str'`,
    () => `'lpush', 'str', 'x'`,
    () => `'hget', 'l', 'f'`,
  ];
  const command = (): string => pick(commands)();

  const inspections = [
    (v: string) => v,
    (v: string) => `{type(${v}), ${v}}`,
    (v: string) => `dump(${v})`,
    (v: string) => `type(${v}) == 'table' and #${v} or ${v}`,
    (v: string) => `type(${v}) ~= 'table' and tostring(${v}) or dump(${v})`,
    (v: string) => `cjson.encode(${v})`,
    (v: string) =>
      `type(${v}) == 'table' and (${v}.ok or ${v}.err or ${v}.double or ${v}.big_number or dump(${v})) or ${v}`,
    (v: string) => `{${v}}`,
    (v: string) => `type(${v}) == 'table' and {${v}[1], ${v}[2], ${v}[3]} or ${v}`,
    (v: string) => `type(${v}) == 'number' and {${v} + 0.5, ${v} * 2, ${v} .. ''} or dump(${v})`,
    (v: string) => `type(${v}) == 'table' and ${v}.map and dump(${v}.map) or dump(${v})`,
    (v: string) =>
      `type(${v}) == 'table' and ${v}.double and {tostring(${v}.double), math.floor(${v}.double)} or dump(${v})`,
  ];
  const inspect = (v: string): string => pick(inspections)(v);

  const resp3 = (): string => (chance(0.4) ? "redis.setresp(3)" : "");
  const numkeys = (keys: string[], argv: string[]): string[] => [String(keys.length), ...keys, ...argv];

  // ---- case kinds
  const returnValue = (): Case => ({
    setup: [],
    script: [resp3(), `return ${value(3)}`].filter((l) => l !== "").join("\n"),
    args: numkeys(["k1"], many(0, 3, str)),
    flushScripts: false,
  });

  const callInspect = (): Case => {
    const call = chance(0.75) ? "redis.call" : "redis.pcall";
    const lines = [resp3()];
    if (chance(0.3)) lines.push(`redis.pcall(${command()})`);
    lines.push(`local r = ${call}(${command()})`);
    lines.push(`return ${inspect("r")}`);
    return {
      setup: setup(),
      script: lines.filter((l) => l !== "").join("\n"),
      args: numkeys([], []),
      flushScripts: false,
    };
  };

  const errorValue = (): string =>
    pick([
      luaQuote(str()),
      num(),
      "nil",
      "true",
      `{err = ${luaQuote(str())}}`,
      `redis.error_reply(${luaQuote(str())})`,
      `{err = ${luaQuote(str())}, ignore_error_stats_update = true}`,
    ]);
  const raising = (): string =>
    pick([
      () => `error(${errorValue()}${chance(0.3) ? ", " + pick(["0", "1", "2", "3"]) : ""})`,
      () => `redis.call(${command()})`,
      () => "local t = nil; local x = t.field",
      () => "local x = 1 + {}",
      () => "local x = 'a' .. {}",
      () => "local x = #5",
      () => "local x = nil; x()",
      () => "undefined_function()",
      () => "local x = ('x'):bad()",
      () => "string.rep()",
      () => "local x = math.floor('a')",
      () => "x_global = 1",
      () => "local x = undefined_global.y",
      () => "redis.setresp(4)",
      () => "redis.setresp()",
      () => "redis.status_reply()",
      () => "redis.call()",
      () => "redis.call({})",
      () => "redis.pcall()",
      () => "redis.sha1hex()",
      () => "cjson.decode('{')",
      () => `cmsgpack.unpack(${luaQuote(randomBytes())})`,
      () => "table.insert(nil, 1)",
      () => "setmetatable(_G, nil)",
      () => "redis.set_repl(99)",
      () => "redis.log(redis.LOG_WARNING)",
      () => `redis.acl_check_cmd(${pick(["", "'get'", "'nosuch'", "{}", "'set', 'k'"])})`,
      () => `redis.set_repl(${pick(["", "redis.REPL_ALL", "-1", "'x'", "1, 2"])})`,
      () => `redis.log(${pick(["'x', 'y'", "99, 'y'", "redis.LOG_DEBUG, {}", "-1, 'a'"])})`,
      () => `assert(${pick(["false", "nil", "false, 'assert msg'", "nil, 42"])})`,
      () => "tostring()",
      () => "local s = string.format('%d', 'x')",
      () => "for i = 1, 'x' do end",
    ])();
  const errors = (): Case => {
    const lines = [resp3()];
    const w = r();
    if (w < 0.35) {
      // raise at the top level, on a random line
      lines.push(...many(0, 2, () => "local pad = 1"));
      lines.push(raising());
      lines.push("return 'not reached'");
    } else if (w < 0.65) {
      // caught: pcall / redis.pcall / xpcall and their values
      const catcher = pick([
        () =>
          `local ok, e = pcall(function() ${raising()} end)\nreturn {tostring(ok), type(e), type(e) == 'table' and dump(e) or e}`,
        () => `local ok, e = pcall(function() ${raising()} end)\nreturn e`,
        () => `local r = redis.pcall(${command()})\nreturn ${inspect("r")}`,
        () => `local r = redis.pcall(${command()})\nreturn {type(r), type(r) == 'table' and r.err or 'no'}`,
        () => `local ok, e = pcall(redis.call, ${command()})\nreturn {tostring(ok), dump(e)}`,
        () =>
          `return {xpcall(function() ${raising()} end, function(e) return type(e) == 'table' and dump(e) or 'handled: ' .. tostring(e) end)}`,
        () =>
          `local ok, e = pcall(function()\n  local ok2, e2 = pcall(function() ${raising()} end)\n  error(e2)\nend)\nreturn {tostring(ok), type(e) == 'table' and dump(e) or e}`,
        () =>
          `local ok, e = pcall(function() ${raising()} end)\nif not ok then error(e) end\nreturn 'no error'`,
      ]);
      lines.push(catcher());
    } else if (w < 0.8) {
      // compile errors
      lines.length = 0;
      lines.push(
        pick([
          "return 1 +",
          "local x = = 1",
          "return {",
          "if true then",
          "return 'unterminated",
          "return [[long",
          "x = }",
          "local function f( return end",
          "return 1\nreturn 2",
          "goto label",
          "local t = {1, 2\nreturn t",
          "return '\\999'",
          "break",
          "return ...",
          "local a <const> = 1",
          "return 0x",
          "return 1e",
          "f(\n)",
        ]),
      );
    } else {
      // the error of a failed redis.call reaching the client, after other calls
      if (chance(0.5)) lines.push(`redis.call(${command()})`);
      lines.push(`redis.call(${pick(commands.slice(-8))()})`);
      lines.push("return 'after'");
    }
    return {
      setup: setup(),
      script: lines.filter((l) => l !== "").join("\n"),
      args: numkeys([], []),
      flushScripts: false,
    };
  };

  const jsonConfig = (): string =>
    pick([
      `cjson.encode_sparse_array(${pick(["true", "false", "true, 2", "true, 1, 1", "false, 0"])})`,
      `cjson.encode_max_depth(${pick(["1", "2", "5", "1000"])})`,
      `cjson.decode_max_depth(${pick(["1", "2", "5", "1000"])})`,
      `cjson.encode_number_precision(${pick(["1", "3", "14", "16"])})`,
      `cjson.encode_invalid_numbers(${pick(["true", "false", "'null'"])})`,
      `cjson.decode_invalid_numbers(${pick(["true", "false"])})`,
      `cjson.encode_keep_buffer(${pick(["true", "false"])})`,
    ]);
  const structArg = (): string =>
    pick([
      "1",
      "-1",
      "255",
      "256",
      "65535",
      "-32769",
      "2^31",
      "2^32",
      "2^53",
      "1.5",
      "-0.5",
      "'ab'",
      "'abcdef'",
      "''",
      "1e300",
      "0/0",
    ]);
  const structFmt = (): string => pick(STRUCT_FORMATS) + (chance(0.3) ? pick(STRUCT_FORMATS) : "");
  const libraries = (): Case => {
    let flushScripts = false;
    const lines: string[] = [];
    const w = r();
    if (w < 0.25) {
      if (chance(0.2)) {
        lines.push(jsonConfig());
        flushScripts = true;
      }
      const enc = `cjson.encode(${value(3)})`;
      lines.push(`local ok, s = pcall(function() return ${enc} end)\nreturn {tostring(ok), s}`);
    } else if (w < 0.5) {
      if (chance(0.15)) {
        lines.push(jsonConfig());
        flushScripts = true;
      }
      const text = chance(0.85)
        ? pick(JSON_TEXTS)
        : `[${many(0, 4, () => pick(JSON_TEXTS.slice(0, 30))).join(",")}]`;
      lines.push(`local ok, v = pcall(cjson.decode, ${luaQuote(text)})`);
      lines.push(
        pick([
          "return {tostring(ok), type(v) == 'table' and dump(v) or tostring(v)}",
          "if not ok then return v end\nreturn cjson.encode(v)",
          "return {tostring(ok), v == cjson.null and 'null' or type(v)}",
          "if not ok then error(v) end\nreturn v",
        ]),
      );
    } else if (w < 0.68) {
      lines.push(
        pick([
          () =>
            `local p = cmsgpack.pack(${many(1, 3, () => value(2)).join(", ")})\nreturn {p, dump({cmsgpack.unpack(p)})}`,
          () =>
            `local ok, v = pcall(function() return {cmsgpack.unpack(${luaQuote(randomBytes() + msgpackBytes(r))})} end)\nreturn {tostring(ok), type(v) == 'table' and dump(v) or v}`,
          () => `return dump({pcall(cmsgpack.unpack, ARGV[1])})`,
          () => `return cmsgpack.pack(${value(2)})`,
          () => `return {cmsgpack.unpack_one(cmsgpack.pack(1, 'a', {2}), ${pick(["0", "1", "-1", "5"])})}`,
          () =>
            `return dump({pcall(cmsgpack.unpack_limit, cmsgpack.pack(1, 2, 3), ${pick(["0", "1", "2", "-1"])}, ${pick(["0", "1", "3", "-2"])})})`,
        ])(),
      );
    } else if (w < 0.8) {
      const fmt = structFmt();
      lines.push(
        pick([
          () =>
            `local ok, p = pcall(struct.pack, ${luaQuote(fmt)}, ${many(0, 3, structArg).join(", ")})\nreturn {tostring(ok), p}`,
          () =>
            `return dump({pcall(struct.unpack, ${luaQuote(fmt)}, ${luaQuote(randomBytes() + randomBytes())}${chance(0.3) ? ", " + pick(["1", "2", "0", "-1", "10"]) : ""})})`,
          () => `return dump({pcall(struct.size, ${luaQuote(fmt)})})`,
          () =>
            `local ok, p = pcall(struct.pack, ${luaQuote(fmt)}, ${many(1, 3, structArg).join(", ")})\nif not ok then return p end\nreturn dump({struct.unpack(${luaQuote(fmt)}, p)})`,
        ])(),
      );
    } else if (w < 0.92) {
      const f = pick([
        "tobit",
        "tohex",
        "bnot",
        "band",
        "bor",
        "bxor",
        "lshift",
        "rshift",
        "arshift",
        "rol",
        "ror",
        "bswap",
      ]);
      const args = many(
        f === "bnot" || f === "bswap" || f === "tobit" ? 1 : 2,
        f.startsWith("b") && f !== "bnot" && f !== "bswap" ? 3 : 2,
        () => pick(BIT_VALUES),
      );
      lines.push(`return dump({pcall(bit.${f}, ${args.join(", ")})})`);
    } else {
      lines.push(
        pick([
          () => `return redis.sha1hex(${luaQuote(str())})`,
          () => `return dump({pcall(redis.sha1hex, ${scalar()})})`,
          () => `return {tostring(${num()}), tostring(tonumber(${luaQuote(str())}))}`,
          () =>
            `return dump({tonumber(${luaQuote(pick(["10", "0x10", "1e1", " 5 ", "5x", "ff", "z", "1.5", "-0"]))}, ${pick(["10", "16", "2", "36", "nil"])})})`,
          () =>
            `return string.format(${luaQuote(pick(["%d", "%5.2f", "%g", "%s", "%q", "%x", "%.3s", "%i", "%c", "%e"]))}, ${scalar()})`,
          () => `return {${num()} .. '', math.floor(${num()}), ${num()} % 3}`,
        ])(),
      );
    }
    return {
      setup: [],
      script: lines.filter((l) => l !== "").join("\n"),
      args: numkeys(["k"], [msgpackBytes(r)]),
      flushScripts,
    };
  };

  const argBytes = (): string => pick([str(), randomBytes(), "", "0", "-1", "1.5", "1e2", " 3", "0x10"]);
  const argumentsCase = (): Case => {
    const keys = many(0, 3, argBytes);
    const argv = many(0, 3, argBytes);
    const body = pick([
      "return {KEYS[1], ARGV[1], #KEYS, #ARGV}",
      "return {tonumber(ARGV[1]), tonumber(KEYS[1])}",
      "return redis.call('set', KEYS[1] or 'k', ARGV[1] or 'v')",
      "return redis.call('incrby', 'n', ARGV[1] or 0)",
      "return {type(KEYS), type(ARGV), KEYS[0], ARGV[-1]}",
      "local out = {} for i, v in ipairs(ARGV) do out[i] = #v end return out",
      "return table.concat(KEYS, ',') .. '|' .. table.concat(ARGV, ',')",
      "return {string.byte(ARGV[1] or '', 1, -1)}",
      "return cjson.encode({KEYS, ARGV})",
      "return dump({tonumber(ARGV[1]), ARGV[1] and ARGV[1] + 0})",
    ]);
    const n = chance(0.85)
      ? String(keys.length)
      : pick([
          "-1",
          "x",
          String(keys.length + argv.length + 1),
          "1.5",
          "",
          " 1",
          "01",
          "9999999999999999999",
        ]);
    return { setup: [], script: body, args: [n, ...keys, ...argv], flushScripts: false };
  };

  // ---- real-world shapes: locks, rate limiters, queues
  const realWorld = (): Case => {
    const lines: string[] = [];
    const key = pick(["lock", "rl", "q", "str", "h", "z"]);
    const body = pick([
      // lock acquire / release / extend
      "if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end\nreturn 0",
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end\nreturn false",
      // fixed-window rate limiter
      "local n = redis.call('incr', KEYS[1])\nif n == 1 then redis.call('expire', KEYS[1], ARGV[2]) end\nif n > tonumber(ARGV[1]) then return {0, n} end\nreturn {1, n}",
      // token bucket in a hash
      "local b = redis.call('hmget', KEYS[1], 'tokens', 'ts')\nlocal tokens = tonumber(b[1]) or tonumber(ARGV[1])\nlocal take = tonumber(ARGV[2]) or 1\nif tokens >= take then tokens = tokens - take end\nredis.call('hset', KEYS[1], 'tokens', tokens, 'ts', ARGV[2])\nreturn {tokens, b[2], tostring(tokens / 3)}",
      // sliding window on a sorted set
      "redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1] - 10)\nlocal c = redis.call('zcard', KEYS[1])\nif c < 3 then redis.call('zadd', KEYS[1], ARGV[1], ARGV[2]) end\nreturn {c, redis.call('zrange', KEYS[1], 0, -1, 'WITHSCORES')}",
      // BullMQ-style add job: msgpack options, hash, list, events
      "local ok, opts = pcall(cmsgpack.unpack, ARGV[1])\nif not ok then return redis.error_reply('ERR bad opts: ' .. tostring(opts)) end\nlocal id = redis.call('incr', KEYS[1] .. ':id')\nredis.call('hmset', KEYS[1] .. ':' .. id, 'data', cjson.encode(opts), 'ts', ARGV[2])\nredis.call('rpush', KEYS[1] .. ':wait', id)\nreturn {id, redis.call('hgetall', KEYS[1] .. ':' .. id)}",
      "local jobs = redis.call('lrange', KEYS[1], 0, -1)\nlocal out = {}\nfor i, j in ipairs(jobs) do out[#out + 1] = cjson.encode({id = j, n = i}) end\nreturn out",
      "local d = cjson.decode(ARGV[3])\nif type(d) ~= 'table' then return {type(d)} end\nreturn {d.a, d.b, #d, cjson.encode(d)}",
      "local v = redis.call('hget', KEYS[1], 'f1')\nif not v then return redis.status_reply('MISSING') end\nreturn redis.call('hincrbyfloat', KEYS[1], 'f1', ARGV[2])",
      "local s = redis.call('zscore', KEYS[1], ARGV[1])\nif s then return {'score', s, tonumber(s) + 1} end\nreturn redis.call('zadd', KEYS[1], 'NX', 5, ARGV[1])",
    ]);
    lines.push(resp3(), body);
    const argv = [
      pick(["a", "token", "5", "0", "abc", "", msgpackBytes(r)]),
      pick(["1000", "10", "0", "-1", "x", "1.5", "2"]),
      pick(JSON_TEXTS.slice(0, 40)),
    ];
    return {
      setup: setup(),
      script: lines.filter((l) => l !== "").join("\n"),
      args: numkeys([key], argv),
      flushScripts: false,
    };
  };

  // ---- Lua itself as scripts use it: string and number handling, runtime errors with names
  const luaOps = (): Case => {
    const x = (): string => (chance(0.5) ? num() : luaQuote(str()));
    const body = pick([
      () => `local t = {}\nreturn t.${pick(["a.b", "a[1]", "x.y.z"])}`,
      () =>
        `local s = ${x()}\nreturn s${pick([":upper()", ":rep(3)", ":sub(2)", ":len()", ":byte()", ":find('a')", ".x"])}`,
      () => `return ${x()} ${pick(["+", "-", "*", "/", "%", "^", ".."])} ${x()}`,
      () => `return {${x()} ${pick(["<", "<=", "==", "~="])} ${x()}}`,
      () => `return #${x()}`,
      () => `return tostring(${x()} ${pick(["+", "*", "/", "%", "^"])} ${x()})`,
      () =>
        `return string.format(${luaQuote(pick(["%d", "%5.2f", "%g", "%.17g", "%s", "%q", "%x", "%X", "%o", "%e", "%.3s", "%5s", "%-5d|", "%c", "%%", "%i", "%u", "%.0f", "%a", "%10.4f"]))}, ${x()})`,
      () =>
        `return {string.rep(${luaQuote(pick(["a", "ab", "", "\0"]))}, ${pick(["0", "3", "-1", "1.5", "'2'"])})}`,
      () =>
        `return {string.find(${luaQuote(str())}, ${luaQuote(pick(["a", "%d+", "^%s*(.-)%s*$", "(", "[a-", "%", ".", "b", "%z"]))}${chance(0.3) ? ", " + pick(["1", "-1", "10", "0"]) : ""})}`,
      () =>
        `return {string.gsub(${luaQuote(str())}, ${luaQuote(pick(["a", "%w+", "(%d)", ".", "%s", ""]))}, ${pick(["'X'", "'%1'", "'%0%0'", "{a = 'A'}", "function(m) return #m end", "'%2'"])})}`,
      () => `return {string.byte(${luaQuote(str())}, ${pick(["1", "-1", "1, -1", "0", "2, 3"])})}`,
      () =>
        `return string.char(${many(0, 4, () => pick(["0", "65", "255", "256", "-1", "'66'"])).join(", ")})`,
      () =>
        `return {tonumber(${x()}), tonumber(${luaQuote(pick(["0x", "1e", " 1 ", "1 2", "0x1p4", "1e+", ".", "5.", "-.5", "\t8\n", "0X1F", "infinity", "1e309"]))})}`,
      () =>
        `return {math.floor(${num()}), math.ceil(${num()}), math.abs(${num()}), math.fmod(${num()}, ${num()})}`,
      () => `return {math.modf(${num()})}`,
      () => `return {math.max(${num()}, ${num()}), math.min(${num()}, ${num()}), math.sqrt(${num()})}`,
      () =>
        `return {select('#', ${many(0, 3, scalar).join(", ")}), select(${pick(["1", "2", "-1", "0", "'x'"])}, 'a', 'b')}`,
      () =>
        `return {unpack({1, 2, 3}, ${pick(["1", "2", "0", "-1", "4"])}, ${pick(["3", "5", "1", "nil"])})}`,
      () =>
        `local t = {${many(0, 6, () => pick(["3", "1", "2", "'a'", "'b'", "2.5", "-1"])).join(", ")}}\ntable.sort(t${chance(0.3) ? ", function(a, b) return a > b end" : ""})\nreturn t`,
      () => `return table.concat({${many(0, 4, scalar).join(", ")}}, ${luaQuote(pick([",", "", "\0"]))})`,
      () =>
        `local t = {1, 2, 3}\ntable.insert(t, ${pick(["4", "1, 0", "5, 9", "nil"])})\nreturn {table.remove(t${chance(0.5) ? ", " + pick(["1", "9", "0"]) : ""}), t}`,
      () => `return {next({}), type(next), rawequal('a', 'a'), rawget({5}, 1), #{n = 1}, table.getn({1, 2})}`,
      () =>
        `local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)\nreturn {co(1), co(${num()})}`,
      () =>
        `return loadstring(${luaQuote(pick(["return 1 +", "return 7", "x =", "return ...", "error('in chunk')"]))})${chance(0.5) ? "()" : " and 'compiled' or 'nil'"}`,
      () => `local ok, e = pcall(string.rep)\nreturn e`,
      () =>
        `local ok, e = pcall(${pick(["math.floor", "string.sub", "table.concat", "ipairs", "setmetatable", "tostring", "string.format"])}${chance(0.5) ? ", " + scalar() : ""})\nreturn {tostring(ok), e}`,
      () => `local a = ${x()}\nlocal b = a.field.sub\nreturn b`,
      () => `local f = ${x()}\nreturn f()`,
      () => `return undefinedvar${pick(["", ".x", "()"])}`,
      () =>
        `local t = setmetatable({}, {__index = function(t, k) return k .. '!' end, __tostring = function() return 'T' end})\nreturn {t.x, t[1], tostring(t)}`,
      () => `return {${num()} == ${num()}, 0/0 == 0/0, -0 == 0, 1/(-0), math.huge > 2^1023}`,
    ])();
    return { setup: [], script: body, args: ["1", "k", ...many(0, 2, str)], flushScripts: false };
  };

  // ---- read-only runs and shebang flags
  const flagsCase = (): Case => {
    const write = pick([
      "redis.call('set', 'k', 'v')",
      "redis.call('incr', 'n')",
      "redis.pcall('del', 'str')",
    ]);
    const read = pick([
      "redis.call('get', 'str')",
      "redis.call('exists', 'str')",
      "redis.pcall('hgetall', 'h')",
    ]);
    const body = `${chance(0.5) ? write : read}\nreturn ${chance(0.5) ? "redis.call('get', 'k')" : "'done'"}`;
    const readOnly = chance(0.5);
    if (chance(0.5)) {
      const flags = pick([
        "",
        "flags=no-writes",
        "flags=allow-oom",
        "flags=no-writes,allow-stale",
        "flags=bad",
        "name=x",
        "flags=",
      ]);
      return {
        setup: setup(),
        script: `#!lua ${flags}\n${body}`,
        args: ["0"],
        flushScripts: false,
        readOnly,
      };
    }
    return { setup: setup(), script: body, args: ["0"], flushScripts: false, readOnly };
  };

  // ---- bigger values: long strings, long arrays, deep nesting (conversions and library limits)
  const bigValues = (): Case => {
    const n = pick(["15", "16", "31", "32", "255", "256", "65535", "65536", "1000"]);
    const body = pick([
      `local t = {} for i = 1, ${n} do t[i] = i end\nreturn ${pick(["t", "#cmsgpack.pack(t)", "cmsgpack.unpack(cmsgpack.pack(t))", "#cjson.encode(t)", "{unpack(t, 1, 3)}"])}`,
      `local t = {} for i = 1, ${n} do t['k' .. i] = i end\nlocal p = cmsgpack.pack(t)\nreturn {#p, p:sub(1, 3), dump(cmsgpack.unpack(p)) == dump(t)}`,
      `local s = string.rep('x', ${n})\nlocal p = cmsgpack.pack(s)\nreturn {#p, p:sub(1, 3), cmsgpack.unpack(p) == s}`,
      `local t = {} for i = 1, ${n} do t[i] = i end\nt[${n} * 4] = 1\nreturn {pcall(cjson.encode, t)}`,
      `local v = 1 for i = 1, ${pick(["10", "100", "999", "1000", "1001"])} do v = {v} end\nreturn {pcall(cjson.encode, v)}`,
      `local s = string.rep('[', ${pick(["999", "1000", "1001"])}) .. string.rep(']', ${pick(["999", "1000", "1001"])})\nreturn {pcall(cjson.decode, s)}`,
      `local v = 1 for i = 1, ${pick(["10", "100", "1000"])} do v = {v} end\nreturn {pcall(function() return #cmsgpack.pack(v) end)}`,
      `local v = 1 for i = 1, ${pick(["10", "100", "1000", "8000"])} do v = {v} end\nreturn v`,
      `return redis.call('echo', string.rep('ab', ${n}))`,
      `return {cmsgpack.pack(${pick(["2^32", "-2^31 - 1", "2^53", "-2^63", "2^64", "0.5", "1.1", "3.0", "-0.0", "1e40", "-128", "-129", "-32768", "-32769", "127", "128", "65536"])})}`,
    ]);
    return { setup: [], script: body, args: ["0"], flushScripts: false };
  };

  const kinds: [number, () => Case][] = [
    [0.16, returnValue],
    [0.2, callInspect],
    [0.14, errors],
    [0.16, libraries],
    [0.05, argumentsCase],
    [0.1, realWorld],
    [0.1, luaOps],
    [0.04, flagsCase],
    [0.05, bigValues],
  ];
  let w = r();
  for (const [p, f] of kinds) {
    if (w < p) return f();
    w -= p;
  }
  return returnValue();
}

/** A random MessagePack value's bytes (sometimes cut short or with a reserved byte). */
export function msgpackBytes(r: R, depth = 2): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const be = (n: bigint, bytes: number): string => {
    let s = "";
    for (let i = bytes - 1; i >= 0; i--) s += String.fromCharCode(Number((n >> BigInt(8 * i)) & 0xffn));
    return s;
  };
  const f64 = (x: number): string => {
    const b = Buffer.alloc(8);
    b.writeDoubleBE(x);
    return b.toString("latin1");
  };
  const f32 = (x: number): string => {
    const b = Buffer.alloc(4);
    b.writeFloatBE(x);
    return b.toString("latin1");
  };
  const str = (s: string): string =>
    s.length < 32 ? String.fromCharCode(0xa0 | s.length) + s : "\xd9" + String.fromCharCode(s.length) + s;
  const w = r();
  let out: string;
  if (w < 0.12)
    out = String.fromCharCode(pick([0, 1, 5, 127, 0xe0, 0xff])); // fixints
  else if (w < 0.2)
    out = pick(["\xc0", "\xc2", "\xc3", "\xc1"]); // nil false true reserved
  else if (w < 0.3) {
    const t = pick([0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3]);
    const bytes = [1, 2, 4, 8][t & 3];
    const v = pick([0n, 1n, 127n, 128n, 255n, 65535n, 2n ** 31n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n]);
    out = String.fromCharCode(t) + be(v, bytes);
  } else if (w < 0.4)
    out =
      r() < 0.5
        ? "\xcb" + f64(pick([0.5, -1.25, 1e300, NaN, Infinity, 3]))
        : "\xca" + f32(pick([0.1, 1.5, -2]));
  else if (w < 0.6) out = str(pick(["", "a", "hello", "\0x", "\xff", "x".repeat(40)]));
  else if (w < 0.65)
    out = "\xc4\x03abc"; // bin 8
  else if (depth > 0 && w < 0.82) {
    const n = Math.floor(r() * 4);
    out = String.fromCharCode(0x90 | n);
    for (let i = 0; i < n; i++) out += msgpackBytes(r, depth - 1);
  } else if (depth > 0 && w < 0.95) {
    const n = Math.floor(r() * 3);
    out = String.fromCharCode(0x80 | n);
    for (let i = 0; i < n; i++) out += msgpackBytes(r, 0) + msgpackBytes(r, depth - 1);
  } else out = pick(["\xdc\x00\x02\x01", "\xde\x00\x01\xa1k", "\xa5ab", "\xd9", "\xc7\x01\x05x"]);
  return r() < 0.05 ? out.slice(0, Math.max(0, out.length - 1)) : out;
}
