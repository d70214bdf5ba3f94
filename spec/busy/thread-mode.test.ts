// The recorded conformance transcripts (spec/server, spec/scripting via EVAL and FCALL,
// spec/functions) replayed once more with the executor on its own thread, as `redlua server`
// runs it: every command and reply crosses the thread boundary in batches. Their own tests
// (executor inline) own the known-difference bookkeeping; here listed cases are skipped.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { knownDifferences } from "../lua/known-differences.js";
import { TRANSCRIPTS as FUNCTION_TRANSCRIPTS } from "../functions/record.js";
import {
  loadScriptingTranscript,
  recordingKey,
  SCRIPTING_TRANSCRIPTS,
  stepsFor,
  transcriptNames,
} from "../scripting/cases.js";
import { serverArgs, TRANSCRIPTS as SERVER_TRANSCRIPTS } from "../server/record.js";
import {
  commandOf,
  loadTranscript,
  normalize,
  recorded,
  runTranscript,
  type Step,
} from "../server/transcript.js";

configureLog({ silent: true });

const known = knownDifferences();

function txtNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** One transcript in one protocol against a fresh thread-mode server: the failures. */
async function replay(
  file: string,
  steps: Step[],
  expected: string[] | undefined,
  proto: 2 | 3,
  idOf: (s: Step) => string,
  needs: string[] = [],
): Promise<Result> {
  const rec = steps.filter(recorded);
  assert.ok(expected !== undefined && expected.length === rec.length, `${file}: recording is stale`);
  const config: Record<string, string> = { save: "", appendonly: "no" };
  const args = serverArgs(file);
  for (let i = 0; i < args.length; i += 2) config[args[i].replace(/^--/, "")] = args[i + 1] ?? "";
  const srv = await startServer({ executor: "thread", config, log: { silent: true } });
  let replies: string[];
  try {
    // a command redlua lacks (another module's work): the inline test reports it
    const commands = srv.link.commands!;
    const lacking =
      needs.some((n) => commands.lookup([n]) === undefined) ||
      rec.some((s, i) => {
        const name = commandOf(s);
        return (
          name !== undefined &&
          commands.lookup([name]) === undefined &&
          !expected[i].startsWith("-ERR unknown command")
        );
      });
    if (lacking) return "skip";
    replies = await runTranscript(srv.port, steps, proto);
  } finally {
    await srv.close();
  }
  const failures: string[] = [];
  rec.forEach((s, i) => {
    const got = normalize(s, replies[i]);
    if (got === expected[i] || known.has(idOf(s))) return;
    const show = (x: string) => JSON.stringify(x.length > 300 ? x.slice(0, 300) + "…" : x);
    failures.push(`RESP${proto} line ${s.line}: ${s.text}\n  want ${show(expected[i])}\n  got  ${show(got)}`);
  });
  return failures;
}

type Result = string[] | "skip";

function check(t: { skip(msg: string): void }, results: Result[]): void {
  if (results.includes("skip")) {
    t.skip("needs commands redlua does not have yet");
    return;
  }
  const failures = (results as string[][]).flat();
  assert.equal(failures.length, 0, failures.join("\n"));
}

describe("server transcripts, executor thread", { concurrency: 4 }, () => {
  for (const name of txtNames(SERVER_TRANSCRIPTS)) {
    test(name, async (t) => {
      const file = path.join(SERVER_TRANSCRIPTS, `${name}.txt`);
      const jsonFile = path.join(SERVER_TRANSCRIPTS, `${name}.json`);
      if (!fs.existsSync(jsonFile)) return t.skip("not recorded");
      const recording: Record<string, string[]> = JSON.parse(fs.readFileSync(jsonFile, "latin1"));
      const steps = loadTranscript(file);
      const id = (s: Step) => `server/${name}.txt#${s.line}`;
      const results: Result[] = [];
      for (const proto of [2, 3] as const)
        results.push(await replay(file, steps, recording[`resp${proto}`], proto, id));
      check(t, results);
    });
  }
});

describe("scripting transcripts, executor thread", { concurrency: 4 }, () => {
  for (const name of transcriptNames()) {
    test(name, async (t) => {
      const tr = loadScriptingTranscript(name);
      const jsonFile = path.join(SCRIPTING_TRANSCRIPTS, `${name}.json`);
      if (!fs.existsSync(jsonFile)) return t.skip("not recorded");
      const recording: Record<string, string[]> = JSON.parse(fs.readFileSync(jsonFile, "latin1"));
      const results: Result[] = [];
      for (const mode of tr.evalOnly ? (["eval"] as const) : (["eval", "fcall"] as const)) {
        const id = (s: Step) => `scripting/${name}.txt#${s.line}${mode === "fcall" ? "@fcall" : ""}`;
        const steps = stepsFor(tr.steps, mode);
        for (const proto of [2, 3] as const) {
          results.push(
            await replay(tr.file, steps, recording[recordingKey(mode, proto)], proto, id, tr.needs),
          );
        }
      }
      check(t, results);
    });
  }
});

describe("functions transcripts, executor thread", { concurrency: 4 }, () => {
  for (const name of txtNames(FUNCTION_TRANSCRIPTS)) {
    test(name, async (t) => {
      const file = path.join(FUNCTION_TRANSCRIPTS, `${name}.txt`);
      const jsonFile = path.join(FUNCTION_TRANSCRIPTS, `${name}.json`);
      if (!fs.existsSync(jsonFile)) return t.skip("not recorded");
      const recording: Record<string, string[]> = JSON.parse(fs.readFileSync(jsonFile, "latin1"));
      const steps = loadTranscript(file);
      const id = (s: Step) => `functions/${name}.txt#${s.line}`;
      const results: Result[] = [];
      for (const proto of [2, 3] as const)
        results.push(await replay(file, steps, recording[`resp${proto}`], proto, id));
      check(t, results);
    });
  }
});
