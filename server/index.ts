// The server's public entry: start a redlua server (executor + listener) in this process with a
// configuration, e.g. from tests (port 0) or the CLI. Returns the running server and its port.

import { Config } from "./config.js";
import { Executor } from "./executor.js";
import { RedluaServer } from "./net/listener.js";

export interface StartOptions {
  port?: number;
  bind?: string[];
  /** Extra config parameters (name -> value), applied as at startup. */
  config?: Record<string, string>;
}

export async function startServer(opts: StartOptions = {}): Promise<RedluaServer> {
  const config = new Config();
  for (const [k, v] of Object.entries(opts.config ?? {})) config.setStartup(k, v);
  const ex = new Executor(config);
  const srv = new RedluaServer(ex);
  await srv.listen({ port: opts.port ?? 0, bind: opts.bind });
  return srv;
}

export { Executor, Config, RedluaServer };
