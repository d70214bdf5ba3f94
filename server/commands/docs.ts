// Command documentation for COMMAND DOCS: server/commands/docs.json holds, per full command name
// ("get", "config|get"), the documentation map redis-server 7.0 answers — summary, since, group,
// complexity, doc_flags, deprecated_since, replaced_by, history and the argument tree of its
// src/commands/*.json. It is recorded from the real server by spec/command-docs/record.ts, never
// typed by hand, and loaded on first use.

import { readFileSync } from "node:fs";
import { MapReply, SetReply, StatusReply, type Reply } from "../reply.js";

/**
 * One command's documentation as recorded: a RESP3 map as a JSON object (keys in Redis's order),
 * arrays, bulk strings and integers. The reply's sets are the values of `history` (a set of
 * [version, description] pairs), `flags` and `doc_flags` (sets of status replies); the recorder
 * checks that no other set or status reply occurs.
 */
export type DocValue = string | number | DocValue[] | { [key: string]: DocValue };
export type CommandDoc = { [key: string]: DocValue };

/** The keys whose value is a set, and the ones whose set holds status replies. */
export const SET_KEYS = new Set(["history", "flags", "doc_flags"]);
export const STATUS_SET_KEYS = new Set(["flags", "doc_flags"]);

export interface DocsFile {
  about: string;
  /** The redis-server version the docs were recorded from. */
  redis: string;
  /** Full command name -> its documentation. */
  commands: Record<string, CommandDoc>;
}

export const DOCS_FILE = new URL("../../../server/commands/docs.json", import.meta.url);

let loaded: Record<string, CommandDoc> | undefined;

/** The recorded documentation of a command by full name, or undefined if none was recorded. */
export function commandDoc(fullname: string): CommandDoc | undefined {
  loaded ??= (JSON.parse(readFileSync(DOCS_FILE, "latin1")) as DocsFile).commands;
  return Object.hasOwn(loaded, fullname) ? loaded[fullname] : undefined;
}

function valueReply(v: DocValue, key: string): Reply {
  if (typeof v === "string" || typeof v === "number") return v;
  if (Array.isArray(v)) {
    if (STATUS_SET_KEYS.has(key)) return new SetReply(v.map((x) => new StatusReply(x as string)));
    const items = v.map((x) => valueReply(x, ""));
    return SET_KEYS.has(key) ? new SetReply(items) : items;
  }
  return mapReply(v);
}

function mapReply(doc: { [key: string]: DocValue }, extra: Reply[] = []): MapReply {
  const out: Reply[] = [];
  for (const k of Object.keys(doc)) out.push(k, valueReply(doc[k], k));
  out.push(...extra);
  return new MapReply(out);
}

/**
 * addReplyCommandDocs: the documentation map of a command, with `subcommands` (full name ->
 * documentation map of each subcommand) last when it has any.
 */
export function docsReply(doc: CommandDoc, subcommands?: Reply[]): MapReply {
  return mapReply(doc, subcommands === undefined ? [] : ["subcommands", new MapReply(subcommands)]);
}
