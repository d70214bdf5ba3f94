// Runs the redis-libs corpus through redlua: each script in a fresh LuaEngine (as SCRIPT FLUSH
// gives Redis a fresh Lua state), its first result converted with luaToReply in the variant's
// script protocol and encoded for the variant's client protocol. Used by libs.test.ts, in a
// worker thread with a large stack (some cases nest ~8,000 tables).
import { parentPort } from "node:worker_threads";
import { LuaEngine } from "../../runtime/engine.js";
import { catchable } from "../../runtime/errors.js";
import { tostring } from "../../runtime/ops.js";
import { luaToReply } from "../../server/scripting/convert.js";
import { encodeReply } from "../../server/reply.js";
import { loadCases } from "./cases.js";

export interface Outcome {
  case: string;
  label: string;
  client: 2 | 3;
  scriptResp: 2 | 3;
  /** the reply's bytes (latin1), or "THROWN: message" when the script raised */
  actual: string;
}

export function runCorpus(only?: string): Outcome[] {
  const out: Outcome[] = [];
  for (const c of loadCases()) {
    if (only !== undefined && c.name !== only) continue;
    for (const script of c.scripts) {
      for (const v of script.variants) {
        let actual: string;
        try {
          // redis.setresp(3) only sets the protocol luaToReply is given here
          const results = new LuaEngine({ profile: "redis" }).run(script.source, "user_script");
          actual = encodeReply(luaToReply(results[0], v.scriptResp), v.client).toString("latin1");
        } catch (e) {
          const le = catchable(e);
          if (le === undefined) throw e;
          actual = `THROWN: ${tostring(le.value)}`;
        }
        out.push({ case: c.name, label: script.label, client: v.client, scriptResp: v.scriptResp, actual });
      }
    }
  }
  return out;
}

if (parentPort !== null) parentPort.postMessage(runCorpus());
