// The sorted set type: a skiplist ordered by (score, member) for ranks and ranges, a member ->
// node map for O(1) scores, and a dense node array for random picks (ZRANDMEMBER) and ZSCAN.
// Tracks the encoding Redis would report ("listpack" while small, then "skiplist"); a listpack
// stores scores as text, which turns -0 into 0, so this does too while "listpack".

import type { DataValue } from "../keyspace/db.js";
import { denseScan } from "./scan.js";
import { SkipList, ZNode } from "./skiplist.js";

export class ZSetValue implements DataValue {
  readonly type = "zset" as const;
  readonly dict = new Map<string, ZNode>();
  readonly zsl = new SkipList();
  /** Every node, dense; node.pos is its index. */
  readonly nodes: ZNode[] = [];
  listpack = true;

  get size(): number {
    return this.nodes.length;
  }

  encoding(): string {
    return this.listpack ? "listpack" : "skiplist";
  }

  copy(): ZSetValue {
    const z = new ZSetValue();
    z.listpack = this.listpack;
    for (let x = this.zsl.first(); x !== null; x = x.next[0]) z.insert(x.member, x.score);
    return z;
  }

  /** Switches to the skiplist encoding (zsetConvert, one way). */
  convert(): void {
    this.listpack = false;
  }

  /** Back to listpack (zsetConvertToListpackIfNeeded on a freshly built result). */
  toListpack(): void {
    this.listpack = true;
    for (const x of this.nodes) if (x.score === 0) x.score = 0;
  }

  score(member: string): number | undefined {
    return this.dict.get(member)?.score;
  }

  /** Adds a member that is not in the set. */
  insert(member: string, score: number): ZNode {
    const x = SkipList.node(member, this.listpack && score === 0 ? 0 : score);
    this.zsl.insert(x);
    this.dict.set(member, x);
    x.pos = this.nodes.length;
    this.nodes.push(x);
    return x;
  }

  /** Changes a member's score, moving it in the order. */
  setScore(x: ZNode, score: number): void {
    this.zsl.updateScore(x, this.listpack && score === 0 ? 0 : score);
  }

  /** Removes a node of this set. */
  remove(x: ZNode): void {
    this.zsl.delete(x);
    this.dict.delete(x.member);
    const last = this.nodes.length - 1;
    if (x.pos !== last) {
      const y = this.nodes[last];
      this.nodes[x.pos] = y;
      y.pos = x.pos;
    }
    this.nodes.pop();
    x.pos = -1;
  }

  /** Removes a member; true when it was there. */
  delete(member: string): boolean {
    const x = this.dict.get(member);
    if (x === undefined) return false;
    this.remove(x);
    return true;
  }

  /** 0-based rank of a member from the lowest score (or the highest when reverse), or -1. */
  rankOf(member: string, reverse: boolean): number {
    const x = this.dict.get(member);
    if (x === undefined) return -1;
    const r = this.zsl.rank(x);
    return reverse ? this.nodes.length - r : r - 1;
  }

  /** The node at a 0-based rank (0 <= rank < size). */
  at(rank: number): ZNode {
    return this.zsl.byRank(rank + 1) as ZNode;
  }

  scan(cursor: number, count: number, visit: (x: ZNode) => void): number {
    return denseScan(this.nodes.length, cursor, count, (i) => visit(this.nodes[i]));
  }
}

export const ZADD_NX = 1;
export const ZADD_XX = 2;
export const ZADD_GT = 4;
export const ZADD_LT = 8;
export const ZADD_INCR = 16;

/** What zsetAdd did (Redis's ZADD_OUT_* flags). */
export const ZADD_OUT_NAN = 1;
export const ZADD_OUT_ADDED = 2;
export const ZADD_OUT_UPDATED = 4;
export const ZADD_OUT_NOP = 8;

/** The listpack limits zsetAdd needs (zset-max-listpack-entries / -value). */
export interface ZsetLimits {
  zsetEntries: number;
  zsetValue: number;
}

/** The score zsetAdd settled on (valid unless it returned NAN or NOP). */
export let zaddNewScore = 0;

/**
 * zsetAdd: adds or updates `member` under the NX/XX/GT/LT/INCR flags, converting a listpack to a
 * skiplist before a new member would make it too long or too big. Returns ZADD_OUT_* flags.
 */
export function zsetAdd(z: ZSetValue, score: number, member: string, flags: number, lim: ZsetLimits): number {
  if (score !== score) return ZADD_OUT_NAN;
  const x = z.dict.get(member);
  if (x !== undefined) {
    if (flags & ZADD_NX) return ZADD_OUT_NOP;
    const cur = x.score;
    if (flags & ZADD_INCR) {
      score += cur;
      if (score !== score) return ZADD_OUT_NAN;
    }
    if ((flags & ZADD_LT && score >= cur) || (flags & ZADD_GT && score <= cur)) return ZADD_OUT_NOP;
    zaddNewScore = score;
    if (score !== cur) {
      z.setScore(x, score);
      return ZADD_OUT_UPDATED;
    }
    return 0;
  }
  if (flags & ZADD_XX) return ZADD_OUT_NOP;
  if (z.listpack && (z.size + 1 > lim.zsetEntries || member.length > lim.zsetValue)) z.convert();
  z.insert(member, score);
  zaddNewScore = score;
  return ZADD_OUT_ADDED;
}
