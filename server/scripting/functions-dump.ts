// The FUNCTION DUMP / RESTORE payload as Redis 7.0 writes it: one RDB_OPCODE_FUNCTION2 byte and
// an RDB string (the library's code, shebang included) per library, then the RDB version (2
// bytes, little endian) and a CRC64 of everything before it (8 bytes, little endian). The RDB
// encodings, LZF and CRC64 are server/util/rdb.ts's. Pure: bytes in, bytes out.

import { crc64, RDB_VERSION, RdbReader, saveRawString } from "../util/rdb.js";

/** rdb.h: the library opcodes (7.0 GA writes FUNCTION2; FUNCTION is the 7.0-rc format). */
export const RDB_OPCODE_FUNCTION2 = 245;
export const RDB_OPCODE_FUNCTION = 246;

/** functionDumpCommand: the payload for libraries' codes (byte strings), in the given order. */
export function buildPayload(codes: readonly string[], rdbVersion = RDB_VERSION): Buffer {
  const parts: Buffer[] = [];
  for (const code of codes) {
    parts.push(Buffer.from([RDB_OPCODE_FUNCTION2]), saveRawString(Buffer.from(code, "latin1")));
  }
  parts.push(Buffer.from([rdbVersion & 0xff, (rdbVersion >> 8) & 0xff]));
  const body = Buffer.concat(parts);
  return Buffer.concat([body, crc64(body)]);
}

/** verifyDumpPayload: at least the footer, a known RDB version and a matching CRC64. */
export function verifyPayload(p: Uint8Array): boolean {
  if (p.length < 10) return false;
  const ver = p[p.length - 10] | (p[p.length - 9] << 8);
  if (ver > RDB_VERSION) return false;
  const crc = crc64(p, 0, p.length - 8);
  for (let i = 0; i < 8; i++) if (crc[i] !== p[p.length - 8 + i]) return false;
  return true;
}

/**
 * Reads a verified payload as functionRestoreCommand does: rdbFunctionLoad for each opcode
 * until only the footer is left, handing each library's code to `add` as soon as it is read
 * (its error, if any, stops the reading). Returns Redis's error text, or undefined. The 7.0-rc
 * format (RDB_OPCODE_FUNCTION: name, engine, optional description, body) becomes
 * "#!<engine> name=<name>\n<body>", as Redis rewrites it.
 */
export function readPayload(p: Uint8Array, add: (code: string) => string | undefined): string | undefined {
  const r = new RdbReader(p);
  const text = (b: Uint8Array): string => Buffer.from(b).toString("latin1");
  // sdscatfmt's %s stops at a NUL
  const cstr = (s: string): string => (s.indexOf("\0") < 0 ? s : s.slice(0, s.indexOf("\0")));
  while (p.length - r.pos > 10) {
    const type = r.type();
    if (type === -1) return "can not read data type";
    if (type !== RDB_OPCODE_FUNCTION && type !== RDB_OPCODE_FUNCTION2) return "given type is not a function";
    let code: string;
    if (type === RDB_OPCODE_FUNCTION2) {
      const c = r.string();
      if (c === undefined) return "Failed loading library payload";
      code = text(c);
    } else {
      const name = r.string();
      if (name === undefined) return "Failed loading library name";
      const engine = r.string();
      if (engine === undefined) return "Failed loading engine name";
      const hasDesc = r.len();
      if (hasDesc === undefined) return "Failed loading library description indicator";
      if (hasDesc.len !== 0 && r.string() === undefined) return "Failed loading library description";
      const blob = r.string();
      if (blob === undefined) return "Failed loading library blob";
      code = `#!${cstr(text(engine))} name=${cstr(text(name))}\n${cstr(text(blob))}`;
    }
    const e = add(code);
    if (e !== undefined) return e;
  }
  return undefined;
}
