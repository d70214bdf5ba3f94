// What redis.call returns for real command replies: each vector has the commands that set up the
// keyspace, the Lua call, and the Reply our server's model gives for that command. The recorder
// (record.ts) runs the call in redis-server under redis.setresp(2) and (3) and stores what the
// script saw, rendered by SHOW_LUA; convert.test.ts renders replyToLua's value the same way.
import {
  DoubleReply,
  ErrorReply,
  MapReply,
  NIL_ARRAY,
  OK,
  PONG,
  SetReply,
  StatusReply,
  VerbatimReply,
  type Reply,
} from "../../../server/reply.js";

export interface ReplyVector {
  id: string;
  setup: string[][];
  /** a Lua expression: the redis.call / redis.pcall to convert */
  call: string;
  reply: Reply;
}

export const REPLY_VECTORS: ReplyVector[] = [
  { id: "status", setup: [], call: "redis.call('ping')", reply: PONG },
  { id: "ok", setup: [], call: "redis.call('set', 'k1', 'v')", reply: OK },
  {
    id: "type",
    setup: [["SET", "k2", "v"]],
    call: "redis.call('type', 'k2')",
    reply: new StatusReply("string"),
  },
  { id: "nil bulk", setup: [], call: "redis.call('get', 'missing')", reply: null },
  {
    id: "bulk",
    setup: [["SET", "k3", "v\0x\r\n\xff"]],
    call: "redis.call('get', 'k3')",
    reply: "v\0x\r\n\xff",
  },
  { id: "empty bulk", setup: [["SET", "k4", ""]], call: "redis.call('get', 'k4')", reply: "" },
  { id: "integer", setup: [], call: "redis.call('incr', 'n1')", reply: 1 },
  { id: "negative integer", setup: [["SET", "n2", "-5"]], call: "redis.call('decr', 'n2')", reply: -6 },
  {
    id: "int64 max",
    setup: [["SET", "n3", "9223372036854775806"]],
    call: "redis.call('incr', 'n3')",
    reply: 9223372036854775807n,
  },
  {
    id: "int64 min",
    setup: [["SET", "n4", "-9223372036854775807"]],
    call: "redis.call('decr', 'n4')",
    reply: -9223372036854775808n,
  },
  {
    id: "2^53+1",
    setup: [["SET", "n5", "9007199254740992"]],
    call: "redis.call('incr', 'n5')",
    reply: 9007199254740993n,
  },
  {
    id: "array",
    setup: [["RPUSH", "l1", "a", "b", "c"]],
    call: "redis.call('lrange', 'l1', 0, -1)",
    reply: ["a", "b", "c"],
  },
  { id: "empty array", setup: [], call: "redis.call('lrange', 'nolist', 0, -1)", reply: [] },
  {
    id: "array with nil",
    setup: [
      ["SET", "m1", "one"],
      ["SET", "m3", "three"],
    ],
    call: "redis.call('mget', 'm1', 'm2', 'm3')",
    reply: ["one", null, "three"],
  },
  {
    id: "array of 5",
    setup: [["RPUSH", "l2", "1", "2", "3", "4", "5"]],
    call: "redis.call('lrange', 'l2', 0, -1)",
    reply: ["1", "2", "3", "4", "5"],
  },
  {
    id: "nested arrays",
    setup: [["XADD", "st", "1-1", "f", "v", "g", "w"]],
    call: "redis.call('xrange', 'st', '-', '+')",
    reply: [["1-1", ["f", "v", "g", "w"]]],
  },
  { id: "nil array", setup: [], call: "redis.call('lpop', 'nolist2', 1)", reply: NIL_ARRAY },
  {
    id: "error",
    setup: [["SET", "s1", "x"]],
    call: "redis.pcall('incr', 's1')",
    reply: new ErrorReply("ERR value is not an integer or out of range"),
  },
  {
    id: "wrongtype",
    setup: [["SET", "s2", "x"]],
    call: "redis.pcall('lpush', 's2', 'y')",
    reply: new ErrorReply("WRONGTYPE Operation against a key holding the wrong kind of value"),
  },
  {
    id: "map",
    setup: [["HSET", "h1", "field", "value"]],
    call: "redis.call('hgetall', 'h1')",
    reply: new MapReply(["field", "value"]),
  },
  { id: "empty map", setup: [], call: "redis.call('hgetall', 'nohash')", reply: new MapReply([]) },
  {
    id: "set",
    setup: [["SADD", "set1", "member"]],
    call: "redis.call('smembers', 'set1')",
    reply: new SetReply(["member"]),
  },
  { id: "empty set", setup: [], call: "redis.call('smembers', 'noset')", reply: new SetReply([]) },
  {
    id: "double",
    setup: [["ZADD", "z1", "1.5", "m"]],
    call: "redis.call('zscore', 'z1', 'm')",
    reply: new DoubleReply(1.5),
  },
  {
    id: "double 0.1",
    setup: [["ZADD", "z2", "0.1", "m"]],
    call: "redis.call('zscore', 'z2', 'm')",
    reply: new DoubleReply(0.1),
  },
  {
    id: "double inf",
    setup: [["ZADD", "z3", "-inf", "m"]],
    call: "redis.call('zscore', 'z3', 'm')",
    reply: new DoubleReply(-Infinity),
  },
  {
    id: "double integral",
    setup: [["ZADD", "z4", "3", "m"]],
    call: "redis.call('zincrby', 'z4', 2, 'm')",
    reply: new DoubleReply(5),
  },
  {
    id: "verbatim",
    setup: [],
    call: "redis.call('lolwut', 'version', '1')",
    reply: new VerbatimReply("txt", "Redis ver. 7.0.15\n"),
  },
];

/** Lua source of show(v): the value as text, table keys sorted, numbers as %.17g. */
export const SHOW_LUA = `
local function keyless(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end
local show
show = function(v)
  local t = type(v)
  if t == "string" then return '"' .. v .. '"' end
  if t == "number" then return string.format("%.17g", v) end
  if t ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, keyless)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = show(k) .. "=" .. show(v[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end
`;
