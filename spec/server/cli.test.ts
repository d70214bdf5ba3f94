// `redlua server` end to end: Redis config-file syntax plus --options, Redis's log line format,
// SHUTDOWN exiting the process; and the config parsers on their own.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCommandLine, parseConfigText } from "../../server/configfile.js";
import { formatLogLine } from "../../server/log.js";
import { RespClient } from "../support/resp-client.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

test("config text: directives, quotes, comments, include", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlua-conf-"));
  fs.writeFileSync(path.join(dir, "inc.conf"), "hz 15\n");
  const pairs = parseConfigText(
    '# comment\nport 7000\n\nsave 900 1 300 10\nrequirepass "a b"\nINCLUDE inc.conf\n',
    path.join(dir, "main.conf"),
  );
  assert.deepEqual(pairs, [
    ["port", "7000"],
    ["save", "900 1 300 10"],
    ["requirepass", "a b"],
    ["hz", "15"],
  ]);
  assert.throws(() => parseConfigText('requirepass "x\n'), /Unbalanced quotes/);
  assert.deepEqual(parseCommandLine(["my.conf", "--port", "1", "--save", "60", "1"]), {
    file: "my.conf",
    pairs: [
      ["port", "1"],
      ["save", "60 1"],
    ],
  });
});

test("log lines look like Redis's", () => {
  const d = new Date(2024, 0, 2, 3, 4, 5, 6);
  assert.equal(
    formatLogLine("*", "Ready to accept connections", d, 42),
    "42:M 02 Jan 2024 03:04:05.006 * Ready to accept connections\n",
  );
  assert.equal(formatLogLine("#", "x", d, 7, "C"), "7:C 02 Jan 2024 03:04:05.006 # x\n");
});

test("redlua server: config file + options, logs, SHUTDOWN exits", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlua-conf-"));
  const conf = path.join(dir, "redis.conf");
  fs.writeFileSync(conf, "requirepass secret\nhz 20\nmaxmemory-policy allkeys-lru\n");
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "bin/redlua.js"), "server", conf, "--port", "0", "--bind", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  try {
    const deadline = Date.now() + 10000;
    while (!/Ready to accept connections/.test(out) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const port = Number(/port=(\d+)/.exec(out)?.[1]);
    assert.ok(port > 0, out);
    assert.match(
      out,
      /^\d+:C \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo$/m,
    );
    assert.match(out, /^\d+:M .* \* Ready to accept connections$/m);
    const c = await RespClient.connect(port);
    assert.equal(await c.call("GET", "k"), "-NOAUTH Authentication required.\r\n");
    assert.equal(await c.call("AUTH", "secret"), "+OK\r\n");
    assert.equal(await c.call("CONFIG", "GET", "hz"), "*2\r\n$2\r\nhz\r\n$2\r\n20\r\n");
    assert.equal(
      await c.call("CONFIG", "GET", "maxmemory-policy"),
      "*2\r\n$16\r\nmaxmemory-policy\r\n$11\r\nallkeys-lru\r\n",
    );
    assert.match(
      await c.call("INFO", "server"),
      new RegExp(`config_file:${conf.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\r\n`),
    );
    c.send(["SHUTDOWN"]);
    await c.closed;
    assert.equal(await exited, 0);
    assert.match(out, /# User requested shutdown\.\.\.\n.*# Redis is now ready to exit, bye bye\.\.\.\n$/);
  } finally {
    child.kill("SIGKILL");
  }
});

test("redlua server: a bad directive is a fatal config error", async () => {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "bin/redlua.js"), "server", "--port", "0", "--hz", "abc"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  assert.equal(code, 1);
  assert.match(err, /FATAL CONFIG FILE ERROR/);
});
