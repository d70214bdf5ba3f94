// Replays every recorded transcript against redlua over a real socket, in RESP2 and RESP3, and
// compares each reply byte for byte with what redis-server 7.0 answered when recorded.
// Differences listed in spec/known-differences.json ("server/NAME.txt#LINE", with a reason each)
// are reported as TODO, and fail once they match so the entry gets removed.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { knownDifferences } from "../lua/known-differences.js";
import { serverArgs, TRANSCRIPTS } from "./record.js";
import { commandOf, loadTranscript, normalize, recorded, runTranscript } from "./transcript.js";

configureLog({ silent: true });

const known = knownDifferences("server/");

/** "--name value" pairs from a transcript's "#!" line, as redlua config. */
function configOf(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) out[args[i].replace(/^--/, "")] = args[i + 1] ?? "";
  return out;
}

const names = fs
  .readdirSync(TRANSCRIPTS)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.slice(0, -4))
  .sort();

// Each transcript runs against its own server, so they can run side by side.
describe("transcripts", { concurrency: 4 }, () => {
  for (const name of names) {
    for (const proto of [2, 3] as const) {
      test(`transcript ${name} (RESP${proto})`, async (t) => {
        const file = path.join(TRANSCRIPTS, `${name}.txt`);
        const expectedFile = path.join(TRANSCRIPTS, `${name}.json`);
        assert.ok(
          fs.existsSync(expectedFile),
          `${name}.json not recorded: run node dist/spec/server/record.js ${name}`,
        );
        const expected: string[] = JSON.parse(fs.readFileSync(expectedFile, "latin1"))[`resp${proto}`];
        const steps = loadTranscript(file);
        const rec = steps.filter(recorded);
        assert.equal(expected.length, rec.length, `${name}.json is stale: re-record it`);
        // The recorder starts redis-server with --save "" --appendonly no: mirror that.
        const srv = await startServer({
          config: { save: "", appendonly: "no", ...configOf(serverArgs(file)) },
        });
        // Commands the reference knows and redlua does not have yet (another module's work): skip
        // the transcript with a clear message rather than fail or pretend.
        const missing = new Set<string>();
        rec.forEach((s, i) => {
          const name = commandOf(s);
          if (name === undefined || srv.ex.table.lookupBase(name) !== undefined) return;
          if (!expected[i].startsWith("-ERR unknown command")) missing.add(s.args[0].toUpperCase());
        });
        if (missing.size > 0) {
          await srv.close();
          t.skip(`needs commands redlua does not have yet: ${[...missing].join(" ")}`);
          return;
        }
        let replies: string[];
        try {
          replies = await runTranscript(srv.port, steps, proto);
        } finally {
          await srv.close();
        }
        const failures: string[] = [];
        let knownCount = 0;
        rec.forEach((s, i) => {
          const got = normalize(s, replies[i]);
          const id = `server/${name}.txt#${s.line}`;
          if (got === expected[i]) {
            if (known.has(id)) failures.push(`${id} now matches: remove it from spec/known-differences.json`);
            return;
          }
          if (known.has(id)) {
            knownCount++;
            return;
          }
          const show = (x: string) => JSON.stringify(x.length > 400 ? x.slice(0, 400) + "…" : x);
          failures.push(`line ${s.line}: ${s.text}\n  want ${show(expected[i])}\n  got  ${show(got)}`);
        });
        if (knownCount > 0) t.diagnostic(`${knownCount} known difference(s) (spec/known-differences.json)`);
        assert.equal(
          failures.length,
          0,
          `${failures.length} of ${rec.length} replies differ:\n${failures.join("\n")}`,
        );
      });
    }
  }
});
