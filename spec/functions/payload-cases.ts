// The DUMP/RESTORE cases shared by the recorder and the test: sets of libraries to dump on
// one server and restore on the other (both ways), and crafted payloads — corrupt, old-format
// or unusual encodings — built here byte by byte with Redis's CRC64 so that they reach the
// parsing stage they aim at. Inputs only; replies come from redis-server (payloads.json).

import { RDB_OPCODE_FUNCTION, RDB_OPCODE_FUNCTION2 } from "../../server/scripting/functions-dump.js";
import { crc64, RDB_VERSION, saveLen, saveRawString } from "../../server/util/rdb.js";

/** A command: strings are sent as latin1 bytes, {hex} as raw bytes. */
export type Cmd = (string | { hex: string })[];

export interface PayloadSet {
  name: string;
  /** FUNCTION LOAD bodies (latin1 byte strings) */
  codes: string[];
  /** commands run after loading or restoring; replies compared after @sort normalizing */
  calls: Cmd[];
}

export interface RecordedSet extends PayloadSet {
  /** FUNCTION DUMP from redis-server (hex) */
  redisPayload: string;
  /** replies to `calls` on redis-server after loading */
  replies: string[];
  /** redis-server restoring its own payload: RESTORE's reply, then `calls` */
  redisSelfRestore: string[];
  /** redlua's replies to the FUNCTION LOADs when recorded */
  redluaLoad: string[];
  /** FUNCTION DUMP from redlua when recorded (hex) */
  redluaPayload: string;
  /** redis-server restoring redlua's payload: RESTORE's reply, then `calls` */
  redisRestoreOfRedlua: string[];
}

export interface CraftedCase {
  name: string;
  /** run after FUNCTION FLUSH */
  commands: Cmd[];
}

export interface RecordedCrafted extends CraftedCase {
  replies: string[];
}

export interface PayloadsFile {
  sets: RecordedSet[];
  crafted: RecordedCrafted[];
}

const lib = (name: string, body: string): string => `#!lua name=${name}\n${body}`;
const fcall = (f: string, ...args: string[]): Cmd => ["FCALL", f, ...args];

/** Deterministic bytes (an LCG), to build a library too random for LZF to shrink. */
function noise(n: number, seed: number): string {
  let x = seed >>> 0;
  let s = "";
  while (s.length < n) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const c = (x >>> 16) & 0xff;
    if (c === 0x5d) continue; // no ']' so the long comment can't close early
    s += String.fromCharCode(c);
  }
  return s;
}

export const PAYLOAD_SETS: PayloadSet[] = [
  {
    name: "single",
    codes: [
      lib(
        "single",
        "redis.register_function('single', function(keys, args) return {keys[1], args[1], 'single'} end)",
      ),
    ],
    calls: [fcall("single", "1", "k", "a"), ["FUNCTION", "LIST", "WITHCODE"]],
  },
  {
    name: "compressible",
    codes: [
      lib(
        "packed",
        "-- " +
          "a".repeat(90) +
          "\n" +
          ["one", "two", "three"]
            .map(
              (w, i) =>
                `redis.register_function('packed${i + 1}', function(keys, args) return 'packed ${w}' end)`,
            )
            .join("\n"),
      ),
    ],
    calls: [fcall("packed1", "0"), fcall("packed2", "0"), fcall("packed3", "0"), ["FUNCTION", "STATS"]],
  },
  {
    name: "several",
    codes: [
      lib(
        "flagged",
        "redis.register_function{function_name='ro_get', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes', 'allow-stale'}, description='reads a key'}",
      ),
      lib(
        "writer",
        "redis.register_function{function_name='w_set', callback=function(keys, args) return redis.call('set', keys[1], args[1]) end, description='writes a key'}",
      ),
      lib("counter", "local n = 0\nredis.register_function('bump', function() n = n + 1 return n end)"),
    ],
    calls: [
      fcall("w_set", "1", "pk", "pv"),
      ["FCALL_RO", "ro_get", "1", "pk"],
      ["FCALL_RO", "w_set", "1", "pk", "x"],
      fcall("bump", "0"),
      fcall("bump", "0"),
      ["FUNCTION", "LIST", "LIBRARYNAME", "flagged"],
      ["FUNCTION", "LIST", "LIBRARYNAME", "writer", "WITHCODE"],
      ["FUNCTION", "STATS"],
    ],
  },
  {
    name: "binary",
    codes: [
      lib(
        "bin",
        "redis.register_function('bin', function() return '\\0\\255\\233\\r\\n' .. [[\0\xff\xe9\r\n\x80]] end) -- \xc3\xa9\0 bytes",
      ),
    ],
    calls: [fcall("bin", "0"), ["FUNCTION", "LIST", "WITHCODE"]],
  },
  {
    name: "large-raw",
    codes: [
      lib(
        "bigraw",
        `--[==[${noise(20000, 7)}]==]\nredis.register_function('bigraw', function() return 'big raw' end)`,
      ),
    ],
    calls: [fcall("bigraw", "0")],
  },
  {
    name: "large-packed",
    codes: [
      lib(
        "bigpacked",
        Array.from(
          { length: 400 },
          (_, i) => `redis.register_function('bp${i}', function(keys, args) return ${i} * #args end)`,
        ).join("\n"),
      ),
    ],
    calls: [fcall("bp0", "0", "x"), fcall("bp399", "0", "a", "b")],
  },
];

// ---- crafted payloads ----

const bytes = (...b: number[]): Buffer => Buffer.from(b);
const str = (s: string): Buffer => Buffer.from(s, "latin1");

/** An RDB string without compression (length-prefixed). */
function rawString(s: string): Buffer {
  return saveRawString(str(s), false);
}

/** Body + RDB version + CRC64, as createDumpPayload does. */
function payload(body: Buffer[], version = RDB_VERSION): { hex: string } {
  const b = Buffer.concat([...body, bytes(version & 0xff, (version >> 8) & 0xff)]);
  return { hex: Buffer.concat([b, crc64(b)]).toString("hex") };
}

function fn2(code: string, compress = false): Buffer {
  return Buffer.concat([bytes(RDB_OPCODE_FUNCTION2), saveRawString(str(code), compress)]);
}

const KEEP = lib("keep", "redis.register_function('keepfn', function() return 'keep v1' end)");
const KEEP2 = lib("keep", "redis.register_function('keepfn', function() return 'keep v2' end)");
const OTHER = lib("other", "redis.register_function('otherfn', function() return 'other' end)");
const FRESH = lib("fresh", "redis.register_function('freshfn', function() return 'fresh' end)");
const load = (code: string): Cmd => ["FUNCTION", "LOAD", code];
const restore = (p: { hex: string }, ...policy: string[]): Cmd => ["FUNCTION", "RESTORE", p, ...policy];
const LIST: Cmd = ["FUNCTION", "LIST", "WITHCODE"];
const AFTER: Cmd[] = [fcall("keepfn", "0"), LIST];

export function craftedCases(): CraftedCase[] {
  const cases: CraftedCase[] = [];
  const add = (name: string, ...commands: Cmd[]): void => {
    cases.push({ name, commands });
  };
  // policies
  add("append onto an existing library", load(KEEP), restore(payload([fn2(KEEP2)])), ...AFTER);
  add("append explicitly", load(KEEP), restore(payload([fn2(KEEP2)]), "APPEND"), ...AFTER);
  add("replace an existing library", load(KEEP), restore(payload([fn2(KEEP2)]), "replace"), ...AFTER);
  add(
    "append a library whose function exists elsewhere",
    load(KEEP),
    restore(payload([fn2(lib("thief", "redis.register_function('KEEPFN', function() return 'thief' end)"))])),
    ...AFTER,
  );
  add(
    "replace, colliding with a third library: old library stays",
    load(KEEP),
    load(OTHER),
    restore(
      payload([
        fn2(
          lib(
            "keep",
            "redis.register_function('keepfn', function() return 'v3' end)\nredis.register_function('otherfn', function() return 'v3' end)",
          ),
        ),
      ]),
      "REPLACE",
    ),
    ...AFTER,
    fcall("otherfn", "0"),
  );
  add(
    "replace two libraries at once",
    load(KEEP),
    load(OTHER),
    restore(
      payload([
        fn2(KEEP2),
        fn2(lib("other", "redis.register_function('otherfn', function() return 'other v2' end)")),
      ]),
      "REPLACE",
    ),
    ...AFTER,
    fcall("otherfn", "0"),
  );
  add("flush policy", load(KEEP), restore(payload([fn2(FRESH)]), "FLUSH"), ...AFTER, fcall("freshfn", "0"));
  add(
    "flush policy with a bad payload changes nothing",
    load(KEEP),
    restore(payload([fn2(FRESH), fn2(lib("bad", "redis.register_function("))]), "FLUSH"),
    ...AFTER,
  );
  add("empty payload, append", load(KEEP), restore(payload([])), ...AFTER);
  add("empty payload, flush", load(KEEP), restore(payload([]), "flush"), ...AFTER);
  add(
    "several libraries",
    restore(payload([fn2(KEEP), fn2(OTHER), fn2(FRESH)])),
    fcall("freshfn", "0"),
    fcall("otherfn", "0"),
    ...AFTER,
  );
  // libraries in the payload that can't be created
  add("same library twice", load(OTHER), restore(payload([fn2(KEEP), fn2(KEEP2)])), ...AFTER);
  add(
    "same function in two libraries",
    load(OTHER),
    restore(payload([fn2(KEEP), fn2(lib("keep2", "redis.register_function('keepfn', function() end)"))])),
    ...AFTER,
  );
  add(
    "compile error",
    load(OTHER),
    restore(payload([fn2(lib("broken", "redis.register_function('x', function() end"))])),
    ...AFTER,
  );
  add("runtime error while loading", restore(payload([fn2(lib("broken", "local t = nil\nt.x = 1"))])), LIST);
  add("no functions registered", restore(payload([fn2(lib("empty", "local x = 1"))])), LIST);
  add("missing shebang", restore(payload([fn2("redis.register_function('x', function() end)")])), LIST);
  add(
    "bad library name",
    restore(payload([fn2(lib("bad-name", "redis.register_function('x', function() end)"))])),
    LIST,
  );
  add("unknown engine", restore(payload([fn2("#!js name=js\nfunction x() {}")])), LIST);
  add("first library fine, second broken", restore(payload([fn2(KEEP), fn2(lib("broken", "("))])), LIST);
  // footer
  add("RDB version 11", restore(payload([fn2(KEEP)], 11)), LIST);
  add("RDB version 9", restore(payload([fn2(KEEP)], 9)), ...AFTER);
  add("RDB version 0", restore(payload([fn2(KEEP)], 0)), ...AFTER);
  add("RDB version 256", restore(payload([fn2(KEEP)], 256)), LIST);
  {
    const p = Buffer.from(payload([fn2(KEEP)]).hex, "hex");
    p[5] ^= 1;
    add("one flipped bit", restore({ hex: p.toString("hex") }), LIST);
    const q = Buffer.from(payload([fn2(KEEP)]).hex, "hex");
    q[q.length - 1] ^= 0x80;
    add("flipped bit in the CRC", restore({ hex: q.toString("hex") }), LIST);
    add("footer only, no CRC", restore({ hex: "0a00" }), LIST);
    add("nine bytes", restore({ hex: "000000000000000000" }), LIST);
  }
  // opcodes and RDB string encodings
  add("not a function opcode", restore(payload([bytes(0), rawString(KEEP)])), LIST);
  add("the key opcode", restore(payload([bytes(0xfe, 0)])), LIST);
  add("trailing byte after a library", restore(payload([fn2(KEEP), bytes(0xf5)])), LIST);
  add("trailing garbage after a library", restore(payload([fn2(KEEP), bytes(0x07)])), LIST);
  add("LZF-compressed library", restore(payload([fn2(KEEP + "\n-- " + "x".repeat(60), true)])), ...AFTER);
  add(
    "32-bit length",
    restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0x80, 0, 0, 0, KEEP.length), str(KEEP)])),
    ...AFTER,
  );
  add(
    "64-bit length",
    restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0x81, 0, 0, 0, 0, 0, 0, 0, KEEP.length), str(KEEP)])),
    ...AFTER,
  );
  add(
    "14-bit length for a short code",
    restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0x40, KEEP.length), str(KEEP)])),
    ...AFTER,
  );
  add("int8-encoded string", restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0xc0, 5)])), LIST);
  add("int16-encoded string", restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0xc1, 0x39, 0x30)])), LIST);
  add("int32-encoded string", restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0xc2, 1, 2, 3, 0x84)])), LIST);
  add("unknown string encoding", restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0xc4, 5)])), LIST);
  add("unknown length encoding", restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0x82, 5)])), LIST);
  add("length past the end", restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0x3f, 0x41)])), LIST);
  add(
    "length running into the footer",
    restore(payload([bytes(RDB_OPCODE_FUNCTION2, ...saveLen(KEEP.length + 10)), str(KEEP)])),
    LIST,
  );
  add(
    "corrupt LZF data",
    restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0xc3, 5, 40, 0xff, 0xff, 0xff, 0xff, 0xff)])),
    LIST,
  );
  add(
    "LZF shorter than declared",
    restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0xc3, 3, 5, 0x02, 0x41, 0x42, 0x43)])),
    LIST,
  );
  {
    const lit = str("#!lua name=z\nredis.register_function('z', function() return 'z' end)");
    const lzfLiterals = (s: Buffer): Buffer => {
      const parts: Buffer[] = [];
      for (let i = 0; i < s.length; i += 32) {
        const chunk = s.subarray(i, i + 32);
        parts.push(bytes(chunk.length - 1), chunk);
      }
      return Buffer.concat(parts);
    };
    const c = lzfLiterals(lit);
    add(
      "LZF made of literal runs only",
      restore(payload([bytes(RDB_OPCODE_FUNCTION2, 0xc3, ...saveLen(c.length), ...saveLen(lit.length)), c])),
      fcall("z", "0"),
    );
    add(
      "LZF declaring a longer output",
      restore(
        payload([bytes(RDB_OPCODE_FUNCTION2, 0xc3, ...saveLen(c.length), ...saveLen(lit.length + 1)), c]),
      ),
      LIST,
    );
  }
  // the 7.0-rc format (RDB_OPCODE_FUNCTION): name, engine, description flag [+ description], body
  const body = "redis.register_function('oldfn', function() return 'old format' end)";
  add(
    "old format without description",
    restore(
      payload([bytes(RDB_OPCODE_FUNCTION), rawString("oldlib"), rawString("LUA"), bytes(0), rawString(body)]),
    ),
    fcall("oldfn", "0"),
    LIST,
  );
  add(
    "old format with description",
    restore(
      payload([
        bytes(RDB_OPCODE_FUNCTION),
        rawString("oldlib"),
        rawString("lua"),
        bytes(1),
        rawString("a description"),
        rawString(body),
      ]),
    ),
    fcall("oldfn", "0"),
    LIST,
  );
  add(
    "old format, engine unknown",
    restore(
      payload([bytes(RDB_OPCODE_FUNCTION), rawString("oldlib"), rawString("js"), bytes(0), rawString(body)]),
    ),
    LIST,
  );
  add(
    "old format, NUL in the name",
    restore(
      payload([
        bytes(RDB_OPCODE_FUNCTION),
        rawString("old\0lib"),
        rawString("LUA"),
        bytes(0),
        rawString(body),
      ]),
    ),
    LIST,
  );
  add("old format, name cut", restore(payload([bytes(RDB_OPCODE_FUNCTION, 0x3f)])), LIST);
  add(
    "old format, engine cut",
    restore(payload([bytes(RDB_OPCODE_FUNCTION), rawString("oldlib"), bytes(0x3f)])),
    LIST,
  );
  add(
    "old format, description flag cut",
    restore(payload([bytes(RDB_OPCODE_FUNCTION), rawString("oldlib"), rawString("LUA"), bytes(0x82)])),
    LIST,
  );
  add(
    "old format, description cut",
    restore(payload([bytes(RDB_OPCODE_FUNCTION), rawString("oldlib"), rawString("LUA"), bytes(1, 0x3f)])),
    LIST,
  );
  add(
    "old format, body cut",
    restore(payload([bytes(RDB_OPCODE_FUNCTION), rawString("oldlib"), rawString("LUA"), bytes(0, 0x3f)])),
    LIST,
  );
  return cases;
}
