// Starts a real redis-server (the reference) on 127.0.0.1 on a free port for recording scripts and
// comparison tests: `--save "" --appendonly no`, waits until it answers PING, stops it after.
// Uses node:child_process and node:net only; the caller decides whether redis-server is installed.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";

export interface RunningServer {
  port: number;
  /** The child process (for stderr/stdout inspection). */
  proc: ChildProcess;
  /** Stops the server and waits for the process to exit. */
  stop(): Promise<void>;
}

/** True when the `redis-server` binary is on PATH. */
export function hasBinary(name: string): boolean {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() !== "";
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves when something on the port answers `PING` (any reply line, e.g. -NOAUTH), rejects after `timeoutMs`. */
export async function waitForPong(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, "127.0.0.1");
      let data = "";
      const done = (v: boolean) => {
        sock.destroy();
        resolve(v);
      };
      sock.setTimeout(500, () => done(false));
      sock.on("error", () => done(false));
      sock.on("connect", () => sock.write("*1\r\n$4\r\nPING\r\n"));
      sock.on("data", (d) => {
        data += d.toString("latin1");
        if (data.includes("\r\n")) done(true);
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not answer PING`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** Starts redis-server on a free loopback port; extra args are appended (e.g. ["--requirepass", "x"]). */
export async function startRedisServer(extraArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  args.push("--daemonize", "no", "--logfile", "", ...extraArgs);
  const proc = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  let exited = false;
  let output = "";
  proc.stdout?.on("data", (d) => (output += d));
  proc.stderr?.on("data", (d) => (output += d));
  const exitP = new Promise<void>((resolve) =>
    proc.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  try {
    await waitForPong(port);
  } catch (e) {
    proc.kill("SIGKILL");
    throw new Error(`${(e as Error).message}\n${output}`);
  }
  return {
    port,
    proc,
    async stop() {
      if (!exited) proc.kill("SIGTERM");
      const t = setTimeout(() => proc.kill("SIGKILL"), 3000);
      await exitP;
      clearTimeout(t);
    },
  };
}
