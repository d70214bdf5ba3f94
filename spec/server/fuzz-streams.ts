// Differential fuzzer for streams: seeded random XADD (explicit IDs, fields of varied sizes and
// integer-looking values, so nodes fill by entries and by bytes), XDEL, XTRIM and XADD trimming
// (MAXLEN/MINID, = and ~, LIMIT), ranges, consumer groups (XREADGROUP, XACK, XCLAIM, XAUTOCLAIM,
// SETID) and the XINFO figures (node counts, radix tree nodes, lag, entries-read), at several
// stream-node-max-entries/-bytes settings; replies from a real redis-server and redlua compared
// byte for byte. A tool, not a test (it needs redis-server):
//   node dist/spec/server/fuzz-streams.js [SEED] [COMMANDS]

import { fuzzMain, type Gen } from "./fuzz-driver.js";

function makeGenerators(r: () => number): Gen[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const int = (n: number): number => Math.floor(r() * n);
  const maybe = (p: number, xs: string[]): string[] => (r() < p ? xs : []);
  const k = (): string => pick(["s1", "s2"]);
  // Each key's IDs grow: mostly by a few ms, sometimes by seq only.
  const last = new Map<string, [number, number]>();
  const nextId = (key: string): string => {
    let [ms, seq] = last.get(key) ?? [0, 0];
    if (r() < 0.3) seq++;
    else {
      ms += 1 + int(r() < 0.1 ? 100000 : 5);
      seq = int(3);
    }
    last.set(key, [ms, seq]);
    return `${ms}-${seq}`;
  };
  const someId = (key: string): string => {
    const [ms] = last.get(key) ?? [0, 0];
    return `${int(ms + 2)}-${int(3)}`;
  };
  const value = (): string =>
    pick([
      () => String(int(200) - 100),
      () => String(int(100000000)),
      () => "v".repeat(1 + int(30)),
      () => "w".repeat(60 + int(200)),
      () => "x".repeat(int(r() < 0.9 ? 10 : 3000)),
      () => "-0",
      () => "007",
      () => "9223372036854775808",
    ])();
  const fields = (): string[] => {
    const n = 1 + int(3);
    const same = r() < 0.6;
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(same ? `f${i}` : pick(["a", "b", "c", "123", "f0"]) + i, value());
    return out;
  };
  const trim = (): string[] =>
    r() < 0.5
      ? ["MAXLEN", ...maybe(0.6, [pick(["~", "="])]), String(int(400))]
      : ["MINID", ...maybe(0.6, [pick(["~", "="])]), someId(k())];
  const trimLimit = (): string[] => {
    const t = trim();
    return t[1] === "~" && r() < 0.4 ? [...t, "LIMIT", String(int(300))] : t;
  };
  return [
    () => {
      const key = k();
      return ["XADD", key, nextId(key), ...fields()];
    },
    () => {
      const key = k();
      return ["XADD", key, nextId(key), ...fields()];
    },
    () => {
      const key = k();
      return ["XADD", key, nextId(key), ...fields()];
    },
    () => {
      const key = k();
      return ["XADD", key, ...trimLimit(), nextId(key), ...fields()];
    },
    () => {
      const key = k();
      return ["XDEL", key, someId(key), someId(key), someId(key)];
    },
    () => ["XTRIM", k(), ...trimLimit()],
    () => ["XLEN", k()],
    () => ["XINFO", "STREAM", k()],
    () => [
      "XRANGE",
      k(),
      pick(["-", "(1-0", "5"]),
      pick(["+", "(90000"]),
      ...maybe(0.5, ["COUNT", String(int(5))]),
    ],
    () => ["XREVRANGE", k(), "+", "-", "COUNT", String(1 + int(3))],
    () => ["XGROUP", "CREATE", k(), pick(["g1", "g2"]), pick(["0", "$", "5-0"]), "MKSTREAM"],
    () => ["XGROUP", "SETID", k(), pick(["g1", "g2"]), pick(["0", "$", someId("s1")])],
    () => [
      "XREADGROUP",
      "GROUP",
      pick(["g1", "g2"]),
      pick(["c1", "c2"]),
      "COUNT",
      String(1 + int(20)),
      "STREAMS",
      k(),
      ">",
    ],
    () => ["XREADGROUP", "GROUP", pick(["g1", "g2"]), pick(["c1", "c2"]), "COUNT", "3", "STREAMS", k(), "0"],
    () => {
      const key = k();
      return ["XACK", key, pick(["g1", "g2"]), someId(key), someId(key)];
    },
    () => {
      const key = k();
      return ["XCLAIM", key, pick(["g1", "g2"]), pick(["c1", "c3"]), "0", someId(key), someId(key), "JUSTID"];
    },
    () => ["XAUTOCLAIM", k(), pick(["g1", "g2"]), "c4", "0", "0", "COUNT", String(1 + int(10)), "JUSTID"],
    () => ["XPENDING", k(), pick(["g1", "g2"])],
    () => ["XINFO", "GROUPS", k()],
    () => ["CONFIG", "SET", "stream-node-max-entries", pick(["100", "100", "5", "1", "0"])],
    () => ["CONFIG", "SET", "stream-node-max-bytes", pick(["4096", "4096", "200", "0"])],
  ];
}

fuzzMain(import.meta.url, { makeGenerators, clip: true });
