// Byte-for-byte maps of byte strings at any length: the C locale's toupper/tolower (string.upper,
// string.lower, strcasecmp's folding) and CR/LF turned into spaces (the server's status and
// error lines). A global regex replace keeps an entry per match in one array, so a string of
// 64 MB with a match every other byte needs an array past V8's longest, which ends the process
// (string.lower of 'A\xe9' x 2^25 did): strings longer than LONG are mapped in a buffer instead.

/** Strings longer than this are mapped in a buffer. */
const LONG = 4096;

function byteTable(f: (c: number) => number): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = f(c);
  return t;
}

const UPPER = byteTable((c) => (c >= 97 && c <= 122 ? c - 32 : c));
const LOWER = byteTable((c) => (c >= 65 && c <= 90 ? c + 32 : c));
const BLANK_NEWLINES = byteTable((c) => (c === 10 || c === 13 ? 32 : c));

function mapBytes(s: string, map: Uint8Array): string {
  const b = Buffer.from(s, "latin1");
  for (let i = 0; i < b.length; i++) b[i] = map[b[i]];
  return b.toString("latin1");
}

/** toupper over every byte in the C locale: a-z only (JS's toUpperCase also maps Latin-1 letters). */
export function asciiUpper(s: string): string {
  return s.length > LONG ? mapBytes(s, UPPER) : s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** tolower over every byte in the C locale: A-Z only. */
export function asciiLower(s: string): string {
  return s.length > LONG ? mapBytes(s, LOWER) : s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** CR and LF turned into spaces (a status or error line can't hold them). */
export function blankNewlines(s: string): string {
  if (s.indexOf("\r") < 0 && s.indexOf("\n") < 0) return s;
  return s.length > LONG ? mapBytes(s, BLANK_NEWLINES) : s.replace(/[\r\n]/g, " ");
}

/** `s` without the CR and LF bytes at its start and end (loops: a regex for the end retries
 * from every CR/LF of a run in the middle, quadratic on a million newlines). */
export function trimNewlines(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 13 || s.charCodeAt(a) === 10)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 13 || s.charCodeAt(b - 1) === 10)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
