// One client connection on the connection side: reads bytes into the RequestDecoder, hands each
// whole request to the executor link (which batches them), and writes the executor's output as
// it comes back, one socket write per connection per batch. Keeps per connection only what its
// own decisions need: requests sent and not finished (replies stay in order), the executor's
// view of the client (auth, RESP version, whether it may be answered -BUSY here), closing.
// While a script runs past busy-reply-threshold it answers a client with nothing waiting at
// the executor itself (worker/busy.ts). Closes after protocol errors, QUIT and CLIENT KILL.

import type net from "node:net";
import { RequestDecoder } from "../protocol/decoder.js";
import { err, ErrorReply, ReplyEncoder } from "../reply.js";
import { busyAnswer } from "../worker/busy.js";
import type { ExecutorLink } from "../worker/link.js";
import { PEER } from "../worker/wire.js";

/** What a connection needs from the server that owns it. */
export interface ConnectionOwner {
  readonly link: ExecutorLink;
  closed(conn: Connection): void;
  /** SHUTDOWN NOSAVE answered while a script runs. */
  shutdownNow(): void;
}

export class Connection {
  readonly decoder: RequestDecoder;
  private readonly enc = new ReplyEncoder(2);
  /** requests handed to the executor and not finished yet */
  private pending = 0;
  /** the executor's view of the client (wire.ts PEER bits) */
  private peer: number = PEER.plain;
  private closed = false;
  private ending = false;
  /** no more requests: the executor asked to close, or a protocol error waits for earlier replies */
  private closing = false;
  private heldError: string | undefined = undefined;

  constructor(
    readonly socket: net.Socket,
    readonly id: number,
    private readonly owner: ConnectionOwner,
  ) {
    const ctl = owner.link.ctl;
    if (!ctl.requirepass) this.peer |= PEER.authed;
    this.decoder = new RequestDecoder({ maxBulkLen: ctl.protoMaxBulkLen, authRequired: false });
    socket.setNoDelay(true);
    socket.on("data", (d: Buffer) => this.onData(d));
    socket.on("error", () => this.destroy());
    // A peer that half-closes still gets the replies to what it sent: net ends our side once
    // the pending writes are flushed (allowHalfOpen is off), then 'close' follows.
    socket.on("close", () => this.destroy());
  }

  private onData(chunk: Buffer): void {
    if (this.closed || this.ending) return;
    this.owner.link.netInputBytes += chunk.length;
    this.decoder.push(chunk);
    this.process();
  }

  /** Hands every whole request buffered to the executor (or answers it here while busy). */
  private process(): void {
    const link = this.owner.link;
    const ctl = link.ctl;
    const dec = this.decoder;
    const limits = dec.limits;
    limits.maxBulkLen = ctl.protoMaxBulkLen;
    // whole requests go as runs of contiguous frames: [segStart, segEnd) of segBuf
    let segBuf: Buffer | undefined = undefined;
    let segStart = 0;
    let segEnd = 0;
    let segCount = 0;
    while (!this.closing && !this.closed) {
      const authRequired = (this.peer & PEER.authed) === 0 && ctl.requirepass;
      // before AUTH is answered the next request's limits are unknown: wait for its reply
      if (authRequired && this.pending !== 0) break;
      limits.authRequired = authRequired;
      // the arguments are sliced by the executor; here only to answer while a script is busy
      const mayAnswer = this.pending === 0 && (this.peer & PEER.plain) !== 0 && ctl.scriptRunning();
      const argv = dec.next(mayAnswer);
      if (argv === undefined) break;
      if (mayAnswer && this.answerHere(argv)) continue;
      this.pending++;
      if (dec.frameInline) {
        if (segBuf !== undefined) {
          const rest = dec.buffered + dec.frameEnd - dec.frameStart;
          link.frames(this.id, segBuf, segStart, segEnd, segCount, rest);
        }
        segBuf = undefined;
        link.command(this.id, argv, dec.buffered);
      } else if (segBuf === dec.frameBuf && segEnd === dec.frameStart) {
        segEnd = dec.frameEnd;
        segCount++;
      } else {
        if (segBuf !== undefined) {
          const rest = dec.buffered + dec.frameEnd - dec.frameStart;
          link.frames(this.id, segBuf, segStart, segEnd, segCount, rest);
        }
        segBuf = dec.frameBuf;
        segStart = dec.frameStart;
        segEnd = dec.frameEnd;
        segCount = 1;
      }
    }
    if (segBuf !== undefined) link.frames(this.id, segBuf, segStart, segEnd, segCount, dec.buffered);
    if (dec.error !== undefined && !this.closing) {
      this.closing = true;
      if (this.pending === 0) this.protocolError(dec.error);
      else this.heldError = dec.error;
    }
    if (!this.closing && dec.buffered > ctl.clientQueryBufferLimit) {
      // closing client that reached max query buffer length: no reply, as Redis.
      this.destroy();
      return;
    }
    link.flush();
    this.flush();
  }

  /** busyAnswer for a client with nothing pending: true when answered (or shutting down). */
  private answerHere(argv: string[]): boolean {
    const link = this.owner.link;
    const a = busyAnswer(link.ctl, link.commands, argv);
    if (a === undefined) return false;
    if (a.shutdown === true) {
      this.owner.shutdownNow();
      return true;
    }
    link.answered(a.rejected, this.id, a.cmd.fullname, a.reply instanceof ErrorReply ? a.reply.text : "");
    this.enc.proto = (this.peer & PEER.resp3) !== 0 ? 3 : 2;
    this.enc.write(a.reply);
    return true;
  }

  /** The executor's output for this connection: `done` requests finished, their RESP bytes. */
  output(done: number, flags: number, bytes: Buffer): void {
    if (this.closed) return;
    this.pending -= done;
    this.peer = flags;
    if (bytes.length !== 0) {
      this.owner.link.netOutputBytes += bytes.length;
      this.socket.write(bytes);
    }
    if ((flags & PEER.kill) !== 0) {
      this.destroy();
      return;
    }
    if ((flags & PEER.close) !== 0) {
      this.closing = true;
      this.end();
      return;
    }
    if (this.pending !== 0) return;
    if (this.heldError !== undefined) this.protocolError(this.heldError);
    else if (this.decoder.buffered > 0 && !this.closing && !this.ending) this.process();
  }

  private protocolError(text: string): void {
    this.heldError = undefined;
    this.enc.write(err(text));
    this.owner.link.error(text);
    this.flush();
    this.end();
  }

  /** Writes the replies made on this side. */
  private flush(): void {
    if (this.closed || this.enc.size === 0) return;
    const out = this.enc.take();
    this.owner.link.netOutputBytes += out.length;
    this.socket.write(out);
  }

  /** Sends an error outside of the request/reply flow (e.g. "max number of clients") and closes. */
  sendError(text: string): void {
    this.closing = true;
    this.enc.write(err(text));
    this.flush();
    this.end();
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
    this.owner.closed(this);
  }
}
