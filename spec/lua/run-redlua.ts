// Runs one Lua program through redlua's engine in-process, the way `lua5.1 FILE` would run it,
// and returns what it printed in the shape of a recorded expectation. Shared by the corpus
// runner (corpus.test.ts) and the differential fuzzer (spec/fuzz/lua-diff.ts).

import { LuaEngine } from "../../runtime/engine.js";
import { LuaInterrupt } from "../../runtime/errors.js";
import type { Expectation } from "./corpus.js";

/** Default time limit: a program that loops forever must fail, not hang the caller. */
export const TIME_LIMIT_MS = 10_000;

/**
 * Runs `source` (latin1 text) as the main chunk `chunkName` ("name.lua") with command-line
 * `args`, in a fresh engine with the standalone-interpreter profile.
 */
export function runRedlua(
  source: string,
  chunkName: string,
  args: string[] = [],
  timeLimitMs = TIME_LIMIT_MS,
): Expectation {
  const out: string[] = [];
  const engine = new LuaEngine({
    profile: "cli",
    stdout: (s: string) => out.push(s),
    argv: args,
    scriptName: chunkName,
  });
  const deadline = Date.now() + timeLimitMs;
  engine.interrupts.check = () => {
    if (Date.now() > deadline) throw new LuaInterrupt(`ran past ${timeLimitMs} ms`, "timeout");
  };
  const r = engine.runMain(source, chunkName, args);
  return { stdout: out.join(""), stderr: r.stderr, status: r.status };
}
