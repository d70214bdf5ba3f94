// Replies as values: what command handlers return and what scripts convert to and from,
// and their encoding to RESP2 or RESP3 bytes. Strings are byte strings (latin1 JS strings).
// Used by the executor (encoding), the command handlers and scripting (conversions).
import { constants } from "node:buffer";
import { formatG, nonFinite } from "../runtime/number.js";

/** +text (a status reply). Use the shared OK / QUEUED constants where they fit. */
export class StatusReply {
  constructor(readonly text: string) {}
}

/**
 * A status, bulk or verbatim string given in pieces: a text that may be longer than a JS string
 * can be (MONITOR's line for arguments of hundreds of MB, CLIENT LIST of clients with names of
 * hundreds of MB, FUNCTION DUMP of libraries of hundreds of MB). Nothing but the encoder reads it.
 */
export class LongTextReply {
  constructor(
    readonly kind: "status" | "bulk" | "verbatim",
    readonly pieces: readonly string[],
    /** a verbatim string's format */
    readonly format = "txt",
  ) {}
}

/** -text, the whole line after '-', e.g. "ERR syntax error" or "WRONGTYPE Operation ...". */
export class ErrorReply {
  /** `noStats`: not counted in errorstats (ERR_REPLY_FLAG_NO_STATS_UPDATE: a script's reply
   * repeating an error its redis.call already counted) */
  constructor(
    readonly text: string,
    readonly noStats = false,
  ) {}
}

/** RESP3 double (,); RESP2 sends it as a bulk string. */
export class DoubleReply {
  constructor(readonly value: number) {}
}

/** RESP3 boolean (#t/#f); RESP2 sends 1 / 0 as integers. */
export class BoolReply {
  constructor(readonly value: boolean) {}
}

/** RESP3 big number ((); RESP2 sends it as a bulk string. */
export class BigNumberReply {
  constructor(readonly text: string) {}
}

/** RESP3 verbatim string (=); RESP2 sends the text as a bulk string. */
export class VerbatimReply {
  constructor(
    readonly format: string,
    readonly text: string,
  ) {}
}

/** RESP3 map (%), flat [k1, v1, k2, v2, …]; RESP2 sends a flat array. */
export class MapReply {
  constructor(readonly entries: Reply[]) {}
}

/** RESP3 set (~); RESP2 sends an array. */
export class SetReply {
  constructor(readonly items: Reply[]) {}
}

/** RESP3 push (>); RESP2 sends an array. */
export class PushReply {
  constructor(readonly items: Reply[]) {}
}

/**
 * RESP3 attribute (|), flat [k1, v1, …]: data about the reply that follows it, not a reply
 * itself; RESP2 sends nothing (DEBUG PROTOCOL ATTRIB).
 */
export class AttributeReply {
  constructor(readonly entries: Reply[]) {}
}

/**
 * Several replies in a row for one command, with no header (SUBSCRIBE a b: a confirmation per
 * channel); empty for a command that answers later (a blocked BLPOP: see NO_REPLY).
 */
export class ReplySequence {
  constructor(readonly replies: Reply[]) {}
}

/** The null array (RESP2 *-1, RESP3 _). */
export class NilArrayReply {
  private constructor() {}
  static readonly instance = new NilArrayReply();
}

/**
 * A reply: null is the nil bulk string (RESP2 $-1, RESP3 _); string is a bulk string;
 * number/bigint is an integer (must be integral); arrays are arrays.
 */
export type Reply =
  | null
  | string
  | number
  | bigint
  | Reply[]
  | StatusReply
  | LongTextReply
  | ErrorReply
  | DoubleReply
  | BoolReply
  | BigNumberReply
  | VerbatimReply
  | MapReply
  | SetReply
  | PushReply
  | AttributeReply
  | ReplySequence
  | NilArrayReply;

export const OK = new StatusReply("OK");
export const QUEUED = new StatusReply("QUEUED");
export const PONG = new StatusReply("PONG");
export const NIL_ARRAY = NilArrayReply.instance;
/** Nothing now: the command's reply comes later (a blocked client) or not at all. */
export const NO_REPLY = new ReplySequence([]);

export function err(text: string): ErrorReply {
  return new ErrorReply(text);
}

/** Formats a double as Redis's RESP3 double / RESP2 bulk does (%.17g, inf, -inf, nan). */
export function formatDouble(v: number): string {
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  if (v !== v) return nonFinite(v); // %.17g: "-nan" when the sign bit is set (x86's 0/0)
  if (Number.isInteger(v) && Math.abs(v) < 1e17 && !Object.is(v, -0)) return String(v);
  return formatG(v, 17);
}

/** Aggregate nesting the encoder recurses through; deeper (a script's deep table) uses a stack. */
const MAX_RECURSION = 512;
/**
 * Bulk strings (and status, error, big number and verbatim texts) longer than this are encoded as
 * chunks of their own: with the header a text near V8's longest string would be longer than that.
 */
const BIG_BULK = 1024 * 1024;

/** Appends the RESP encoding of replies to a list of chunks (latin1 strings). */
export class ReplyEncoder {
  chunks: string[] = [];
  size = 0;

  constructor(public proto: 2 | 3 = 2) {}

  private put(s: string): undefined {
    this.chunks.push(s);
    this.size += s.length;
    return undefined;
  }

  write(r: Reply, depth = 0): void {
    const items = this.head(r);
    if (items === undefined) return;
    if (depth < MAX_RECURSION) for (const x of items) this.write(x, depth + 1);
    else this.writeDeep(items);
  }

  /** Items nested past MAX_RECURSION levels (a script's deep table): an explicit stack. */
  private writeDeep(items: readonly Reply[]): void {
    const lists: (readonly Reply[])[] = [items];
    const next: number[] = [0];
    while (lists.length > 0) {
      const top = lists.length - 1;
      const list = lists[top];
      if (next[top] >= list.length) {
        lists.pop();
        next.pop();
        continue;
      }
      const inner = this.head(list[next[top]++]);
      if (inner !== undefined) {
        lists.push(inner);
        next.push(0);
      }
    }
  }

  /** `$len\r\ntext\r\n`. */
  private bulk(text: string): undefined {
    return this.text(`$${text.length}\r\n`, text);
  }

  /** `head` + text + CRLF; a long text is a chunk of its own. */
  private text(head: string, text: string): undefined {
    if (text.length <= BIG_BULK) return this.put(head + text + "\r\n");
    this.put(head);
    this.put(text);
    return this.put("\r\n");
  }

  /** Encodes a scalar reply, or an aggregate's header and returns its items. */
  private head(r: Reply): readonly Reply[] | undefined {
    const p3 = this.proto === 3;
    if (r === null) return this.put(p3 ? "_\r\n" : "$-1\r\n");
    switch (typeof r) {
      case "string":
        return this.bulk(r);
      case "number":
      case "bigint":
        return this.put(`:${r}\r\n`);
    }
    if (Array.isArray(r)) {
      this.put(`*${r.length}\r\n`);
      return r;
    }
    if (r instanceof StatusReply) return this.text("+", r.text);
    if (r instanceof ErrorReply) return this.text("-", r.text);
    if (r instanceof DoubleReply) {
      const s = formatDouble(r.value);
      return this.put(p3 ? `,${s}\r\n` : `$${s.length}\r\n${s}\r\n`);
    }
    if (r instanceof BoolReply)
      return this.put(p3 ? (r.value ? "#t\r\n" : "#f\r\n") : r.value ? ":1\r\n" : ":0\r\n");
    if (r instanceof BigNumberReply) {
      return p3 ? this.text("(", r.text) : this.bulk(r.text);
    }
    if (r instanceof VerbatimReply) {
      const t = r.text;
      return p3 ? this.text(`=${t.length + 4}\r\n${r.format}:`, t) : this.bulk(t);
    }
    if (r instanceof LongTextReply) {
      const pieces = r.pieces;
      if (r.kind === "status") this.put("+");
      else {
        let n = 0;
        for (const piece of pieces) n += piece.length;
        this.put(p3 && r.kind === "verbatim" ? `=${n + 4}\r\n${r.format}:` : `$${n}\r\n`);
      }
      for (const piece of pieces) this.put(piece);
      return this.put("\r\n");
    }
    if (r instanceof MapReply) {
      this.put(p3 ? `%${r.entries.length / 2}\r\n` : `*${r.entries.length}\r\n`);
      return r.entries;
    }
    if (r instanceof SetReply) {
      this.put(p3 ? `~${r.items.length}\r\n` : `*${r.items.length}\r\n`);
      return r.items;
    }
    if (r instanceof PushReply) {
      this.put(p3 ? `>${r.items.length}\r\n` : `*${r.items.length}\r\n`);
      return r.items;
    }
    if (r instanceof ReplySequence) return r.replies;
    if (r instanceof AttributeReply) {
      if (!p3) return undefined;
      this.put(`|${r.entries.length / 2}\r\n`);
      return r.entries;
    }
    // NilArrayReply
    return this.put(p3 ? "_\r\n" : "*-1\r\n");
  }

  /** Takes the encoded bytes and resets. */
  take(): Buffer {
    const b = Buffer.from(this.chunks.length === 1 ? this.chunks[0] : this.chunks.join(""), "latin1");
    this.chunks = [];
    this.size = 0;
    return b;
  }
}

/** Bytes as a bulk string reply: in pieces past V8's longest string. */
export function bulkOfBytes(b: Buffer): Reply {
  if (b.length <= constants.MAX_STRING_LENGTH) return b.toString("latin1");
  const pieces: string[] = [];
  for (let at = 0; at < b.length; at += BYTES_PIECE) {
    pieces.push(b.toString("latin1", at, Math.min(b.length, at + BYTES_PIECE)));
  }
  return new LongTextReply("bulk", pieces);
}

/** bulkOfBytes's pieces. */
const BYTES_PIECE = 64 * 1024 * 1024;

/** Encodes one reply to bytes. */
export function encodeReply(r: Reply, proto: 2 | 3 = 2): Buffer {
  const e = new ReplyEncoder(proto);
  e.write(r);
  return e.take();
}
