// String literal values from their source text, as llex.c reads them: escapes in quoted
// strings (\a \b \f \n \r \t \v \\ \" \' \ddd, an escaped newline, any other char as itself)
// and long strings (first newline skipped, every \n, \r, \r\n or \n\r read as one \n).
// Bytes are latin1 chars throughout.

function isNewline(c: number): boolean {
  return c === 10 || c === 13;
}

/** Index after a newline sequence starting at i (\n, \r, \r\n, \n\r count as one). */
function skipNewline(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const d = s.charCodeAt(i + 1);
  return isNewline(d) && d !== c ? i + 2 : i + 1;
}

const ESCAPES: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** The value of a string literal given its raw source text (quotes or long brackets included). */
export function stringValue(raw: string): string {
  if (raw.charCodeAt(0) === 91) return longString(raw);
  let out = "";
  const end = raw.length - 1;
  for (let i = 1; i < end;) {
    if (raw.charCodeAt(i) !== 92) {
      // a run of plain chars in one piece: a char at a time, a literal of hundreds of MB
      // would be as many string pieces
      let j = raw.indexOf("\\", i);
      if (j < 0 || j > end) j = end;
      out += raw.slice(i, j);
      i = j;
      continue;
    }
    const e = raw[i + 1];
    if (e in ESCAPES) {
      out += ESCAPES[e];
      i += 2;
    } else if (isNewline(raw.charCodeAt(i + 1))) {
      out += "\n";
      i = skipNewline(raw, i + 1);
    } else if (e >= "0" && e <= "9") {
      let v = 0;
      let j = i + 1;
      for (let k = 0; k < 3 && j < end && raw[j] >= "0" && raw[j] <= "9"; k++, j++)
        v = v * 10 + (raw.charCodeAt(j) - 48);
      out += String.fromCharCode(v);
      i = j;
    } else {
      out += e;
      i += 2;
    }
  }
  return out;
}

function longString(raw: string): string {
  let level = 0;
  while (raw[1 + level] === "=") level++;
  let i = 2 + level;
  const end = raw.length - 2 - level;
  if (isNewline(raw.charCodeAt(i))) i = skipNewline(raw, i);
  let out = "";
  while (i < end) {
    const c = raw.charCodeAt(i);
    if (isNewline(c)) {
      out += "\n";
      i = skipNewline(raw, i);
    } else {
      // the run up to the next newline in one piece
      let j = i + 1;
      while (j < end && !isNewline(raw.charCodeAt(j))) j++;
      out += raw.slice(i, j);
      i = j;
    }
  }
  return out;
}
