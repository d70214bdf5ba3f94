// The server's public entry: start a redlua server (executor + listener) in this process with a
// configuration, e.g. from tests (port 0) or the CLI. Returns the running server and its port.
// The executor runs on this thread by default (tests reach into it through `srv.ex`); with
// `executor: "thread"` it runs on its own thread, as `redlua server` runs it.

import { Config } from "./config.js";
import { Executor } from "./executor.js";
import { RedluaServer } from "./net/listener.js";
import { ThreadLink } from "./worker/link.js";

export interface StartOptions {
  port?: number;
  bind?: string[];
  /** Extra config parameters (name -> value), applied as at startup. */
  config?: Record<string, string>;
  /** Where the executor runs: this thread ("inline", the default) or its own ("thread"). */
  executor?: "inline" | "thread";
  /** Thread mode: the V8 heap (MB) scripts may use before "not enough memory" (ThreadOptions). */
  scriptHeapMb?: number;
  /** Thread mode: the executor thread's log settings (configureLog's). */
  log?: { level?: string; file?: string; silent?: boolean };
}

export async function startServer(opts: StartOptions = {}): Promise<RedluaServer> {
  const config = new Config();
  const pairs = Object.entries(opts.config ?? {});
  for (const [k, v] of pairs) config.setStartup(k, v);
  let srv: RedluaServer;
  if (opts.executor === "thread") {
    const link = new ThreadLink({
      config: pairs,
      checked: config,
      configFile: "",
      log: opts.log ?? {},
      scriptHeapMb: opts.scriptHeapMb,
    });
    await link.whenReady();
    srv = new RedluaServer(link);
  } else {
    srv = new RedluaServer(new Executor(config));
  }
  await srv.listen({ port: opts.port ?? 0, bind: opts.bind });
  return srv;
}

export { Executor, Config, RedluaServer };
