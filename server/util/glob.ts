// Glob-style matching of byte strings as Redis's stringmatchlen (util.c) does it: `*`, `?`,
// `[...]` with `^` and ranges, `\` escapes, optional case folding, and its guard against
// abusive patterns. Used by KEYS, SCAN MATCH, CONFIG GET, and later PUBSUB and FUNCTION LIST.

/** C's signed char: bytes 0x80-0xff compare as negative numbers in Redis's range checks. */
function sc(code: number): number {
  return code >= 128 ? code - 256 : code;
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

interface MatchState {
  skipLonger: boolean;
}

function matchImpl(
  p: string,
  pi: number,
  s: string,
  si: number,
  nocase: boolean,
  st: MatchState,
  nesting: number,
): boolean {
  // Protection against abusive patterns (deeply nested '*').
  if (nesting > 1000) return false;
  const plen = p.length;
  const slen = s.length;
  while (pi < plen && si < slen) {
    const pc = p.charCodeAt(pi);
    if (pc === 42 /* * */) {
      while (pi + 1 < plen && p.charCodeAt(pi + 1) === 42) pi++;
      if (pi + 1 === plen) return true;
      while (si < slen) {
        if (matchImpl(p, pi + 1, s, si, nocase, st, nesting + 1)) return true;
        // The rest of the pattern matched nowhere later in the string: a longer match for an
        // earlier '*' cannot help either.
        if (st.skipLonger) return false;
        si++;
      }
      st.skipLonger = true;
      return false;
    } else if (pc === 63 /* ? */) {
      si++;
    } else if (pc === 91 /* [ */) {
      pi++;
      const negate = pi < plen && p.charCodeAt(pi) === 94; /* ^ */
      if (negate) pi++;
      let match = false;
      const c = s.charCodeAt(si);
      for (;;) {
        if (pi < plen && p.charCodeAt(pi) === 92 /* \ */ && plen - pi >= 2) {
          pi++;
          if (p.charCodeAt(pi) === c) match = true;
        } else if (pi < plen && p.charCodeAt(pi) === 93 /* ] */) {
          break;
        } else if (pi >= plen) {
          // Unterminated class: step back so the increment below lands on the end.
          pi--;
          break;
        } else if (plen - pi >= 3 && p.charCodeAt(pi + 1) === 45 /* - */) {
          let start = sc(p.charCodeAt(pi));
          let end = sc(p.charCodeAt(pi + 2));
          let cc = sc(c);
          if (start > end) [start, end] = [end, start];
          if (nocase) {
            start = lower(start);
            end = lower(end);
            cc = lower(cc);
          }
          pi += 2;
          if (cc >= start && cc <= end) match = true;
        } else if (nocase ? lower(p.charCodeAt(pi)) === lower(c) : p.charCodeAt(pi) === c) {
          match = true;
        }
        pi++;
      }
      if (negate) match = !match;
      if (!match) return false;
      si++;
    } else {
      if (pc === 92 /* \ */ && plen - pi >= 2) pi++;
      const a = p.charCodeAt(pi);
      const b = s.charCodeAt(si);
      if (nocase ? lower(a) !== lower(b) : a !== b) return false;
      si++;
    }
    pi++;
    if (si === slen) {
      while (pi < plen && p.charCodeAt(pi) === 42) pi++;
      break;
    }
  }
  return pi >= plen && si === slen;
}

/**
 * True when `str` matches the glob `pattern` (both byte strings), as stringmatchlen. Note that,
 * as in Redis, "*" does not match the empty string: KEYS and SCAN special-case a lone "*".
 */
export function globMatch(pattern: string, str: string, nocase = false): boolean {
  return matchImpl(pattern, 0, str, 0, nocase, { skipLonger: false }, 0);
}
