// The redis-libs corpus: reads spec/redis-libs/cases/*.lua into the scripts to run (with the shared
// prelude, or one script per line for "each-line" files) and the variants (client protocol and the
// script's redis.setresp) each is recorded in. Shared by the recorder and the test.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** spec/redis-libs in the source tree (this file runs from dist/spec/redis-libs). */
export const SPEC_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../spec/redis-libs",
);
export const CASES_DIR = path.join(SPEC_DIR, "cases");
export const EXPECTED_DIR = path.join(SPEC_DIR, "expected");

export interface Variant {
  /** the client's protocol (HELLO 3 or not) */
  client: 2 | 3;
  /** the script's protocol, as redis.setresp sets it */
  scriptResp: 2 | 3;
}

export interface Script {
  /** a label: the line number for each-line files, else "script" */
  label: string;
  /** the exact text sent to EVAL */
  source: string;
  variants: Variant[];
}

export interface Case {
  name: string;
  scripts: Script[];
}

const LIB_VARIANTS: Variant[] = [{ client: 2, scriptResp: 2 }];
const CONVERT_VARIANTS: Variant[] = [
  { client: 2, scriptResp: 2 },
  { client: 3, scriptResp: 2 },
  { client: 2, scriptResp: 3 },
  { client: 3, scriptResp: 3 },
];

/** The source to run for a variant: setresp(3) goes on the script's first line, so lines keep their numbers. */
export function sourceFor(script: Script, v: Variant): string {
  return v.scriptResp === 3 ? "redis.setresp(3) " + script.source : script.source;
}

export function loadCases(): Case[] {
  const prelude = fs.readFileSync(path.join(CASES_DIR, "_prelude.lua"), "latin1");
  const cases: Case[] = [];
  for (const file of fs.readdirSync(CASES_DIR).sort()) {
    if (!file.endsWith(".lua") || file.startsWith("_")) continue;
    const text = fs.readFileSync(path.join(CASES_DIR, file), "latin1");
    const name = file.slice(0, -4);
    if (text.startsWith("-- each-line")) {
      const scripts: Script[] = [];
      text.split("\n").forEach((line, i) => {
        if (line.trim() === "" || line.startsWith("--")) return;
        scripts.push({ label: `line ${i + 1}`, source: line, variants: CONVERT_VARIANTS });
      });
      cases.push({ name, scripts });
    } else {
      cases.push({ name, scripts: [{ label: "script", source: prelude + text, variants: LIB_VARIANTS }] });
    }
  }
  return cases;
}

/** One recorded reply. */
export interface Recorded {
  label: string;
  client: 2 | 3;
  scriptResp: 2 | 3;
  /** the script, for each-line files (so the file reads on its own) */
  source?: string;
  /** the raw reply bytes as a latin1 string (replies up to BIG_REPLY bytes) */
  reply?: string;
  /** for longer replies: their length, SHA-256 (hex) and first bytes */
  replyLength?: number;
  replySha256?: string;
  replyHead?: string;
}

/** Replies longer than this are stored as a digest (the ~32 KB replies of the deep-nesting cases). */
export const BIG_REPLY = 20000;

export function sha256(latin1: string): string {
  return crypto.createHash("sha256").update(Buffer.from(latin1, "latin1")).digest("hex");
}

/** Stores a reply in a Recorded entry, whole or as a digest. */
export function storeReply(r: Recorded, reply: string): void {
  if (reply.length <= BIG_REPLY) {
    r.reply = reply;
  } else {
    r.replyLength = reply.length;
    r.replySha256 = sha256(reply);
    r.replyHead = reply.slice(0, 200);
  }
}

/** Does an actual reply match a recorded one? */
export function replyMatches(r: Recorded, actual: string): boolean {
  if (r.reply !== undefined) return r.reply === actual;
  return actual.length === r.replyLength && sha256(actual) === r.replySha256;
}

export interface ExpectedFile {
  case: string;
  recordedFrom: string;
  results: Recorded[];
}

export function expectedPath(name: string): string {
  return path.join(EXPECTED_DIR, `${name}.json`);
}
