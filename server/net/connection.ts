// One client connection: reads bytes into the RequestDecoder, runs each whole request through
// the executor, encodes replies into one buffer per read (one socket write per batch), and
// closes after protocol errors, QUIT and CLIENT KILL as Redis does.

import type net from "node:net";
import type { ClientState } from "../client.js";
import type { Executor } from "../executor.js";
import { RequestDecoder } from "../protocol/decoder.js";
import { err, ReplyEncoder } from "../reply.js";

export class Connection {
  readonly decoder: RequestDecoder;
  readonly enc = new ReplyEncoder(2);
  private closed = false;
  private ending = false;

  constructor(
    readonly socket: net.Socket,
    readonly client: ClientState,
    readonly ex: Executor,
    private readonly onClose: (conn: Connection) => void,
  ) {
    this.decoder = new RequestDecoder({ maxBulkLen: ex.config.protoMaxBulkLen, authRequired: false });
    socket.setNoDelay(true);
    socket.on("data", (d: Buffer) => this.onData(d));
    socket.on("error", () => this.destroy());
    // A peer that half-closes still gets the replies to what it sent: net ends our side once
    // the pending writes are flushed (allowHalfOpen is off), then 'close' follows.
    socket.on("close", () => this.destroy());
  }

  private onData(chunk: Buffer): void {
    if (this.closed || this.ending) return;
    const c = this.client;
    const ex = this.ex;
    const dec = this.decoder;
    const enc = this.enc;
    ex.stats.netInputBytes += chunk.length;
    c.lastInteraction = Date.now();
    dec.push(chunk);
    const limits = dec.limits;
    limits.maxBulkLen = ex.config.protoMaxBulkLen;
    for (;;) {
      limits.authRequired = !c.authenticated && ex.config.requirepass !== "";
      const argv = dec.next();
      if (argv === undefined) break;
      c.qbuf = dec.buffered;
      const r = ex.execute(c, argv);
      if (!c.dropReply) {
        enc.proto = c.resp;
        enc.write(r);
      }
      if (c.closeAfterReply || c.killed) break;
    }
    if (dec.error !== undefined && !c.closeAfterReply && !c.killed) {
      enc.write(err(dec.error));
      ex.countError(err(dec.error));
      c.closeAfterReply = true;
    }
    c.qbuf = dec.buffered;
    if (!c.closeAfterReply && dec.buffered > ex.config.clientQueryBufferLimit) {
      // closing client that reached max query buffer length: no reply, as Redis.
      this.destroy();
      return;
    }
    this.flush();
  }

  /** Writes everything encoded so far, then closes if the client is to be closed. */
  flush(): void {
    if (this.closed) return;
    if (this.enc.size > 0) {
      const out = this.enc.take();
      this.ex.stats.netOutputBytes += out.length;
      this.socket.write(out);
    }
    if (this.client.killed) this.destroy();
    else if (this.client.closeAfterReply) this.end();
  }

  /** Sends a reply outside of the request/reply flow (e.g. "max number of clients"). */
  sendError(text: string): void {
    this.enc.write(err(text));
    this.client.closeAfterReply = true;
    this.flush();
  }

  /** Graceful close once pending output is written. */
  end(): void {
    if (this.closed || this.ending) return;
    this.ending = true;
    this.socket.end();
    this.finish();
  }

  destroy(): void {
    if (this.closed) return;
    this.socket.destroy();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
  }
}
