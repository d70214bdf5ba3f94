// RDB's building blocks (rdb.c, lzf, crc64.c) as Redis 7.0 writes and reads them: string
// encodings (6/14/32/64-bit lengths, int8/16/32 integers, LZF-compressed), lzf_compress /
// lzf_decompress (liblzf 3.6 as Redis builds it), crc64 (the Jones polynomial) and a reader of
// RDB values. Pure: bytes in, bytes out. Used by FUNCTION DUMP/RESTORE
// (server/scripting/functions-dump.ts) and DEBUG OBJECT's serialized lengths.

/** rdb.h: RDB_VERSION of Redis 7.0. */
export const RDB_VERSION = 10;
const RDB_ENCVAL = 3;
const RDB_ENC_INT8 = 0;
const RDB_ENC_INT16 = 1;
const RDB_ENC_INT32 = 2;
const RDB_ENC_LZF = 3;

// ---- CRC64 (crc64.c: reflected Jones polynomial 0xad93d23594c935a9, init 0, no final xor) ----

const CRC_LO = new Uint32Array(256);
const CRC_HI = new Uint32Array(256);
(() => {
  // the polynomial with its 64 bits reversed, for the reflected (LSB-first) form
  let poly = 0n;
  const p = 0xad93d23594c935a9n;
  for (let i = 0n; i < 64n; i++) if ((p >> i) & 1n) poly |= 1n << (63n - i);
  const polyLo = Number(poly & 0xffffffffn);
  const polyHi = Number(poly >> 32n);
  for (let n = 0; n < 256; n++) {
    let lo = n;
    let hi = 0;
    for (let k = 0; k < 8; k++) {
      const bit = lo & 1;
      lo = ((lo >>> 1) | (hi << 31)) >>> 0;
      hi = hi >>> 1;
      if (bit) {
        lo = (lo ^ polyLo) >>> 0;
        hi = (hi ^ polyHi) >>> 0;
      }
    }
    CRC_LO[n] = lo;
    CRC_HI[n] = hi;
  }
})();

/** crc64(0, bytes): the 8 bytes of the CRC, little endian (as the payload stores them). */
export function crc64(bytes: Uint8Array, start = 0, end = bytes.length): Buffer {
  let lo = 0;
  let hi = 0;
  for (let i = start; i < end; i++) {
    const idx = (lo ^ bytes[i]) & 0xff;
    lo = (CRC_LO[idx] ^ ((lo >>> 8) | (hi << 24))) >>> 0;
    hi = (CRC_HI[idx] ^ (hi >>> 8)) >>> 0;
  }
  const out = Buffer.alloc(8);
  out.writeUInt32LE(lo, 0);
  out.writeUInt32LE(hi, 4);
  return out;
}

// ---- LZF (lzf_c.c with HLOG 16, VERY_FAST, offsets in the hash table; lzf_d.c) ----

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

/** lzf_compress's hash slot for the 24-bit window in `h` (the VERY_FAST IDX). */
function idx(h: number): number {
  return ((h >>> (3 * 8 - HLOG)) - Math.imul(h, 5)) & (HSIZE - 1);
}

/**
 * lzf_compress(in, out, outLen): the compressed bytes, or undefined where liblzf returns 0
 * (the output would not fit in outLen bytes — its bound checks are mirrored exactly, so the
 * same inputs fall back to a raw string as in Redis). The hash table starts zeroed.
 */
export function lzfCompress(input: Uint8Array, outLen: number): Uint8Array | undefined {
  const inLen = input.length;
  if (inLen === 0 || outLen <= 0) return undefined;
  const htab = new Uint32Array(HSIZE);
  const out = new Uint8Array(outLen + 8);
  const inEnd = inLen;
  const outEnd = outLen;
  let ip = 0;
  let op = 0;
  let lit = 0;
  op++; // start run
  // copies one byte into the current literal run, closing the run when it is full
  const literal = (): void => {
    lit++;
    out[op++] = input[ip++];
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  };
  let hval = (input[ip] << 8) | input[ip + 1];
  while (ip < inEnd - 2) {
    hval = ((hval << 8) | input[ip + 2]) >>> 0;
    const slot = idx(hval);
    const stored = htab[slot];
    const ref = stored !== 0 ? stored : -1;
    htab[slot] = ip;
    const off = ip - ref - 1;
    if (
      ref > 0 &&
      off < MAX_OFF &&
      input[ref + 2] === input[ip + 2] &&
      input[ref] === input[ip] &&
      input[ref + 1] === input[ip + 1]
    ) {
      let len = 2;
      let maxlen = inEnd - ip - len;
      if (maxlen > MAX_REF) maxlen = MAX_REF;
      if (op + 3 + 1 >= outEnd && op - (lit === 0 ? 1 : 0) + 3 + 1 >= outEnd) return undefined;
      out[op - lit - 1] = lit - 1; // stop run
      if (lit === 0) op--; // undo run if length is zero
      matching: for (;;) {
        if (maxlen > 16) {
          for (let k = 0; k < 16; k++) {
            len++;
            if (input[ref + len] !== input[ip + len]) break matching;
          }
        }
        do len++;
        while (len < maxlen && input[ref + len] === input[ip + len]);
        break;
      }
      len -= 2; // len is now #octets - 1
      ip++;
      if (len < 7) {
        out[op++] = (off >>> 8) + (len << 5);
      } else {
        out[op++] = (off >>> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++; // start run
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      ip -= 2;
      hval = (input[ip] << 8) | input[ip + 1];
      hval = ((hval << 8) | input[ip + 2]) >>> 0;
      htab[idx(hval)] = ip;
      ip++;
      hval = ((hval << 8) | input[ip + 2]) >>> 0;
      htab[idx(hval)] = ip;
      ip++;
    } else {
      if (op >= outEnd) return undefined;
      literal();
    }
  }
  if (op + 3 > outEnd) return undefined;
  while (ip < inEnd) literal();
  out[op - lit - 1] = lit - 1;
  if (lit === 0) op--;
  return out.subarray(0, op);
}

/** lzf_decompress: exactly `outLen` bytes, or undefined for corrupt input (liblzf's 0). */
export function lzfDecompress(input: Uint8Array, outLen: number): Uint8Array | undefined {
  const out = new Uint8Array(outLen);
  let ip = 0;
  let op = 0;
  const inEnd = input.length;
  if (inEnd === 0) return undefined;
  do {
    let ctrl = input[ip++];
    if (ctrl < 1 << 5) {
      ctrl++;
      if (op + ctrl > outLen || ip + ctrl > inEnd) return undefined;
      out.set(input.subarray(ip, ip + ctrl), op);
      op += ctrl;
      ip += ctrl;
    } else {
      let len = ctrl >>> 5;
      let ref = op - ((ctrl & 0x1f) << 8) - 1;
      if (ip >= inEnd) return undefined;
      if (len === 7) {
        len += input[ip++];
        if (ip >= inEnd) return undefined;
      }
      ref -= input[ip++];
      if (op + len + 2 > outLen || ref < 0) return undefined;
      for (let k = 0; k < len + 2; k++) out[op++] = out[ref++];
    }
  } while (ip < inEnd);
  return op === outLen ? out : undefined;
}

// ---- RDB strings ----

/** rdbSaveLen: an RDB length (6, 14, 32 or 64 bits, big endian). */
export function saveLen(len: number): number[] {
  if (len < 1 << 6) return [len];
  if (len < 1 << 14) return [0x40 | (len >>> 8), len & 0xff];
  if (len <= 0xffffffff)
    return [0x80, (len >>> 24) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff];
  const b = [0x81];
  for (let i = 7; i >= 0; i--) b.push(Number((BigInt(len) >> BigInt(i * 8)) & 0xffn));
  return b;
}

/** rdbTryIntegerEncoding: a canonical decimal that fits 32 bits is stored as an integer. */
function integerEncoding(s: Uint8Array): number[] | undefined {
  if (s.length === 0 || s.length > 11) return undefined;
  const text = Buffer.from(s).toString("latin1");
  if (!/^(0|-?[1-9][0-9]*)$/.test(text) || text === "-0") return undefined;
  const v = Number(text);
  if (v >= -(1 << 7) && v <= (1 << 7) - 1) return [(RDB_ENCVAL << 6) | RDB_ENC_INT8, v & 0xff];
  if (v >= -(1 << 15) && v <= (1 << 15) - 1)
    return [(RDB_ENCVAL << 6) | RDB_ENC_INT16, v & 0xff, (v >> 8) & 0xff];
  if (v >= -(2 ** 31) && v <= 2 ** 31 - 1) {
    return [
      (RDB_ENCVAL << 6) | RDB_ENC_INT32,
      v & 0xff,
      (v >> 8) & 0xff,
      (v >> 16) & 0xff,
      (v >>> 24) & 0xff,
    ];
  }
  return undefined;
}

/** rdbSaveRawString with rdbcompression on (Redis's default). */
export function saveRawString(s: Uint8Array, compression = true): Buffer {
  if (s.length <= 11) {
    const enc = integerEncoding(s);
    if (enc !== undefined) return Buffer.from(enc);
  }
  if (compression && s.length > 20) {
    const c = lzfCompress(s, s.length - 4);
    if (c !== undefined) {
      const head = [(RDB_ENCVAL << 6) | RDB_ENC_LZF, ...saveLen(c.length), ...saveLen(s.length)];
      return Buffer.concat([Buffer.from(head), c]);
    }
  }
  return Buffer.concat([Buffer.from(saveLen(s.length)), s]);
}

/** Reads RDB values from a payload (rioBuffer: reads may run into the footer, never past it). */
export class RdbReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  private read(n: number): Uint8Array | undefined {
    if (n < 0 || this.pos + n > this.buf.length) return undefined;
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /** rdbLoadType: one byte, or -1. */
  type(): number {
    const b = this.read(1);
    return b === undefined ? -1 : b[0];
  }

  /** rdbLoadLenByRef: the length (or encoding type) and whether it is an encoding. */
  len(): { len: number; encoded: boolean } | undefined {
    const b = this.read(1);
    if (b === undefined) return undefined;
    const kind = (b[0] & 0xc0) >> 6;
    if (kind === RDB_ENCVAL) return { len: b[0] & 0x3f, encoded: true };
    if (kind === 0) return { len: b[0] & 0x3f, encoded: false };
    if (kind === 1) {
      const c = this.read(1);
      return c === undefined ? undefined : { len: ((b[0] & 0x3f) << 8) | c[0], encoded: false };
    }
    if (b[0] === 0x80) {
      const c = this.read(4);
      return c === undefined ? undefined : { len: Buffer.from(c).readUInt32BE(0), encoded: false };
    }
    if (b[0] === 0x81) {
      const c = this.read(8);
      if (c === undefined) return undefined;
      const v = Buffer.from(c).readBigUInt64BE(0);
      return { len: v > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(v), encoded: false };
    }
    return undefined;
  }

  /** rdbGenericLoadStringObject: the string's bytes, or undefined when it can't be read. */
  string(): Uint8Array | undefined {
    const l = this.len();
    if (l === undefined) return undefined;
    if (l.encoded) {
      switch (l.len) {
        case RDB_ENC_INT8: {
          const b = this.read(1);
          return b === undefined ? undefined : ascii(String((b[0] << 24) >> 24));
        }
        case RDB_ENC_INT16: {
          const b = this.read(2);
          return b === undefined ? undefined : ascii(String(Buffer.from(b).readInt16LE(0)));
        }
        case RDB_ENC_INT32: {
          const b = this.read(4);
          return b === undefined ? undefined : ascii(String(Buffer.from(b).readInt32LE(0)));
        }
        case RDB_ENC_LZF: {
          const clen = this.len();
          if (clen === undefined || clen.encoded) return undefined;
          const len = this.len();
          if (len === undefined || len.encoded) return undefined;
          const c = this.read(clen.len);
          if (c === undefined) return undefined;
          return lzfDecompress(c, len.len);
        }
      }
      return undefined;
    }
    return this.read(l.len);
  }
}

function ascii(s: string): Uint8Array {
  return Buffer.from(s, "latin1");
}
