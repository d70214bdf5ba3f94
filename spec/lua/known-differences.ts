// Reads spec/known-differences.json, the one checked-in list of known conformance differences
// (any test area may use it): each entry names a case id and the reason it differs from the
// reference. Test runners still run listed cases and expect them to differ.

import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./corpus.js";

export const KNOWN_DIFFERENCES_FILE = path.join(ROOT, "spec", "known-differences.json");

export interface KnownDifference {
  /** "lua/core/closures.lua", "scripting/eval.txt#12", ... */
  case: string;
  /** Why redlua differs (and, where it helps, what it would take to match). */
  reason: string;
}

/** Entries in file order; throws on a malformed file (missing case/reason, duplicate ids). */
export function loadKnownDifferences(file = KNOWN_DIFFERENCES_FILE): KnownDifference[] {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { differences?: unknown };
  if (!Array.isArray(parsed.differences)) throw new Error(`${file}: "differences" must be an array`);
  const seen = new Set<string>();
  const out: KnownDifference[] = [];
  for (const [i, e] of (parsed.differences as unknown[]).entries()) {
    const entry = e as Partial<KnownDifference> | null;
    if (entry === null || typeof entry !== "object") throw new Error(`${file}: entry ${i} is not an object`);
    if (typeof entry.case !== "string" || entry.case === "")
      throw new Error(`${file}: entry ${i} has no "case"`);
    if (typeof entry.reason !== "string" || entry.reason.trim() === "") {
      throw new Error(`${file}: entry ${i} (${entry.case}) has no "reason"`);
    }
    if (seen.has(entry.case)) throw new Error(`${file}: "${entry.case}" is listed twice`);
    seen.add(entry.case);
    out.push({ case: entry.case, reason: entry.reason });
  }
  return out;
}

/** Case id → reason, for the entries whose id starts with `prefix` ("lua/", "scripting/", ...). */
export function knownDifferences(prefix = ""): Map<string, string> {
  const m = new Map<string, string>();
  for (const d of loadKnownDifferences()) if (d.case.startsWith(prefix)) m.set(d.case, d.reason);
  return m;
}
