// The servers a benchmark runs against: redis-server and `redlua server`, each its own process
// (so that /proc gives each one's CPU time), on free ports, with persistence off.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, startRedisServer, waitForPong } from "../spec/support/redis-server.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const REDLUA = join(ROOT, "bin/redlua.js");

export interface Target {
  name: string;
  port: number;
  /** the server's process, for its CPU time */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** `redlua server` with its defaults (the executor on its own thread) plus `args`. */
export async function startRedlua(name = "redlua", args: string[] = []): Promise<Target> {
  const port = await freePort();
  const proc = spawn(
    "node",
    [
      REDLUA,
      "server",
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      ...args,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  await waitForPong(port, 10000);
  return {
    name,
    port,
    pid: proc.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        proc.on("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

/** A redis-server. */
export async function startRedis(name = "redis"): Promise<Target> {
  const redis = await startRedisServer();
  return { name, port: redis.port, pid: redis.proc.pid, stop: () => redis.stop() };
}
