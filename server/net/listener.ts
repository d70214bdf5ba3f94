// The TCP side of the server: listens, accepts connections (maxclients), owns the Connection
// for each ClientState, runs the cron (active expiry, idle timeout) and shuts down. Implements
// ExecutorHost so CLIENT KILL and SHUTDOWN reach the sockets.

import net from "node:net";
import { Executor, type ExecutorHost } from "../executor.js";
import type { ClientState } from "../client.js";
import { Connection } from "./connection.js";
import { log } from "../log.js";

export interface ListenOptions {
  port: number;
  /** Addresses to bind (Redis's `bind`); default 127.0.0.1. */
  bind?: string[];
}

export class RedluaServer implements ExecutorHost {
  private servers: net.Server[] = [];
  readonly conns = new Map<ClientState, Connection>();
  private cronTimer: NodeJS.Timeout | undefined;
  port = 0;
  private stopped = false;
  private onShutdown: (() => void)[] = [];

  constructor(readonly ex: Executor) {
    ex.host = this;
  }

  /** Starts listening; resolves with the bound port (useful with port 0). */
  async listen(opts: ListenOptions): Promise<number> {
    const binds = opts.bind && opts.bind.length > 0 ? opts.bind : ["127.0.0.1"];
    let port = opts.port;
    for (const addr of binds) {
      // Redis's bind syntax: "*" any IPv4, "::*" any IPv6, a leading "-" marks an address
      // that may be unavailable (skipped instead of failing).
      const optional = addr.startsWith("-");
      const raw = optional ? addr.slice(1) : addr;
      const host = raw === "*" ? "0.0.0.0" : raw === "::*" ? "::" : raw;
      const srv = net.createServer({ noDelay: true }, (s) => this.accept(s));
      try {
        await new Promise<void>((resolve, reject) => {
          srv.once("error", reject);
          srv.listen({ port, host, backlog: 511, ipv6Only: host.includes(":") }, () => {
            srv.off("error", reject);
            resolve();
          });
        });
      } catch (e) {
        if (optional) continue;
        throw e;
      }
      const a = srv.address();
      if (a && typeof a === "object") port = a.port;
      this.servers.push(srv);
    }
    this.port = port;
    this.ex.config.setStartup("port", String(port));
    this.startCron();
    return port;
  }

  private startCron(): void {
    const tick = () => {
      this.ex.cron();
      this.clientsCron();
      this.cronTimer = setTimeout(tick, Math.max(1, Math.floor(1000 / this.ex.config.hz)));
      this.cronTimer.unref();
    };
    this.cronTimer = setTimeout(tick, 100);
    this.cronTimer.unref();
  }

  private clientsCron(): void {
    const timeout = Number(this.ex.config.get("timeout") ?? 0);
    if (timeout <= 0) return;
    const now = Date.now();
    for (const [c, conn] of this.conns) {
      if (
        c.kind === "normal" &&
        c.subs + c.psubs + c.ssubs === 0 &&
        now - c.lastInteraction > timeout * 1000
      ) {
        conn.destroy();
      }
    }
  }

  private accept(socket: net.Socket): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    const ex = this.ex;
    const c = ex.newClient();
    c.addr = `${socket.remoteAddress?.replace(/^::ffff:/, "")}:${socket.remotePort}`;
    c.laddr = `${socket.localAddress?.replace(/^::ffff:/, "")}:${socket.localPort}`;
    c.fd = c.id + 7;
    const conn = new Connection(socket, c, ex, (cn) => {
      this.conns.delete(cn.client);
      ex.removeClient(cn.client);
    });
    this.conns.set(c, conn);
    if (this.conns.size > ex.config.maxclients) {
      ex.stats.rejectedConnections++;
      conn.sendError("ERR max number of clients reached");
    }
  }

  killClient(c: ClientState): void {
    const conn = this.conns.get(c);
    if (conn === undefined) return;
    c.killed = true;
    // The reply to CLIENT KILL may still be in flight on this very connection.
    setImmediate(() => conn.destroy());
  }

  shutdown(): void {
    log("#", "User requested shutdown...");
    void this.close().then(() => {
      log("#", "Redis is now ready to exit, bye bye...");
      for (const f of this.onShutdown) f();
    });
  }

  /** Called after SHUTDOWN completes (the CLI exits the process). */
  whenShutdown(f: () => void): void {
    this.onShutdown.push(f);
  }

  /** Stops listening and closes every connection. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.cronTimer) clearTimeout(this.cronTimer);
    for (const conn of [...this.conns.values()]) conn.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
}
