// The scripting transcripts (spec/scripting/transcripts/*.txt) and the two ways each runs:
// "eval" as written, and "fcall", where every EVAL / EVAL_RO of a body without a shebang becomes
// FUNCTION LOAD REPLACE of that body wrapped in a library plus FCALL / FCALL_RO, as Redis 7.0's
// tests/unit/scripting.tcl does with `foreach is_eval`. Uses spec/server/transcript.ts's format.
//
// Header comments a transcript may carry (besides spec/server's "#! --option value" first line):
// - `# needs: CMD CMD…`: commands scripts call that redlua must have for the replay to mean anything;
// - `# eval-only`: no fcall pass (EVALSHA, SCRIPT, shebangs and other things only EVAL has).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadTranscript, type Step } from "../server/transcript.js";

export const SCRIPTING_TRANSCRIPTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../spec/scripting/transcripts",
);

export type Mode = "eval" | "fcall";

export interface Transcript {
  name: string;
  file: string;
  steps: Step[];
  /** commands the scripts call (the `# needs:` header) */
  needs: string[];
  evalOnly: boolean;
}

export function transcriptNames(dir = SCRIPTING_TRANSCRIPTS): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
}

export function loadScriptingTranscript(name: string, dir = SCRIPTING_TRANSCRIPTS): Transcript {
  const file = path.join(dir, `${name}.txt`);
  const src = fs.readFileSync(file, "latin1");
  const needs: string[] = [];
  let evalOnly = false;
  for (const line of src.split("\n")) {
    const m = /^#\s*needs:(.*)$/.exec(line);
    if (m) needs.push(...m[1].trim().split(/\s+/).filter(Boolean));
    if (/^#\s*eval-only\s*$/.test(line)) evalOnly = true;
  }
  return { name, file, steps: loadTranscript(file), needs, evalOnly };
}

/** The library scripting.tcl's run_script loads for a body: its line N is the library's N+2. */
export function functionLibrary(body: string, readOnly: boolean): string {
  return readOnly
    ? `#!lua name=test\nredis.register_function{function_name='test', callback=function(KEYS, ARGV)\n ${body} \nend, flags={'no-writes'}}`
    : `#!lua name=test\nredis.register_function('test', function(KEYS, ARGV)\n ${body} \nend)`;
}

const REPLIED = new Set(["cmd", "sort", "sortpairs", "any", "masknum"]);

/** The steps of a transcript in a mode (the fcall pass turns EVAL lines into LOAD + FCALL). */
export function stepsFor(steps: Step[], mode: Mode): Step[] {
  if (mode === "eval") return steps;
  const out: Step[] = [];
  for (const s of steps) {
    const cmd = s.args[0]?.toLowerCase();
    if (!REPLIED.has(s.kind) || (cmd !== "eval" && cmd !== "eval_ro") || s.args.length < 3) {
      out.push(s);
      continue;
    }
    const body = s.args[1];
    if (body.startsWith("#!")) {
      out.push(s);
      continue;
    }
    const ro = cmd === "eval_ro";
    out.push({
      line: s.line,
      text: `load ${s.text}`,
      kind: "cmd",
      args: ["FUNCTION", "LOAD", "REPLACE", functionLibrary(body, ro)],
    });
    out.push({
      line: s.line,
      text: `fcall ${s.text}`,
      kind: s.kind,
      args: [ro ? "FCALL_RO" : "FCALL", "test", ...s.args.slice(2)],
    });
  }
  return out;
}

/** The recorded replies of one transcript: resp2/resp3 for EVAL, fcall_resp2/3 for FCALL. */
export type Recording = Record<string, string[]>;

export function recordingKey(mode: Mode, proto: 2 | 3): string {
  return mode === "eval" ? `resp${proto}` : `fcall_resp${proto}`;
}
