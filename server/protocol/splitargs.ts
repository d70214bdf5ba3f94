// sdssplitargs: splits an inline command or a config-file line into arguments the way Redis
// does (quotes, "\xHH" and C escapes in double quotes, \' in single quotes, a closing quote must
// be followed by a space). Returns undefined for unbalanced quotes. Byte strings in and out.

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function hexVal(c: number): number {
  return c <= 57 ? c - 48 : (c | 0x20) - 87;
}

/** C isspace: space, \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Splits `line` (a C string: a NUL ends it) into arguments, or undefined on unbalanced quotes. */
export function splitArgs(line: string): string[] | undefined {
  const n = line.indexOf("\0") >= 0 ? line.indexOf("\0") : line.length;
  const out: string[] = [];
  let p = 0;
  for (;;) {
    while (p < n && isSpace(line.charCodeAt(p))) p++;
    if (p >= n) return out;
    let inq = false;
    let insq = false;
    let cur = "";
    for (;;) {
      const c = p < n ? line.charCodeAt(p) : 0;
      if (inq) {
        if (
          c === 92 /* \ */ &&
          p + 3 < n + 0 &&
          line.charCodeAt(p + 1) === 120 /* x */ &&
          isHex(line.charCodeAt(p + 2)) &&
          isHex(line.charCodeAt(p + 3))
        ) {
          cur += String.fromCharCode(hexVal(line.charCodeAt(p + 2)) * 16 + hexVal(line.charCodeAt(p + 3)));
          p += 3;
        } else if (c === 92 && p + 1 < n) {
          p++;
          const e = line[p];
          cur +=
            e === "n"
              ? "\n"
              : e === "r"
                ? "\r"
                : e === "t"
                  ? "\t"
                  : e === "b"
                    ? "\b"
                    : e === "a"
                      ? "\x07"
                      : e;
        } else if (c === 34 /* " */) {
          // The closing quote must be followed by a space or nothing.
          if (p + 1 < n && !isSpace(line.charCodeAt(p + 1))) return undefined;
          p++;
          break;
        } else if (p >= n) {
          return undefined;
        } else {
          cur += line[p];
        }
      } else if (insq) {
        if (c === 92 && p + 1 < n && line.charCodeAt(p + 1) === 39 /* ' */) {
          p++;
          cur += "'";
        } else if (c === 39) {
          if (p + 1 < n && !isSpace(line.charCodeAt(p + 1))) return undefined;
          p++;
          break;
        } else if (p >= n) {
          return undefined;
        } else {
          cur += line[p];
        }
      } else {
        if (p >= n || c === 32 || c === 10 || c === 13 || c === 9) break;
        if (c === 34) inq = true;
        else if (c === 39) insq = true;
        else cur += line[p];
      }
      p++;
    }
    out.push(cur);
  }
}
