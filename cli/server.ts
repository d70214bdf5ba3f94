// `redlua server [configfile] [--port 6379] [--bind 127.0.0.1] [--requirepass p] [--config FILE]
// [--<any config> value...] [--executor thread|inline] [--script-heap-mb N]`: loads Redis-syntax
// config (file, then command line), starts the server with its executor on its own thread
// (`--executor inline` keeps it on the connections' thread: no BUSY replies, for comparisons),
// logs like redis-server, and shuts down cleanly on SIGINT/SIGTERM or SHUTDOWN.

import fs from "node:fs";
import { Config, ConfigError } from "../server/config.js";
import { ConfigFileError, parseCommandLine, parseConfigText } from "../server/configfile.js";
import { Executor } from "../server/executor.js";
import { RedluaServer } from "../server/net/listener.js";
import { ThreadLink } from "../server/worker/link.js";
import { configureLog, log } from "../server/log.js";
import { serverFacts } from "../server/commands/server.js";
import { REDIS_VERSION } from "../server/info.js";

const USAGE = `Usage: redlua server [/path/to/redis.conf] [options]
       redlua server --port 7777 --bind 127.0.0.1 --requirepass secret
       redlua server --config /etc/redis/redis.conf --loglevel verbose
       redlua server --executor inline       (executor on the connections' thread)
       redlua server --script-heap-mb 2048   (V8 heap scripts may use before "not enough memory")
`;

/** Directives accepted for compatibility that this server does not act on. */
const IGNORED = new Set(["protected-mode", "daemonize", "supervised", "pidfile", "always-show-logo"]);

export async function main(argv: string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.includes("-v") || argv.includes("--version")) {
    process.stdout.write(`Redis server v=${REDIS_VERSION} sha=00000000:0 malloc=libc bits=64 build=redlua\n`);
    return 0;
  }
  const config = new Config();
  let pairs: [string, string][] = [];
  try {
    const cl = parseCommandLine(argv);
    let file = cl.file;
    const rest: [string, string][] = [];
    for (const [k, v] of cl.pairs) {
      if (k === "config") file = v;
      else rest.push([k, v]);
    }
    if (file !== undefined) {
      serverFacts.configFile = fs.realpathSync(file);
      pairs = parseConfigText(fs.readFileSync(file, "latin1"), file);
    }
    pairs.push(...rest);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  let bind = ["127.0.0.1"];
  let port = 6379;
  let executor = "thread";
  let scriptHeapMb: number | undefined;
  const applied: [string, string][] = [];
  for (const [name, value] of pairs) {
    // redlua's own options, not Redis config parameters
    if (name === "executor" && (value === "thread" || value === "inline")) {
      executor = value;
      continue;
    }
    if (name === "script-heap-mb" && /^[1-9]\d*$/.test(value)) {
      scriptHeapMb = Number(value);
      continue;
    }
    try {
      if (name === "bind") bind = value.split(" ").filter(Boolean);
      else if (name === "port") port = Number(value);
      if (IGNORED.has(name) && name !== "protected-mode") continue;
      config.setStartup(name, value);
      applied.push([name, value]);
    } catch (e) {
      if (!(e instanceof ConfigError || e instanceof ConfigFileError)) throw e;
      process.stderr.write(
        `\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\n>>> '${name} ${value}'\n${e.message}\n`,
      );
      return 1;
    }
  }
  configureLog({ level: config.get("loglevel"), file: config.get("logfile") });
  log("#", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo", "C");
  log(
    "#",
    `Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=0, pid=${process.pid}, just started`,
    "C",
  );
  log(
    "#",
    serverFacts.configFile
      ? "Configuration loaded"
      : "Warning: no config file specified, using the default config. In order to specify a config file use redlua server /path/to/redis.conf",
    "C",
  );
  let srv: RedluaServer;
  if (executor === "inline") srv = new RedluaServer(new Executor(config));
  else {
    const link = new ThreadLink({
      config: applied,
      checked: config,
      configFile: serverFacts.configFile,
      log: { level: config.get("loglevel"), file: config.get("logfile") },
      scriptHeapMb,
    });
    try {
      await link.whenReady();
    } catch (e) {
      log("#", `Executor thread failed to start: ${(e as Error).message}`);
      return 1;
    }
    srv = new RedluaServer(link);
  }
  try {
    await srv.listen({ port, bind });
  } catch (e) {
    log(
      "#",
      `Warning: Could not create server TCP listening socket ${bind.join(" ")}:${port}: ${(e as Error).message}`,
    );
    log("#", "Failed listening on port " + port + " (tcp), aborting.");
    return 1;
  }
  log("*", `Running mode=standalone, port=${srv.port}.`);
  log("#", "Server initialized");
  log("*", "Ready to accept connections");
  return new Promise<number>((resolve) => {
    srv.whenShutdown(() => resolve(0));
    const onSignal = (sig: string) => {
      log("#", `Received ${sig} scheduling shutdown...`);
      srv.shutdown();
    };
    process.once("SIGINT", () => onSignal("SIGINT"));
    process.once("SIGTERM", () => onSignal("SIGTERM"));
  });
}
