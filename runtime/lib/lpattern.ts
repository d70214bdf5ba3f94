// Lua 5.1's pattern matcher (lstrlib.c's match machine), over JS strings of bytes.
// A pattern is compiled once (and cached) into a linear item list; the matcher then walks
// it exactly as lstrlib's `match` walks the pattern text, with the same backtracking and
// the same recursion (captures, `?`, `*`, `+`, `-`), so results and errors agree. Its
// shortcuts (FIRST sets, `S*$` tails) only skip calls that would fail at once, so it never
// does more work than lstrlib, and often much less.
// Uses errors.ts for LuaError; string.ts builds find/match/gmatch/gsub on top of this.
import { LuaError } from "../errors.js";
import type { LuaValue } from "../value.js";

/** LUA_MAXCAPTURES in luaconf.h */
export const MAXCAPTURES = 32;
export const CAP_UNFINISHED = -1;
export const CAP_POSITION = -2;

// item kinds
const K_SINGLE = 0; // one char from a set (literal, '.', %class, [set]); set = its table
const K_OPEN = 1; // '(' start capture
const K_POSCAP = 2; // '()' position capture
const K_CLOSE = 3; // ')' end capture; arg = capture index it closes
const K_BALANCE = 4; // %bxy; arg = x, arg2 = y
const K_FRONTIER = 5; // %f[set]; set = its table
const K_BACKREF = 6; // %1-%9; arg = capture index
const K_EOS = 7; // '$' at the end of the pattern
const K_END = 8; // end of pattern: match succeeded
const K_ERROR = 9; // a malformed spot: raising arg's message when the matcher reaches it

// quantifiers of K_SINGLE
const Q_ONE = 0;
const Q_OPT = 1; // ?
const Q_STAR = 2; // *
const Q_PLUS = 3; // +
const Q_MIN = 4; // -

/**
 * A compiled pattern: one entry per item in parallel arrays. Single-char items and
 * frontiers point at 256-entry membership tables; literal chars, '.', and %x classes use
 * tables made once and shared by every pattern, so compiling is cheap.
 */
export class Pattern {
  /** true when the pattern began with '^' and anchors (find, match, gsub) */
  anchor = false;
  kind: number[] = [];
  quant: number[] = [];
  /** K_CLOSE/K_BACKREF: capture index; K_BALANCE: open char; K_ERROR: index in errors */
  arg: number[] = [];
  /** K_SINGLE: the literal char code, -2 for '.', else -1; K_BALANCE: close char */
  arg2: number[] = [];
  /** K_SINGLE/K_FRONTIER: membership table; others: EMPTY_TABLE */
  set: Uint8Array[] = [];
  /** FIRST set of the rest of the pattern from each item, or null (see firstSets) */
  first: (Uint8Array | null)[] = [];
  /**
   * S when the rest of the pattern from each item is `S*$` (after captures closing), so it
   * matches exactly where every char up to the end is in S; else null
   */
  tail: (Uint8Array | null)[] = [];
  errors: string[] = [];
  /** The set the first char of any match must belong to (first[0]), or null. */
  firstSet: Uint8Array | null = null;
  /** The one char every match starts with, or -1. */
  firstChar = -1;
  /** Matches tried with this pattern; past GENERATE_AFTER it gets a generated matcher. */
  runs = 0;
  /** The generated matcher (see generate), once made; null: never (too long a pattern). */
  code: GeneratedMatch | null | undefined = undefined;

  push(kind: number, quant: number, arg: number, arg2: number, set: Uint8Array): void {
    this.kind.push(kind);
    this.quant.push(quant);
    this.arg.push(arg);
    this.arg2.push(arg2);
    this.set.push(set);
  }
}

// ---- character classes ("C" locale ctype) ------------------------------------------

function isalpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isdigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function islower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isupper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isspace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function iscntrl(c: number): boolean {
  return c < 32 || c === 127;
}
function ispunct(c: number): boolean {
  return c > 32 && c < 127 && !isalpha(c) && !isdigit(c);
}
function isxdigit(c: number): boolean {
  return isdigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** lstrlib's match_class: does char c belong to class %cl? */
function matchClass(c: number, cl: number): boolean {
  let res: boolean;
  switch (cl | 0x20) {
    case 97: // a
      res = isalpha(c);
      break;
    case 99: // c
      res = iscntrl(c);
      break;
    case 100: // d
      res = isdigit(c);
      break;
    case 108: // l
      res = islower(c);
      break;
    case 112: // p
      res = ispunct(c);
      break;
    case 115: // s
      res = isspace(c);
      break;
    case 117: // u
      res = isupper(c);
      break;
    case 119: // w
      res = isalpha(c) || isdigit(c);
      break;
    case 120: // x
      res = isxdigit(c);
      break;
    case 122: // z
      res = c === 0;
      break;
    default:
      return cl === c;
  }
  // (cl | 0x20) only equals a class letter when cl is a letter, so islower tells case
  return islower(cl) ? res : !res;
}

// ---- compiling ------------------------------------------------------------------------

/** SPECIALS in lstrlib.c ("^$*+?.([%-"), as a table by char code */
const SPECIAL = new Uint8Array(256);
for (const ch of "^$*+?.([%-") SPECIAL[ch.charCodeAt(0)] = 1;

/** strpbrk(p, SPECIALS) == NULL: no special char before the pattern's first NUL. */
export function isPlainPattern(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c === 0) return true;
    if (SPECIAL[c] !== 0) return false;
  }
  return true;
}

/**
 * True when every char of p is a literal pattern item (no specials, no ')', no NUL), so
 * the pattern matches exactly its own text wherever it occurs.
 */
export function isLiteralPattern(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c === 0 || c === 41 /* ) */ || SPECIAL[c] !== 0) return false;
  }
  return true;
}

/** Builds the membership table of one single-char class p[i..ep) (lstrlib's singlematch). */
const EMPTY_TABLE = new Uint8Array(256);
const DOT_TABLE = new Uint8Array(256).fill(1);
/** tables of single literal chars and of %x classes, made once and shared by all patterns */
const LITERAL_TABLES: Uint8Array[] = [];
const LITERAL_CODE = new Map<Uint8Array, number>();
const CLASS_TABLES: Uint8Array[] = [];

function literalTable(c: number): Uint8Array {
  let t = LITERAL_TABLES[c];
  if (t === undefined) {
    t = new Uint8Array(256);
    t[c] = 1;
    LITERAL_TABLES[c] = t;
    LITERAL_CODE.set(t, c);
  }
  return t;
}

function classOf(cl: number): Uint8Array {
  let t = CLASS_TABLES[cl];
  if (t === undefined) {
    t = new Uint8Array(256);
    for (let c = 0; c < 256; c++) if (matchClass(c, cl)) t[c] = 1;
    CLASS_TABLES[cl] = t;
  }
  return t;
}

/** The membership table of one single-char class p[i..ep) (lstrlib's singlematch). */
function classTable(p: string, i: number, ep: number): Uint8Array {
  const c0 = p.charCodeAt(i);
  if (c0 === 46 /* . */) return DOT_TABLE;
  if (c0 === 37 /* % */) return classOf(p.charCodeAt(i + 1));
  if (c0 === 91 /* [ */) {
    const t = new Uint8Array(256);
    bracketTable(p, i, ep - 1, t);
    return t;
  }
  return literalTable(c0);
}

/** matchbracketclass for every char at once: p[i] is '[', p[ec] is the closing ']'. */
function bracketTable(p: string, i: number, ec: number, t: Uint8Array): void {
  let sig = 1;
  if (p.charCodeAt(i + 1) === 94 /* ^ */) {
    sig = 0;
    i++;
  }
  const member = new Uint8Array(256);
  while (++i < ec) {
    const c = p.charCodeAt(i);
    if (c === 37 /* % */) {
      i++;
      const ct = classOf(p.charCodeAt(i));
      for (let k = 0; k < 256; k++) member[k] |= ct[k];
    } else if (p.charCodeAt(i + 1) === 45 /* - */ && i + 2 < ec) {
      i += 2;
      const hi = p.charCodeAt(i);
      for (let k = c; k <= hi; k++) member[k] = 1;
    } else {
      member[c] = 1;
    }
  }
  for (let k = 0; k < 256; k++) t[k] = member[k] ? sig : 1 - sig;
}

/**
 * lstrlib's classend: index just past the single-char class at p[i], or an error
 * message. `end` is where the pattern's text stops (its first NUL, or its length).
 */
function classEnd(p: string, i: number, end: number): number | string {
  const c = p.charCodeAt(i++);
  if (c === 37 /* % */) {
    if (i >= end) return "malformed pattern (ends with '%')";
    return i + 1;
  }
  if (c === 91 /* [ */) {
    if (i < end && p.charCodeAt(i) === 94 /* ^ */) i++;
    do {
      // look for a ']'
      if (i >= end) return "malformed pattern (missing ']')";
      const cc = p.charCodeAt(i++);
      if (cc === 37 /* % */ && i < end) i++; // skip escapes (e.g. '%]')
    } while (i >= end || p.charCodeAt(i) !== 93 /* ] */);
    return i + 1;
  }
  return i;
}

/**
 * Compiles a pattern. Never throws: a malformed spot becomes a K_ERROR item, raised only
 * if the matcher gets there, as lstrlib raises it only when `match` reaches it. The
 * pattern text ends at its first NUL, as lstrlib reads it as a C string.
 */
export function compile(p: string, allowAnchor: boolean): Pattern {
  let end = p.indexOf("\0");
  if (end < 0) end = p.length;
  const pat = new Pattern();
  let i = 0;
  if (allowAnchor && end > 0 && p.charCodeAt(0) === 94 /* ^ */) {
    pat.anchor = true;
    i = 1;
  }
  // capture states as the matcher will see them at each point: level and which are open
  const open: boolean[] = [];
  const fail = (msg: string): void => {
    pat.errors.push(msg);
    pat.push(K_ERROR, 0, pat.errors.length - 1, 0, EMPTY_TABLE);
  };
  for (;;) {
    if (i >= end) {
      pat.push(K_END, 0, 0, 0, EMPTY_TABLE);
      break;
    }
    const c = p.charCodeAt(i);
    if (c === 40 /* ( */) {
      if (open.length >= MAXCAPTURES) {
        fail("too many captures");
        break;
      }
      if (i + 1 < end && p.charCodeAt(i + 1) === 41 /* ) */) {
        pat.push(K_POSCAP, 0, open.length, 0, EMPTY_TABLE);
        open.push(false);
        i += 2;
      } else {
        pat.push(K_OPEN, 0, open.length, 0, EMPTY_TABLE);
        open.push(true);
        i += 1;
      }
      continue;
    }
    if (c === 41 /* ) */) {
      let l = open.length - 1;
      while (l >= 0 && !open[l]) l--;
      if (l < 0) {
        fail("invalid pattern capture");
        break;
      }
      open[l] = false;
      pat.push(K_CLOSE, 0, l, 0, EMPTY_TABLE);
      i++;
      continue;
    }
    if (c === 36 /* $ */ && i + 1 === end) {
      pat.push(K_EOS, 0, 0, 0, EMPTY_TABLE);
      i++;
      continue;
    }
    if (c === 37 /* % */ && i + 1 < end) {
      const d = p.charCodeAt(i + 1);
      if (d === 98 /* b */) {
        if (i + 3 >= end) {
          fail("unbalanced pattern");
          break;
        }
        pat.push(K_BALANCE, 0, p.charCodeAt(i + 2), p.charCodeAt(i + 3), EMPTY_TABLE);
        i += 4;
        continue;
      }
      if (d === 102 /* f */) {
        i += 2;
        if (i >= end || p.charCodeAt(i) !== 91 /* [ */) {
          fail("missing '[' after '%f' in pattern");
          break;
        }
        const ep = classEnd(p, i, end);
        if (typeof ep === "string") {
          fail(ep);
          break;
        }
        const set = new Uint8Array(256);
        bracketTable(p, i, ep - 1, set);
        pat.push(K_FRONTIER, 0, 0, 0, set);
        i = ep;
        continue;
      }
      if (isdigit(d)) {
        const l = d - 49; // '1'
        if (l < 0 || l >= open.length || open[l]) {
          fail("invalid capture index");
          break;
        }
        pat.push(K_BACKREF, 0, l, 0, EMPTY_TABLE);
        i += 2;
        continue;
      }
    }
    // a single-char class, maybe followed by a quantifier
    const ep = classEnd(p, i, end);
    if (typeof ep === "string") {
      fail(ep);
      break;
    }
    let quant = Q_ONE;
    let next = ep;
    if (ep < end) {
      const q = p.charCodeAt(ep);
      if (q === 63 /* ? */) quant = Q_OPT;
      else if (q === 42 /* * */) quant = Q_STAR;
      else if (q === 43 /* + */) quant = Q_PLUS;
      else if (q === 45 /* - */) quant = Q_MIN;
      if (quant !== Q_ONE) next = ep + 1;
    }
    // arg2: the literal char, -2 for '.', -1 for other classes
    const lit = c === 46 ? -2 : c !== 37 && c !== 91 ? c : -1;
    pat.push(K_SINGLE, quant, 0, lit, classTable(p, i, ep));
    i = next;
  }
  pat.first = firstSets(pat);
  pat.tail = tailSets(pat);
  const f0 = pat.first[0];
  if (f0 !== null) {
    pat.firstSet = f0;
    pat.firstChar = LITERAL_CODE.get(f0) ?? -1;
  }
  return pat;
}

/**
 * FIRST sets: for each item i, the chars a match of the pattern's rest (items i..) can
 * begin with, when that rest cannot match the empty string; null when it can (or when it
 * is not known, as at a back-reference or a malformed spot, whose error must still be
 * raised). The matcher skips positions whose char is not in the set: `match` would fail
 * there at once, before reaching anything that raises. Captures and frontiers consume
 * nothing, so they pass the next item's set through (a superset is always safe).
 */
function firstSets(pat: Pattern): (Uint8Array | null)[] {
  const n = pat.kind.length;
  const first: (Uint8Array | null)[] = new Array(n).fill(null);
  for (let i = n - 1; i >= 0; i--) {
    const next = i + 1 < n ? first[i + 1] : null;
    switch (pat.kind[i]) {
      case K_SINGLE: {
        const q = pat.quant[i];
        const set = pat.set[i];
        if (q === Q_ONE || q === Q_PLUS) first[i] = set;
        else if (next !== null) {
          const u = new Uint8Array(256);
          for (let c = 0; c < 256; c++) u[c] = set[c] | next[c];
          first[i] = u;
        }
        break;
      }
      case K_OPEN:
      case K_POSCAP:
      case K_CLOSE:
      case K_FRONTIER:
        first[i] = next;
        break;
      case K_BALANCE:
        first[i] = literalTable(pat.arg[i]);
        break;
      default: // K_END, K_EOS, K_BACKREF, K_ERROR
        first[i] = null;
    }
  }
  return first;
}

/** The S of each item whose rest is `)...S*$` or `)...$` (S empty), else null. */
function tailSets(pat: Pattern): (Uint8Array | null)[] {
  const n = pat.kind.length;
  const tail: (Uint8Array | null)[] = new Array(n).fill(null);
  // the pattern must end with EOS, END
  if (n < 2 || pat.kind[n - 2] !== K_EOS) return tail;
  tail[n - 2] = EMPTY_TABLE;
  let k = n - 3;
  if (k >= 0 && pat.kind[k] === K_SINGLE && pat.quant[k] === Q_STAR) {
    tail[k] = pat.set[k];
    k--;
  }
  const set = tail[k + 1];
  for (; k >= 0 && pat.kind[k] === K_CLOSE; k--) tail[k] = set;
  return tail;
}

// compiled patterns, by text; gmatch (no anchors) has its own cache
const cacheAnchored = new Map<string, Pattern>();
const cacheFree = new Map<string, Pattern>();
const CACHE_MAX = 1000;

/** The compiled form of p, from the cache when possible. */
export function getPattern(p: string, allowAnchor: boolean): Pattern {
  const cache = allowAnchor ? cacheAnchored : cacheFree;
  let pat = cache.get(p);
  if (pat === undefined) {
    pat = compile(p, allowAnchor);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(p, pat);
  }
  return pat;
}

// ---- matching -------------------------------------------------------------------------

/**
 * lstrlib's MatchState plus the match machine. One instance can serve any number of
 * matches in turn (call `reset` before each); captures stay readable until the next one.
 */
export class MatchState {
  src = "";
  end = 0;
  level = 0;
  readonly capInit = new Int32Array(MAXCAPTURES);
  readonly capLen = new Int32Array(MAXCAPTURES);
  pat: Pattern = EMPTY_PATTERN;
  private kind: number[] = EMPTY_PATTERN.kind;
  private quant: number[] = EMPTY_PATTERN.quant;
  private arg: number[] = EMPTY_PATTERN.arg;
  private arg2: number[] = EMPTY_PATTERN.arg2;
  private set: Uint8Array[] = EMPTY_PATTERN.set;
  private first: (Uint8Array | null)[] = EMPTY_PATTERN.first;
  private tail: (Uint8Array | null)[] = EMPTY_PATTERN.tail;

  reset(src: string, pat: Pattern): void {
    this.src = src;
    this.end = src.length;
    this.pat = pat;
    this.kind = pat.kind;
    this.quant = pat.quant;
    this.arg = pat.arg;
    this.arg2 = pat.arg2;
    this.set = pat.set;
    this.first = pat.first;
    this.tail = pat.tail;
  }

  /** Tries the whole pattern at s; returns the end of the match or -1. */
  matchAt(s: number): number {
    const pat = this.pat;
    const code = pat.code;
    if (code != null) return code(this, this.src, s);
    if (code === undefined && ++pat.runs > GENERATE_AFTER) {
      pat.code = generate(pat);
      if (pat.code !== null) return pat.code(this, this.src, s);
    }
    this.level = 0;
    return this.match(s, 0);
  }

  /**
   * The next start position >= s where a match could begin, judging by the pattern's
   * first item (positions skipped could only fail at that item, raising nothing).
   */
  nextStart(s: number): number {
    const pat = this.pat;
    const t = pat.firstSet;
    if (t === null) return s;
    const src = this.src;
    const end = this.end;
    if (pat.firstChar >= 0) {
      const k = src.indexOf(String.fromCharCode(pat.firstChar), s);
      return k < 0 ? end : k;
    }
    while (s < end && t[src.charCodeAt(s)] === 0) s++;
    return s;
  }

  /** lstrlib's match: s is a position in src, pi an item index. */
  private match(s: number, pi: number): number {
    const src = this.src;
    const end = this.end;
    const kind = this.kind;
    const arg = this.arg;
    for (;;) {
      switch (kind[pi]) {
        case K_SINGLE: {
          const t = this.set[pi];
          switch (this.quant[pi]) {
            case Q_ONE:
              if (s < end && t[src.charCodeAt(s)] !== 0) {
                s++;
                pi++;
                continue;
              }
              return -1;
            case Q_OPT:
              if (s < end && t[src.charCodeAt(s)] !== 0) {
                const r = this.match(s + 1, pi + 1);
                if (r !== -1) return r;
              }
              pi++;
              continue;
            case Q_STAR:
              return this.maxExpand(s, pi);
            case Q_PLUS:
              return s < end && t[src.charCodeAt(s)] !== 0 ? this.maxExpand(s + 1, pi) : -1;
            default:
              return this.minExpand(s, pi);
          }
        }
        case K_END:
          return s;
        case K_OPEN:
        case K_POSCAP: {
          const l = this.level;
          this.capInit[l] = s;
          this.capLen[l] = kind[pi] === K_OPEN ? CAP_UNFINISHED : CAP_POSITION;
          this.level = l + 1;
          const r = this.match(s, pi + 1);
          if (r === -1) this.level--; // undo capture
          return r;
        }
        case K_CLOSE: {
          const l = arg[pi];
          this.capLen[l] = s - this.capInit[l];
          const r = this.match(s, pi + 1);
          if (r === -1) this.capLen[l] = CAP_UNFINISHED; // undo capture
          return r;
        }
        case K_EOS:
          return s === end ? s : -1;
        case K_BALANCE: {
          if (s >= end || src.charCodeAt(s) !== arg[pi]) return -1;
          const b = arg[pi];
          const e = this.arg2[pi];
          let cont = 1;
          let found = -1;
          while (++s < end) {
            const c = src.charCodeAt(s);
            if (c === e) {
              if (--cont === 0) {
                found = s + 1;
                break;
              }
            } else if (c === b) cont++;
          }
          if (found < 0) return -1;
          s = found;
          pi++;
          continue;
        }
        case K_FRONTIER: {
          const t = this.set[pi];
          const prev = s === 0 ? 0 : src.charCodeAt(s - 1);
          const cur = s < end ? src.charCodeAt(s) : 0;
          if (t[prev] !== 0 || t[cur] === 0) return -1;
          pi++;
          continue;
        }
        case K_BACKREF: {
          const l = arg[pi];
          const len = this.capLen[l];
          // a position capture has length CAP_POSITION, which as size_t never fits
          if (len < 0 || end - s < len) return -1;
          const init = this.capInit[l];
          for (let k = 0; k < len; k++) {
            if (src.charCodeAt(init + k) !== src.charCodeAt(s + k)) return -1;
          }
          s += len;
          pi++;
          continue;
        }
        default:
          throw new LuaError(this.pat.errors[arg[pi]], 1);
      }
    }
  }

  /** lstrlib's max_expand: the longest run of item pi from s, then back off. */
  private maxExpand(s: number, pi: number): number {
    const src = this.src;
    const end = this.end;
    const set = this.set[pi];
    let i = 0;
    if (this.arg2[pi] === -2) i = end - s;
    else while (s + i < end && set[src.charCodeAt(s + i)] !== 0) i++;
    const np = pi + 1;
    const nk = this.kind[np];
    if (nk === K_END) return s + i;
    if (nk === K_EOS) return s + i === end ? end : -1;
    const t = this.tail[np];
    if (t !== null) {
      // the rest matches exactly from where every char to the end is in its set: only
      // the longest expansion can get there (shorter ones end before a longer one does)
      return s + i >= this.tailStart(s, t) ? this.match(s + i, np) : -1;
    }
    const f = this.first[np];
    if (f !== null) {
      // the rest must begin with a char of its FIRST set: skip the calls that would fail at once
      for (; i >= 0; i--) {
        const p = s + i;
        if (p < end && f[src.charCodeAt(p)] !== 0) {
          const r = this.match(p, np);
          if (r !== -1) return r;
        }
      }
      return -1;
    }
    for (; i >= 0; i--) {
      const r = this.match(s + i, np);
      if (r !== -1) return r;
    }
    return -1;
  }

  /** lstrlib's min_expand: the shortest run of item pi from s that lets the rest match. */
  private minExpand(s: number, pi: number): number {
    const src = this.src;
    const end = this.end;
    const set = this.set[pi];
    const np = pi + 1;
    const t = this.tail[np];
    if (t !== null) {
      // the rest matches first at the start of the run of its set's chars that reaches
      // the end: expand straight there, if this item's own chars get that far
      const p0 = this.tailStart(s, t);
      for (; s < p0; s++) if (set[src.charCodeAt(s)] === 0) return -1;
      return this.match(s, np);
    }
    const f = this.first[np];
    for (;;) {
      if (f === null || (s < end && f[src.charCodeAt(s)] !== 0)) {
        const r = this.match(s, np);
        if (r !== -1) return r;
      }
      if (s < end && set[src.charCodeAt(s)] !== 0) s++;
      else return -1;
    }
  }

  /** The first position p >= s from which every char to the end is in set t. */
  private tailStart(s: number, t: Uint8Array): number {
    const src = this.src;
    let p = this.end;
    while (p > s && t[src.charCodeAt(p - 1)] !== 0) p--;
    return p;
  }

  /** push_onecapture: capture i of the last match (whole match s..e when there are none). */
  capture(i: number, s: number, e: number): LuaValue {
    if (i >= this.level) {
      if (i === 0) return this.src.slice(s, e);
      throw new LuaError("invalid capture index", 1);
    }
    const l = this.capLen[i];
    if (l === CAP_UNFINISHED) throw new LuaError("unfinished capture", 1);
    const init = this.capInit[i];
    if (l === CAP_POSITION) return init + 1;
    return this.src.slice(init, init + l);
  }

  /** push_captures as a result: one value, or an array of them (s < 0: only captures). */
  captures(s: number, e: number): LuaValue | LuaValue[] {
    const n = this.level === 0 && s >= 0 ? 1 : this.level;
    if (n === 1) return this.capture(0, s, e);
    const out: LuaValue[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.capture(i, s, e);
    return out;
  }
}

const EMPTY_PATTERN = compile("", false);

// ---- generated matchers -------------------------------------------------------------------
//
// A pattern used often enough gets its match machine as JS of its own: one function per item,
// doing what `match` does for that item with its kind, quantifier, char and set fixed, and
// calling the next item's function where `match` would recurse or continue. Same steps, same
// backtracking, same captures and errors (a K_ERROR item still raises only when reached); V8
// then compiles each pattern's matcher like any other code. Only numbers go into the source:
// sets, FIRST/tail tables and error texts are passed in.

/** A pattern's generated matcher: the end of the match at s, or -1 (as matchAt). */
type GeneratedMatch = (ms: MatchState, src: string, s: number) => number;

/** How many matches a pattern is tried for before its matcher is generated. */
let GENERATE_AFTER = 40;

/** Sets GENERATE_AFTER (tests run the recorded cases with 0: every pattern generated). */
export function setGenerateAfter(n: number): void {
  GENERATE_AFTER = n;
}
/** Patterns with more items than this stay interpreted (a call per item deepens the stack). */
const GENERATE_MAX_ITEMS = 120;

function generate(pat: Pattern): GeneratedMatch | null {
  const n = pat.kind.length;
  if (n > GENERATE_MAX_ITEMS) return null;
  const out: string[] = [];
  const test = (pi: number, c: string): string => {
    const lit = pat.arg2[pi];
    return lit >= 0 ? `${c} === ${lit}` : lit === -2 ? "true" : `S[${pi}][${c}] !== 0`;
  };
  for (let pi = 0; pi < n; pi++) {
    const next = `f${pi + 1}`;
    let body: string;
    switch (pat.kind[pi]) {
      case K_SINGLE: {
        const t = test(pi, "src.charCodeAt(s)");
        switch (pat.quant[pi]) {
          case Q_ONE:
            body = `return s < end && ${t} ? ${next}(s + 1) : -1;`;
            break;
          case Q_OPT:
            body = `if (s < end && ${t}) { const r = ${next}(s + 1); if (r !== -1) return r; } return ${next}(s);`;
            break;
          case Q_STAR:
            body = `return x${pi}(s);`;
            out.push(maxExpandSource(pat, pi, test(pi, "src.charCodeAt(s + i)")));
            break;
          case Q_PLUS:
            body = `return s < end && ${t} ? x${pi}(s + 1) : -1;`;
            out.push(maxExpandSource(pat, pi, test(pi, "src.charCodeAt(s + i)")));
            break;
          default:
            body = minExpandSource(pat, pi, t);
        }
        break;
      }
      case K_END:
        body = "return s;";
        break;
      case K_OPEN:
      case K_POSCAP:
        body =
          `const l = ms.level; capInit[l] = s; capLen[l] = ${pat.kind[pi] === K_OPEN ? CAP_UNFINISHED : CAP_POSITION};` +
          ` ms.level = l + 1; const r = ${next}(s); if (r === -1) ms.level--; return r;`;
        break;
      case K_CLOSE: {
        const l = pat.arg[pi];
        body = `capLen[${l}] = s - capInit[${l}]; const r = ${next}(s); if (r === -1) capLen[${l}] = ${CAP_UNFINISHED}; return r;`;
        break;
      }
      case K_EOS:
        body = "return s === end ? s : -1;";
        break;
      case K_BALANCE:
        body =
          `if (s >= end || src.charCodeAt(s) !== ${pat.arg[pi]}) return -1; let cont = 1;` +
          ` while (++s < end) { const c = src.charCodeAt(s);` +
          ` if (c === ${pat.arg2[pi]}) { if (--cont === 0) return ${next}(s + 1); } else if (c === ${pat.arg[pi]}) cont++; }` +
          ` return -1;`;
        break;
      case K_FRONTIER:
        body =
          `const prev = s === 0 ? 0 : src.charCodeAt(s - 1); const cur = s < end ? src.charCodeAt(s) : 0;` +
          ` if (S[${pi}][prev] !== 0 || S[${pi}][cur] === 0) return -1; return ${next}(s);`;
        break;
      case K_BACKREF: {
        const l = pat.arg[pi];
        body =
          `const len = capLen[${l}]; if (len < 0 || end - s < len) return -1; const init = capInit[${l}];` +
          ` for (let k = 0; k < len; k++) if (src.charCodeAt(init + k) !== src.charCodeAt(s + k)) return -1;` +
          ` return ${next}(s + len);`;
        break;
      }
      default:
        body = `throw fail(${pat.arg[pi]});`;
    }
    out.push(`function f${pi}(s) { ${body} }`);
  }
  const source =
    `"use strict"; let ms, src = "", end = 0, capInit, capLen;\n` +
    `function tailStart(s, t) { let p = end; while (p > s && t[src.charCodeAt(p - 1)] !== 0) p--; return p; }\n` +
    out.join("\n") +
    `\nreturn function match(m, text, s) { ms = m; src = text; end = text.length; capInit = m.capInit; capLen = m.capLen; m.level = 0; return f0(s); };`;
  const fail = (k: number): LuaError => new LuaError(pat.errors[k], 1);
  return new Function("S", "F", "TL", "fail", source)(pat.set, pat.first, pat.tail, fail) as GeneratedMatch;
}

/** max_expand for item pi as generated source (function x{pi}), as MatchState.maxExpand. */
function maxExpandSource(pat: Pattern, pi: number, test: string): string {
  const np = pi + 1;
  const next = `f${np}`;
  const run = pat.arg2[pi] === -2 ? "i = end - s;" : `while (s + i < end && ${test}) i++;`;
  let rest: string;
  const nk = pat.kind[np];
  if (nk === K_END) rest = "return s + i;";
  else if (nk === K_EOS) rest = "return s + i === end ? end : -1;";
  else if (pat.tail[np] !== null) rest = `return s + i >= tailStart(s, TL[${np}]) ? ${next}(s + i) : -1;`;
  else if (pat.first[np] !== null)
    rest =
      `const f = F[${np}]; for (; i >= 0; i--) { const p = s + i;` +
      ` if (p < end && f[src.charCodeAt(p)] !== 0) { const r = ${next}(p); if (r !== -1) return r; } } return -1;`;
  else rest = `for (; i >= 0; i--) { const r = ${next}(s + i); if (r !== -1) return r; } return -1;`;
  return `function x${pi}(s) { let i = 0; ${run} ${rest} }`;
}

/** min_expand for item pi as generated source (the body of f{pi}), as MatchState.minExpand. */
function minExpandSource(pat: Pattern, pi: number, test: string): string {
  const np = pi + 1;
  const next = `f${np}`;
  if (pat.tail[np] !== null) {
    return (
      `const p0 = tailStart(s, TL[${np}]);` +
      ` for (; s < p0; s++) if (!(${test})) return -1; return ${next}(s);`
    );
  }
  const tryRest =
    pat.first[np] === null
      ? `{ const r = ${next}(s); if (r !== -1) return r; }`
      : `if (s < end && F[${np}][src.charCodeAt(s)] !== 0) { const r = ${next}(s); if (r !== -1) return r; }`;
  return `for (;;) { ${tryRest} if (s < end && ${test}) s++; else return -1; }`;
}
