// The set type: members (byte strings) in a dense array with a member -> index map, so random
// picks (SPOP, SRANDMEMBER) and SSCAN are O(1) per step. While every member is an integer and the
// set is small Redis keeps an "intset", sorted by value: we then keep the array sorted the same way
// (so SMEMBERS and friends answer in Redis's order); as a "hashtable", deletes swap the last in.
// A small set has no map (dense-index.ts).

import type { DataValue } from "../keyspace/db.js";
import { isIntEncodable } from "../util/numbers.js";
import { indexOnceBig, positionOf } from "./dense-index.js";
import { denseScan } from "./scan.js";

/** Compares two canonical int64 decimal strings (as string2ll accepts them) by value. */
export function compareIntStrings(a: string, b: string): number {
  const na = a.charCodeAt(0) === 45;
  const nb = b.charCodeAt(0) === 45;
  if (na !== nb) return na ? -1 : 1;
  let r: number;
  if (a.length !== b.length) r = a.length < b.length ? -1 : 1;
  else r = a < b ? -1 : a > b ? 1 : 0;
  return na ? -r : r;
}

export class SetValue implements DataValue {
  readonly type = "set" as const;
  /** member -> its position, once the set is big (dense-index.ts) */
  private index: Map<string, number> | undefined = undefined;
  readonly members: string[] = [];
  /** True while Redis would keep this set as an intset (all members integers, sorted). */
  intset = true;
  /** The intset's element width in bytes (2, 4, 8): it grows with the members, never shrinks. */
  intsetWidth = 2;

  get size(): number {
    return this.members.length;
  }

  encoding(): string {
    return this.intset ? "intset" : "hashtable";
  }

  copy(): SetValue {
    const s = new SetValue();
    s.intset = this.intset;
    s.intsetWidth = this.intsetWidth;
    for (let i = 0; i < this.members.length; i++) s.members.push(this.members[i]);
    if (this.index !== undefined) s.index = new Map(this.index);
    return s;
  }

  /** The member's position, or -1. */
  private find(m: string): number {
    return positionOf(this.members, this.index, m);
  }

  has(m: string): boolean {
    return this.find(m) >= 0;
  }

  /**
   * setTypeAdd: adds a member, converting an intset to a hashtable when the member is not an
   * integer or the intset grows past `maxIntset`. True when added.
   */
  add(m: string, maxIntset: number): boolean {
    if (this.find(m) >= 0) return false;
    if (this.intset) {
      if (!isIntEncodable(m)) {
        this.intset = false;
      } else {
        const v = Number(m);
        const w = v >= -32768 && v <= 32767 ? 2 : v >= -2147483648 && v <= 2147483647 ? 4 : 8;
        if (w > this.intsetWidth) this.intsetWidth = w;
        this.insertSorted(m);
        this.index = indexOnceBig(this.members, this.index);
        if (this.members.length > maxIntset) this.intset = false;
        return true;
      }
    }
    this.index?.set(m, this.members.length);
    this.members.push(m);
    this.index = indexOnceBig(this.members, this.index);
    return true;
  }

  private insertSorted(m: string): void {
    const a = this.members;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIntStrings(a[mid], m) < 0) lo = mid + 1;
      else hi = mid;
    }
    a.splice(lo, 0, m);
    const index = this.index;
    if (index !== undefined) for (let k = lo; k < a.length; k++) index.set(a[k], k);
  }

  /** Removes a member; true when it was there. */
  delete(m: string): boolean {
    const i = this.find(m);
    if (i < 0) return false;
    this.removeAt(i);
    return true;
  }

  /** Removes the member at index i. */
  removeAt(i: number): void {
    const a = this.members;
    const index = this.index;
    index?.delete(a[i]);
    const last = a.length - 1;
    if (this.intset) {
      a.splice(i, 1);
      if (index !== undefined) for (let k = i; k < last; k++) index.set(a[k], k);
      return;
    }
    if (i !== last) {
      a[i] = a[last];
      index?.set(a[i], i);
    }
    a.pop();
  }

  /** A uniformly random member's index (the set must not be empty). */
  randomIndex(): number {
    return Math.floor(Math.random() * this.members.length);
  }

  scan(cursor: number, count: number, visit: (i: number) => void): number {
    return denseScan(this.members.length, cursor, count, visit);
  }
}
