// The skiplist behind sorted sets, after Redis's zskiplist (t_zset.c): nodes ordered by (score,
// member bytes), each level link carrying its span so rank lookups are O(log n); a backward link
// on level 0 for reverse walks. Score and lex range searches mirror zslFirstInRange & co.

const MAX_LEVEL = 32;
const P = 0.25;

export class ZNode {
  next: (ZNode | null)[];
  span: number[];
  backward: ZNode | null = null;
  /** Index in the owning ZSetValue's dense node array (random picks, ZSCAN). */
  pos = -1;

  constructor(
    public member: string,
    public score: number,
    level: number,
  ) {
    this.next = new Array<ZNode | null>(level).fill(null);
    this.span = new Array<number>(level).fill(0);
  }
}

/** A score interval; minex/maxex make the bound exclusive ("(" in Redis's syntax). */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/** "-" and "+" in lex ranges: below and above every string. */
export const LEX_MIN: unique symbol = Symbol("-");
export const LEX_MAX: unique symbol = Symbol("+");
export type LexBound = string | typeof LEX_MIN | typeof LEX_MAX;

export interface LexRange {
  min: LexBound;
  max: LexBound;
  minex: boolean;
  maxex: boolean;
}

/** sdscmplex: byte order with "-"/"+" as the extremes (equal only to themselves). */
export function compareLex(a: LexBound, b: LexBound): number {
  if (a === b) return 0;
  if (a === LEX_MIN || b === LEX_MAX) return -1;
  if (a === LEX_MAX || b === LEX_MIN) return 1;
  return a < b ? -1 : 1;
}

export function scoreGteMin(v: number, r: ScoreRange): boolean {
  return r.minex ? v > r.min : v >= r.min;
}

export function scoreLteMax(v: number, r: ScoreRange): boolean {
  return r.maxex ? v < r.max : v <= r.max;
}

export function lexGteMin(v: string, r: LexRange): boolean {
  const c = compareLex(v, r.min);
  return r.minex ? c > 0 : c >= 0;
}

export function lexLteMax(v: string, r: LexRange): boolean {
  const c = compareLex(v, r.max);
  return r.maxex ? c < 0 : c <= 0;
}

/** True when the score range can contain nothing (min > max, or min == max with an exclusion). */
export function emptyScoreRange(r: ScoreRange): boolean {
  return r.min > r.max || (r.min === r.max && (r.minex || r.maxex));
}

export function emptyLexRange(r: LexRange): boolean {
  const c = compareLex(r.min, r.max);
  return c > 0 || (c === 0 && (r.minex || r.maxex));
}

/** (score, member) of node x sorts before (score, member). */
function before(x: ZNode, score: number, member: string): boolean {
  return x.score < score || (x.score === score && x.member < member);
}

function randomLevel(): number {
  let level = 1;
  while (level < MAX_LEVEL && Math.random() < P) level++;
  return level;
}

// Scratch paths reused by every operation (the server is single-threaded and nothing re-enters).
const update: ZNode[] = new Array<ZNode>(MAX_LEVEL);
const rankAt: number[] = new Array<number>(MAX_LEVEL).fill(0);

export class SkipList {
  readonly header = new ZNode("", 0, MAX_LEVEL);
  tail: ZNode | null = null;
  length = 0;
  level = 1;

  /** The first node (lowest score), or null. */
  first(): ZNode | null {
    return this.header.next[0];
  }

  /** zslInsert: links `x` (not in the list, level fixed at creation) at its place by (score, member). */
  insert(x: ZNode): void {
    const score = x.score;
    const member = x.member;
    let h = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      rankAt[i] = i === this.level - 1 ? 0 : rankAt[i + 1];
      let f = h.next[i];
      while (f !== null && before(f, score, member)) {
        rankAt[i] += h.span[i];
        h = f;
        f = h.next[i];
      }
      update[i] = h;
    }
    const level = x.next.length;
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rankAt[i] = 0;
        update[i] = this.header;
        this.header.span[i] = this.length;
      }
      this.level = level;
    }
    for (let i = 0; i < level; i++) {
      const u = update[i];
      x.next[i] = u.next[i];
      u.next[i] = x;
      x.span[i] = u.span[i] - (rankAt[0] - rankAt[i]);
      u.span[i] = rankAt[0] - rankAt[i] + 1;
    }
    for (let i = level; i < this.level; i++) update[i].span[i]++;
    x.backward = update[0] === this.header ? null : update[0];
    const n0 = x.next[0];
    if (n0 !== null) n0.backward = x;
    else this.tail = x;
    this.length++;
  }

  /** A new node with a random level (for insert). */
  static node(member: string, score: number): ZNode {
    return new ZNode(member, score, randomLevel());
  }

  /** Fills `update` with the path to x (which must be in the list). */
  private pathTo(x: ZNode): void {
    let h = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let f = h.next[i];
      while (f !== null && before(f, x.score, x.member)) {
        h = f;
        f = h.next[i];
      }
      update[i] = h;
    }
  }

  private unlink(x: ZNode): void {
    for (let i = 0; i < this.level; i++) {
      const u = update[i];
      if (u.next[i] === x) {
        u.span[i] += x.span[i] - 1;
        u.next[i] = x.next[i];
      } else {
        u.span[i] -= 1;
      }
    }
    const n0 = x.next[0];
    if (n0 !== null) n0.backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && this.header.next[this.level - 1] === null) this.level--;
    this.length--;
  }

  /** zslDelete of a node known to be in the list. */
  delete(x: ZNode): void {
    this.pathTo(x);
    this.unlink(x);
    x.backward = null;
  }

  /** zslUpdateScore: moves x to its new place (in place when its neighbours allow). */
  updateScore(x: ZNode, score: number): void {
    const b = x.backward;
    const f = x.next[0];
    if ((b === null || b.score < score) && (f === null || f.score > score)) {
      x.score = score;
      return;
    }
    this.pathTo(x);
    this.unlink(x);
    x.score = score;
    this.insert(x);
  }

  /** 1-based rank of x (zslGetRank). */
  rank(x: ZNode): number {
    let h = this.header;
    let rank = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let f = h.next[i];
      while (f !== null && (f === x || before(f, x.score, x.member))) {
        rank += h.span[i];
        h = f;
        f = h.next[i];
      }
      if (h === x) return rank;
    }
    return 0;
  }

  /** The node at 1-based rank (zslGetElementByRank), or null. */
  byRank(rank: number): ZNode | null {
    let h = this.header;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      let f = h.next[i];
      while (f !== null && traversed + h.span[i] <= rank) {
        traversed += h.span[i];
        h = f;
        f = h.next[i];
      }
      if (traversed === rank) return h === this.header ? null : h;
    }
    return null;
  }

  /** zslFirstInRange. */
  firstInRange(r: ScoreRange): ZNode | null {
    if (emptyScoreRange(r) || this.tail === null || !scoreGteMin(this.tail.score, r)) return null;
    let h = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let f = h.next[i];
      while (f !== null && !scoreGteMin(f.score, r)) {
        h = f;
        f = h.next[i];
      }
    }
    const x = h.next[0];
    return x !== null && scoreLteMax(x.score, r) ? x : null;
  }

  /** zslLastInRange. */
  lastInRange(r: ScoreRange): ZNode | null {
    const first = this.header.next[0];
    if (emptyScoreRange(r) || first === null || !scoreLteMax(first.score, r)) return null;
    let h = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let f = h.next[i];
      while (f !== null && scoreLteMax(f.score, r)) {
        h = f;
        f = h.next[i];
      }
    }
    return h !== this.header && scoreGteMin(h.score, r) ? h : null;
  }

  /** zslFirstInLexRange. */
  firstInLexRange(r: LexRange): ZNode | null {
    if (emptyLexRange(r) || this.tail === null || !lexGteMin(this.tail.member, r)) return null;
    let h = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let f = h.next[i];
      while (f !== null && !lexGteMin(f.member, r)) {
        h = f;
        f = h.next[i];
      }
    }
    const x = h.next[0];
    return x !== null && lexLteMax(x.member, r) ? x : null;
  }

  /** zslLastInLexRange. */
  lastInLexRange(r: LexRange): ZNode | null {
    const first = this.header.next[0];
    if (emptyLexRange(r) || first === null || !lexLteMax(first.member, r)) return null;
    let h = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let f = h.next[i];
      while (f !== null && lexLteMax(f.member, r)) {
        h = f;
        f = h.next[i];
      }
    }
    return h !== this.header && lexGteMin(h.member, r) ? h : null;
  }
}
