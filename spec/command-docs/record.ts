// Records the command documentation from a real redis-server 7.0, for every command redlua's
// command table has: server/commands/docs.json, the data COMMAND DOCS answers from (summary,
// since, group, complexity, history, argument trees...), and spec/command-docs/expected.json,
// the raw COMMAND DOCS replies (RESP2 and RESP3, subcommands in name order) that
// docs.test.ts compares redlua's replies with. Usage: node dist/spec/command-docs/record.js

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Executor } from "../../server/executor.js";
import {
  DOCS_FILE,
  SET_KEYS,
  STATUS_SET_KEYS,
  type CommandDoc,
  type DocValue,
  type DocsFile,
} from "../../server/commands/docs.js";
import { hasBinary, startRedisServer } from "../support/redis-server.js";
import { parseReply, RespClient, type RespValue } from "../support/resp-client.js";
import { canonicalDocs } from "./canonical.js";

export const EXPECTED = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../spec/command-docs/expected.json",
);

export interface ExpectedFile {
  about: string;
  /** Top-level command name -> the canonical raw reply of `COMMAND DOCS name`, per protocol. */
  resp2: Record<string, string>;
  resp3: Record<string, string>;
}

/** The items of a RESP3 map reply, or undefined. */
function mapItems(v: RespValue): RespValue[] | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) && "map" in v ? v.map : undefined;
}

/** A RESP3 documentation value as docs.json keeps it (see server/commands/docs.ts). */
function docValue(v: RespValue, key: string, where: string): DocValue {
  if (typeof v === "string" || typeof v === "number") return v;
  if (Array.isArray(v)) return v.map((x) => docValue(x, "", where));
  const items = mapItems(v);
  if (items !== undefined) return docMap(items, where);
  if (v !== null && typeof v === "object" && "set" in v && SET_KEYS.has(key)) {
    if (!STATUS_SET_KEYS.has(key)) return v.set.map((x) => docValue(x, "", where));
    return v.set.map((x) => {
      if (x === null || typeof x !== "object" || !("status" in x)) {
        throw new Error(`${where}: '${key}' holds a non-status reply`);
      }
      return x.status;
    });
  }
  throw new Error(`${where}: '${key}' holds a reply docs.json can't keep: ${JSON.stringify(v)}`);
}

function docMap(items: RespValue[], where: string): { [key: string]: DocValue } {
  const out: { [key: string]: DocValue } = {};
  for (let i = 0; i < items.length; i += 2) {
    const k = items[i];
    // JSON objects keep insertion order only for keys that are not array indexes
    if (typeof k !== "string" || /^\d+$/.test(k) || Object.hasOwn(out, k)) {
      throw new Error(`${where}: map key ${JSON.stringify(k)} can't be kept in order`);
    }
    out[k] = docValue(items[i + 1], k, `${where}.${k}`);
  }
  return out;
}

/** One entry per line: small diffs when Redis's docs or redlua's command list change. */
function writeJson(
  file: string,
  head: Record<string, string>,
  tables: Record<string, Record<string, unknown>>,
) {
  let out = "{\n";
  for (const [k, v] of Object.entries(head)) out += ` ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`;
  const names = Object.keys(tables);
  names.forEach((t, ti) => {
    const entries = Object.entries(tables[t]);
    out += ` ${JSON.stringify(t)}: {\n`;
    entries.forEach(([k, v], i) => {
      out += `  ${JSON.stringify(k)}: ${JSON.stringify(v)}${i + 1 < entries.length ? "," : ""}\n`;
    });
    out += ` }${ti + 1 < names.length ? "," : ""}\n`;
  });
  fs.writeFileSync(file, out + "}\n", "latin1");
}

async function main(): Promise<void> {
  if (!hasBinary("redis-server")) {
    process.stderr.write("redis-server is not installed; cannot record\n");
    process.exit(1);
  }
  const table = new Executor().table;
  const names = [...table.commands.keys()].sort();
  const srv = await startRedisServer();
  const docs: Record<string, CommandDoc> = {};
  const expected: ExpectedFile = { about: "", resp2: {}, resp3: {} };
  let version = "";
  try {
    const c2 = await RespClient.connect(srv.port);
    const c3 = await RespClient.connect(srv.port);
    const hello = mapItems(parseReply(await c3.command(["HELLO", "3"])));
    version = String(hello?.[hello.indexOf("version") + 1]);
    for (const name of names) {
      const raw3 = (await c3.command(["COMMAND", "DOCS", name])).toString("latin1");
      const raw2 = (await c2.command(["COMMAND", "DOCS", name])).toString("latin1");
      expected.resp2[name] = canonicalDocs(raw2);
      expected.resp3[name] = canonicalDocs(raw3);
      const top = mapItems(parseReply(Buffer.from(raw3, "latin1")));
      const body = mapItems(top?.[1] ?? null);
      if (top?.length !== 2 || body === undefined) {
        throw new Error(`redis-server has no documentation for '${name}'`);
      }
      const doc = docMap(body, name);
      const subs = doc.subcommands as { [key: string]: DocValue } | undefined;
      delete doc.subcommands;
      docs[name] = doc;
      const mine = table.commands.get(name)?.sub;
      for (const [full, sd] of Object.entries(subs ?? {})) {
        const sub = full.slice(full.indexOf("|") + 1);
        if (mine?.has(sub)) docs[full] = sd as CommandDoc;
        else process.stdout.write(`note: redlua has no '${full}' (its docs are left out)\n`);
      }
      for (const sub of mine?.keys() ?? []) {
        if (!Object.hasOwn(docs, `${name}|${sub}`)) {
          throw new Error(`redis-server has no documentation for '${name}|${sub}'`);
        }
      }
    }
    c2.close();
    c3.close();
  } finally {
    await srv.stop();
  }
  const sorted: Record<string, CommandDoc> = {};
  for (const k of Object.keys(docs).sort()) sorted[k] = docs[k];
  const file: DocsFile = {
    about:
      "COMMAND DOCS data, recorded from redis-server by spec/command-docs/record.ts for every command redlua has (full name -> documentation map; see server/commands/docs.ts). Never edit by hand: run npm run record.",
    redis: version,
    commands: sorted,
  };
  writeJson(fileURLToPath(DOCS_FILE), { about: file.about, redis: file.redis }, { commands: file.commands });
  writeJson(
    EXPECTED,
    {
      about:
        "Raw COMMAND DOCS <name> replies from redis-server (subcommands in name order, spec/command-docs/canonical.ts), per top-level command redlua has. Written by spec/command-docs/record.ts; never edit by hand.",
    },
    { resp2: expected.resp2, resp3: expected.resp3 },
  );
  process.stdout.write(
    `recorded docs of ${names.length} commands (${Object.keys(sorted).length} with subcommands) from redis-server ${version}\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`${(e as Error).stack}\n`);
      process.exit(1);
    },
  );
}
