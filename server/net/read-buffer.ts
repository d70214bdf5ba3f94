// Reads of accepted sockets into one buffer the connection thread reuses, instead of a 'data'
// event per read. A 'data' read costs Node a fresh 64 KB allocation, an ArrayBuffer and a
// Buffer for it, the readable stream's push and a maybeReadMore tick; Node's `onread` option
// (a buffer reused for every read and a callback) skips all of that, but net.Server gives
// accepted sockets no way to pass it. The option lives in two symbol-keyed fields of every
// net.Socket (null unless given) and in the handle's useUserBuffer, which is what the option
// itself sets up (lib/net.js initSocketHandle), so an accepted socket is given them here.
// Where they are not found (another Node), the socket keeps its 'data' events.
//
// The bytes handed over are valid only during the callback: the next read of any socket
// overwrites them, so whoever keeps some (a partial request) copies them (RequestDecoder.own).
//
// Measured (two servers taking turns, 8 rounds each, -c 50 -P 1, medians): GET 84k rps against
// 78k, FCALL calls10 66.6k against 62.5k; the connection thread's CPU 4.0 µs a GET against
// 4.6. (Before the handoff threshold went to 2 the same change measured no better: with a
// cheaper connection thread the batches got smaller and the executor paid it back.)

import type net from "node:net";

/** Every socket reads into this one; a read takes at most its size, as Node's own reads. */
const SHARED = Buffer.allocUnsafe(64 * 1024);

interface UserBufferHandle {
  useUserBuffer?: (buf: Uint8Array) => void;
}

function field(socket: net.Socket, name: string): symbol | undefined {
  return Object.getOwnPropertySymbols(socket).find((s) => s.description === name);
}

/**
 * Has `socket` read into the shared buffer and give each read to `onChunk`; false (nothing
 * changed) where this Node doesn't keep the onread option as expected.
 */
export function readIntoShared(socket: net.Socket, onChunk: (chunk: Buffer) => void): boolean {
  const kBuffer = field(socket, "kBuffer");
  const kBufferCb = field(socket, "kBufferCb");
  const handle = (socket as unknown as { _handle?: UserBufferHandle | null })._handle;
  if (kBuffer === undefined || kBufferCb === undefined) return false;
  if (typeof handle?.useUserBuffer !== "function") return false;
  const s = socket as unknown as Record<symbol, unknown>;
  if (s[kBuffer] !== null || s[kBufferCb] !== null) return false;
  s[kBuffer] = SHARED;
  s[kBufferCb] = (n: number): void => onChunk(SHARED.subarray(0, n));
  handle.useUserBuffer(SHARED);
  return true;
}
