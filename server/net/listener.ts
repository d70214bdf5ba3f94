// The TCP side of the server: listens, accepts connections (maxclients), owns the Connection
// for each socket, routes the executor's output batches to them and shuts down. The executor
// (keyspace, commands, scripts, cron) sits behind an ExecutorLink: on its own thread
// (ThreadLink, what `redlua server` runs) or on this one (InlineLink, for tests and embedding).

import net from "node:net";
import type { Executor } from "../executor.js";
import { log } from "../log.js";
import { InlineLink, type ExecutorLink } from "../worker/link.js";
import { OUT_STRIDE } from "../worker/wire.js";
import { Connection, type ConnectionOwner } from "./connection.js";

const EMPTY = Buffer.alloc(0);

export interface ListenOptions {
  port: number;
  /** Addresses to bind (Redis's `bind`); default 127.0.0.1. */
  bind?: string[];
}

export class RedluaServer implements ConnectionOwner {
  private servers: net.Server[] = [];
  readonly conns = new Map<number, Connection>();
  private nextId = 1;
  port = 0;
  private stopped = false;
  private onShutdown: (() => void)[] = [];
  readonly link: ExecutorLink;

  /** Takes an Executor (run inline, on this thread) or a link to one. */
  constructor(executor: Executor | ExecutorLink) {
    this.link = "ctl" in executor ? executor : new InlineLink(executor);
    this.link.events = {
      output: (out, bytes) => this.output(out, bytes),
      shutdown: () => this.shutdown(),
      fatal: (message) => {
        log("#", `Executor thread failed: ${message}`);
        this.shutdown();
      },
    };
  }

  /**
   * The executor, when it runs on this thread (tests reach into it); with the executor on its
   * own thread there is none to reach.
   */
  get ex(): Executor {
    if (this.link instanceof InlineLink) return this.link.ex;
    throw new Error("the executor runs on its own thread");
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
    this.link.configure("port", String(port));
    if (this.link instanceof InlineLink) this.link.start();
    return port;
  }

  private accept(socket: net.Socket): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    const link = this.link;
    const id = this.nextId++;
    // the socket's fd, for the executor thread's direct writes (direct.ts); libuv's handle has it
    const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
    const slot = link.allocSlot(fd);
    const conn = new Connection(socket, id, slot, this);
    this.conns.set(id, conn);
    link.open(
      id,
      slot,
      `${socket.remoteAddress?.replace(/^::ffff:/, "")}:${socket.remotePort}`,
      `${socket.localAddress?.replace(/^::ffff:/, "")}:${socket.localPort}`,
    );
    if (this.conns.size > link.ctl.maxclients) {
      link.rejectedConnections++;
      conn.sendError("ERR max number of clients reached");
    }
    link.flush();
  }

  /** ConnectionOwner: the socket is gone; the executor forgets the client. */
  closed(conn: Connection): void {
    this.conns.delete(conn.id);
    if (this.stopped) return;
    this.link.close(conn.id);
    this.link.flush();
  }

  /** Output from the executor: each connection's bytes (slices of `bytes`), written at once. */
  private output(out: number[], bytes: Buffer): void {
    const conns = this.conns;
    let at = 0;
    for (let i = 0; i < out.length; i += OUT_STRIDE) {
      const n = out[i + 3];
      conns
        .get(out[i])
        ?.output(out[i + 1], out[i + 4], out[i + 2], n === 0 ? EMPTY : bytes.subarray(at, at + n));
      at += n;
    }
  }

  /** SHUTDOWN (from the executor, or a signal): stop serving, then the whenShutdown callbacks. */
  shutdown(): void {
    if (this.stopped) return;
    log("#", "User requested shutdown...");
    void this.close().then(() => {
      log("#", "Redis is now ready to exit, bye bye...");
      for (const f of this.onShutdown) f();
    });
  }

  /** SHUTDOWN NOSAVE while a script runs: the script is stopped where it is. */
  shutdownNow(): void {
    // the script stops with an error its client must not see: the connections close unanswered
    this.link.silence();
    this.link.ctl.requestShutdown();
    this.shutdown();
  }

  /** Called after SHUTDOWN completes (the CLI exits the process). */
  whenShutdown(f: () => void): void {
    this.onShutdown.push(f);
  }

  /** Stops listening, closes every connection and stops the executor. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const conn of [...this.conns.values()]) conn.destroy();
    await Promise.all([
      ...this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))),
      this.link.stop(),
    ]);
  }
}
