// One client connection on the connection side: reads bytes into the RequestDecoder, hands each
// whole request to the executor link (which batches them), and writes the executor's output as
// it comes back, one socket write per connection per batch — with the executor on its own
// thread, only what that thread could not write to the socket itself (worker/direct.ts: this
// side then holds the socket's slot until its writes are out). While this thread sleeps in its
// handoff wait that thread may also read the socket itself (worker/session.ts's readAhead),
// when this side marks it readable. Keeps per connection only what its own decisions need:
// requests sent, or taken by the executor, and not finished (replies stay in order), the
// executor's view of the client (auth, RESP version, whether it may be answered -BUSY here),
// closing. While a script runs past busy-reply-threshold it answers a client with nothing
// waiting at the executor itself (worker/busy.ts). Closes after protocol errors, QUIT and
// CLIENT KILL.

import type net from "node:net";
import { RequestDecoder } from "../protocol/decoder.js";
import { err, ErrorReply, ReplyEncoder } from "../reply.js";
import { busyAnswer } from "../worker/busy.js";
import type { ExecutorLink } from "../worker/link.js";
import { PEER } from "../worker/wire.js";
import { readIntoShared } from "./read-buffer.js";

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
  /** in process(): output taken meanwhile must not start it again, only once it is done */
  private processing = false;
  private resumeAfter = false;
  /** registered with link.want: waiting for the executor to finish this connection's requests */
  private waiting = false;
  /** the slot table's word for this socket was closed (worker/direct.ts) */
  private slotClosed = false;

  constructor(
    readonly socket: net.Socket,
    readonly id: number,
    /** the socket's slot in the slot table (worker/direct.ts), or -1 */
    private readonly slot: number,
    private readonly owner: ConnectionOwner,
  ) {
    const ctl = owner.link.ctl;
    if (slot >= 0) {
      // no write from the executor thread may reach the fd once it is closed (and perhaps reused):
      // Node closes it in _destroy, whatever the reason for the destroy
      const destroy = socket._destroy;
      socket._destroy = (e, cb) => {
        this.closeSlot();
        destroy.call(socket, e, cb);
      };
    }
    if (!ctl.requirepass) this.peer |= PEER.authed;
    this.decoder = new RequestDecoder({ maxBulkLen: ctl.protoMaxBulkLen, authRequired: false });
    socket.setNoDelay(true);
    if (!readIntoShared(socket, (d) => this.onData(d, true)))
      socket.on("data", (d: Buffer) => this.onData(d, false));
    socket.on("error", () => this.destroy());
    // A peer that half-closes still gets the replies to what it sent: net ends our side once
    // the pending writes are flushed (allowHalfOpen is off), then 'close' follows.
    socket.on("close", () => this.destroy());
  }

  /** Bytes read; `borrowed`: valid only until this returns (server/net/read-buffer.ts). */
  private onData(chunk: Buffer, borrowed: boolean): void {
    if (this.closed || this.ending) return;
    this.owner.link.netInputBytes += chunk.length;
    const dec = this.decoder;
    dec.push(chunk, borrowed);
    try {
      this.process();
    } finally {
      dec.own();
    }
  }

  /** Hands every whole request buffered to the executor (or answers it here while busy). */
  private process(): void {
    this.processing = true;
    try {
      this.processFrames();
    } finally {
      this.processing = false;
    }
    if (this.resumeAfter) {
      this.resumeAfter = false;
      this.resume();
    }
  }

  /**
   * Whether the executor has finished this connection's requests, taking its latest output
   * first; if not, the executor will wake this thread with the output that finishes them.
   */
  private settled(): boolean {
    if (this.pending === 0) return true;
    const link = this.owner.link;
    link.sync();
    if (this.pending === 0 || this.closed) return true;
    if (!this.waiting) {
      this.waiting = true;
      link.want(1);
      // output published before the executor could see the want
      link.sync();
    }
    return this.pending === 0;
  }

  private processFrames(): void {
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
      // before AUTH is answered the next request's limits are unknown: wait for its reply
      if ((this.peer & PEER.authed) === 0 && ctl.requirepass && !this.settled()) break;
      const authRequired = (this.peer & PEER.authed) === 0 && ctl.requirepass;
      limits.authRequired = authRequired;
      // the arguments are sliced by the executor; here only to answer while a script is busy
      const busy = ctl.scriptRunning();
      if (busy && this.pending !== 0) link.sync();
      const mayAnswer = busy && this.pending === 0 && (this.peer & PEER.plain) !== 0;
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
      if (this.settled()) this.protocolError(dec.error);
      else this.heldError = dec.error;
    }
    if (!this.closing && dec.buffered > ctl.clientQueryBufferLimit) {
      // closing client that reached max query buffer length: no reply, as Redis.
      this.destroy();
      return;
    }
    this.updateReadable();
    link.flush();
    this.flush();
  }

  /**
   * Whether the executor may read this socket itself during the handoff wait (Session.readAhead):
   * only when the decoder holds nothing of it and its next request is an ordinary one (not
   * before AUTH, not closing). The executor clears it when it gives bytes back.
   */
  private updateReadable(): void {
    if (this.slot < 0) return;
    const dec = this.decoder;
    const ok =
      !this.closed &&
      !this.closing &&
      !this.ending &&
      this.heldError === undefined &&
      dec.buffered === 0 &&
      dec.error === undefined &&
      ((this.peer & PEER.authed) !== 0 || !this.owner.link.ctl.requirepass);
    this.owner.link.ctl.slots.setReadable(this.slot, ok);
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

  /**
   * The executor's output for this connection: `done` requests finished, `taken` requests it
   * read from the socket itself (pending from now on), and the RESP bytes it left for this side
   * to write (its replies go to the socket directly where it can) — or, with PEER.input, bytes
   * it read from the socket and gives back to the decoder.
   */
  output(done: number, taken: number, flags: number, bytes: Buffer): void {
    if (this.closed) return;
    this.pending += taken - done;
    this.peer = flags & ~PEER.input;
    if ((flags & PEER.input) !== 0) {
      // read before anything this side reads next: the handoff wait was on
      if (this.processing) {
        this.owner.link.netInputBytes += bytes.length;
        this.decoder.push(bytes, false);
      } else this.onData(bytes, false);
    } else if (bytes.length !== 0) {
      this.owner.link.netOutputBytes += bytes.length;
      this.socket.write(bytes, this.written);
      if (this.slot >= 0) this.owner.link.ctl.slots.written(this.slot);
      this.written();
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
    if (this.pending !== 0) {
      this.updateReadable();
      return;
    }
    if (this.waiting) {
      this.waiting = false;
      this.owner.link.want(-1);
    }
    if (this.processing) this.resumeAfter = true;
    else this.resume();
    this.updateReadable();
  }

  /** Every request answered: the protocol error held back, or the requests held back. */
  private resume(): void {
    if (this.pending !== 0 || this.closed) return;
    if (this.heldError !== undefined) this.protocolError(this.heldError);
    else if (this.decoder.buffered > 0 && !this.closing && !this.ending) this.process();
  }

  /** After a write of this side's: gives the socket back to the executor once it has drained. */
  private readonly written = (): void => {
    if (this.slot >= 0 && !this.closed && this.socket.writableLength === 0) {
      this.owner.link.ctl.slots.release(this.slot);
    }
  };

  private protocolError(text: string): void {
    this.heldError = undefined;
    this.enc.write(err(text));
    this.owner.link.error(text);
    this.flush();
    this.end();
  }

  /** Writes the replies made on this side (taking the socket from the executor first). */
  private flush(): void {
    if (this.closed || this.enc.size === 0) return;
    const out = this.enc.take();
    this.owner.link.netOutputBytes += out.length;
    if (this.slot >= 0) this.owner.link.ctl.slots.takeMain(this.slot);
    this.socket.write(out, this.written);
    this.written();
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

  /** No more direct writes to this socket; once only: the slot may be reused afterwards. */
  private closeSlot(): void {
    if (this.slot < 0 || this.slotClosed) return;
    this.slotClosed = true;
    this.owner.link.ctl.slots.close(this.slot);
  }

  destroy(): void {
    if (this.closed) return;
    this.socket.destroy();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.updateReadable();
    // the executor forgets the client below, which frees the slot for a new connection, while an
    // ended socket may go on until the peer's FIN: its _destroy must not close the slot then,
    // when it may be another connection's (QUIT made later connections lose their replies)
    this.closeSlot();
    if (this.waiting) {
      this.waiting = false;
      this.owner.link.want(-1);
    }
    this.owner.closed(this);
  }
}
