// COMMAND DOCS against what redis-server 7.0 answered (spec/command-docs/expected.json, written
// with server/commands/docs.json by record.ts): every command redlua has, in RESP2 and RESP3,
// asked by name, by subcommand full name, several at once, and all at once with no names.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { startServer, type RedluaServer } from "../../server/index.js";
import { configureLog } from "../../server/log.js";
import { DOCS_FILE, type DocsFile } from "../../server/commands/docs.js";
import { RespClient } from "../support/resp-client.js";
import { aggregate, canonicalDocs, docsPairs } from "./canonical.js";
import { EXPECTED, type ExpectedFile } from "./record.js";

configureLog({ silent: true });

const expected = JSON.parse(fs.readFileSync(EXPECTED, "latin1")) as ExpectedFile;
const docsFile = JSON.parse(fs.readFileSync(DOCS_FILE, "latin1")) as DocsFile;

/** A COMMAND DOCS reply holding the given (name, documentation) pairs. */
function docsReply(proto: 2 | 3, pairs: [string, string][]): string {
  const head = proto === 3 ? `%${pairs.length}\r\n` : `*${pairs.length * 2}\r\n`;
  return head + pairs.map(([k, v]) => k + v).join("");
}

/** The recorded (name, documentation) pair of a command or a subcommand ("config|get"). */
function recordedPair(proto: 2 | 3, fullname: string): [string, string] {
  const top = fullname.split("|")[0];
  const raw = expected[`resp${proto}`][top];
  assert.ok(raw !== undefined, `no recorded docs for '${top}': run node dist/spec/command-docs/record.js`);
  const [pair] = docsPairs(raw);
  if (top === fullname) return pair;
  const { items } = aggregate(pair[1]);
  const at = items.indexOf("$11\r\nsubcommands\r\n");
  const subs = aggregate(items[at + 1]).items;
  const i = subs.indexOf(`$${fullname.length}\r\n${fullname}\r\n`);
  assert.ok(at >= 0 && i >= 0, `no recorded docs for '${fullname}'`);
  return [subs[i], subs[i + 1]];
}

const show = (x: string) => JSON.stringify(x.length > 300 ? x.slice(0, 300) + "…" : x);

describe("COMMAND DOCS", () => {
  let srv: RedluaServer;
  const clients = new Map<2 | 3, RespClient>();
  const docs = async (proto: 2 | 3, ...names: string[]) =>
    canonicalDocs(
      (await clients.get(proto)!.command(["COMMAND", "DOCS", ...names], 10000)).toString("latin1"),
    );

  before(async () => {
    srv = await startServer({});
    for (const proto of [2, 3] as const) {
      const c = await RespClient.connect(srv.port);
      if (proto === 3) await c.command(["HELLO", "3"]);
      clients.set(proto, c);
    }
  });
  after(async () => {
    for (const c of clients.values()) c.close();
    await srv.close();
  });

  test("docs.json has the docs of exactly the commands redlua has", () => {
    const table = srv.ex.table;
    const names: string[] = [];
    for (const cmd of table.commands.values()) {
      names.push(cmd.fullname);
      for (const s of cmd.sub?.values() ?? []) names.push(s.fullname);
    }
    const recorded = Object.keys(docsFile.commands);
    const missing = names.filter((n) => !recorded.includes(n));
    const extra = recorded.filter((n) => !names.includes(n));
    assert.deepEqual(
      { missing, extra },
      { missing: [], extra: [] },
      "server/commands/docs.json is stale: run node dist/spec/command-docs/record.js",
    );
    assert.deepEqual(Object.keys(expected.resp3).sort(), [...table.commands.keys()].sort());
  });

  for (const proto of [2, 3] as const) {
    test(`each command by name (RESP${proto})`, async () => {
      const failures: string[] = [];
      for (const name of srv.ex.table.commands.keys()) {
        const got = await docs(proto, name);
        const want = expected[`resp${proto}`][name];
        if (got !== want) failures.push(`COMMAND DOCS ${name}\n  want ${show(want)}\n  got  ${show(got)}`);
      }
      assert.equal(failures.length, 0, failures.slice(0, 5).join("\n"));
    });

    test(`each subcommand by full name (RESP${proto})`, async () => {
      const failures: string[] = [];
      for (const cmd of srv.ex.table.commands.values()) {
        for (const s of cmd.sub?.values() ?? []) {
          const got = await docs(proto, s.fullname);
          const want = docsReply(proto, [recordedPair(proto, s.fullname)]);
          if (got !== want)
            failures.push(`COMMAND DOCS ${s.fullname}\n  want ${show(want)}\n  got  ${show(got)}`);
        }
      }
      assert.equal(failures.length, 0, failures.slice(0, 5).join("\n"));
    });

    test(`several names, unknown ones left out (RESP${proto})`, async () => {
      const got = await docs(proto, "get", "nosuch", "config|get", "CLIENT", "Set", "config|nosuch", "get");
      const want = docsReply(
        proto,
        ["get", "config|get", "client", "set", "get"].map((n) => recordedPair(proto, n)),
      );
      assert.equal(got, want);
      assert.equal(await docs(proto, "nosuch"), proto === 3 ? "%0\r\n" : "*0\r\n");
    });

    test(`all commands with no names (RESP${proto})`, async () => {
      const pairs = docsPairs(await docs(proto));
      const table = srv.ex.table;
      assert.equal(pairs.length, table.commands.size);
      const failures: string[] = [];
      for (const [k, v] of pairs) {
        const name = k.split("\r\n")[1];
        const want = recordedPair(proto, name);
        if (k !== want[0] || v !== want[1])
          failures.push(`${name}\n  want ${show(want[1])}\n  got  ${show(v)}`);
      }
      assert.equal(failures.length, 0, failures.slice(0, 5).join("\n"));
    });
  }
});
