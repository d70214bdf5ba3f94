// The list type: a deque of byte strings on a growable ring buffer — O(1) push/pop at both ends
// and O(1) indexing, O(n) middle insert/remove shifting the shorter side. OBJECT ENCODING is
// "quicklist" for every list, as in Redis 7.0. Used by server/commands/lists.ts.

import type { DataValue } from "../keyspace/db.js";

const MIN_CAPACITY = 8;

export class ListValue implements DataValue {
  readonly type = "list" as const;
  /** Ring buffer; its length is a power of two. Unused slots hold undefined. */
  private buf: (string | undefined)[];
  private head = 0;
  private mask: number;
  length = 0;

  constructor(capacity = MIN_CAPACITY) {
    let cap = MIN_CAPACITY;
    while (cap < capacity) cap *= 2;
    this.buf = new Array<string | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
  }

  encoding(): string {
    return "quicklist";
  }

  copy(): ListValue {
    const l = new ListValue(this.length);
    for (let i = 0; i < this.length; i++) l.buf[i] = this.get(i);
    l.length = this.length;
    return l;
  }

  private grow(): void {
    const old = this.buf;
    const n = old.length;
    const next = new Array<string | undefined>(n * 2).fill(undefined);
    for (let i = 0; i < this.length; i++) next[i] = old[(this.head + i) & this.mask];
    this.buf = next;
    this.head = 0;
    this.mask = n * 2 - 1;
  }

  /** Shrinks the buffer after large removals so a drained list gives its memory back. */
  private maybeShrink(): void {
    const cap = this.buf.length;
    if (cap <= MIN_CAPACITY * 4 || this.length * 8 > cap) return;
    const next = new Array<string | undefined>(cap / 4).fill(undefined);
    for (let i = 0; i < this.length; i++) next[i] = this.buf[(this.head + i) & this.mask];
    this.buf = next;
    this.head = 0;
    this.mask = cap / 4 - 1;
  }

  pushBack(v: string): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length) & this.mask] = v;
    this.length++;
  }

  pushFront(v: string): void {
    if (this.length === this.buf.length) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.buf[this.head] = v;
    this.length++;
  }

  popFront(): string | undefined {
    if (this.length === 0) return undefined;
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    if (this.length === 0) this.head = 0;
    else this.maybeShrink();
    return v;
  }

  popBack(): string | undefined {
    if (this.length === 0) return undefined;
    const i = (this.head + this.length - 1) & this.mask;
    const v = this.buf[i];
    this.buf[i] = undefined;
    this.length--;
    if (this.length === 0) this.head = 0;
    else this.maybeShrink();
    return v;
  }

  /** The element at 0 <= i < length. */
  get(i: number): string {
    return this.buf[(this.head + i) & this.mask] as string;
  }

  set(i: number, v: string): void {
    this.buf[(this.head + i) & this.mask] = v;
  }

  /** Elements start..end inclusive (already clamped to 0 <= start <= end < length), in order. */
  range(start: number, end: number): string[] {
    const out = new Array<string>(end - start + 1);
    for (let i = start, j = 0; i <= end; i++, j++) out[j] = this.buf[(this.head + i) & this.mask] as string;
    return out;
  }

  /** Elements end..start, from `end` down to `start` inclusive (0 <= start <= end < length). */
  rangeReverse(start: number, end: number): string[] {
    const out = new Array<string>(end - start + 1);
    for (let i = end, j = 0; i >= start; i--, j++) out[j] = this.buf[(this.head + i) & this.mask] as string;
    return out;
  }

  /** Inserts v so that it becomes element i (0 <= i <= length), moving the shorter side. */
  insertAt(i: number, v: string): void {
    if (i === 0) return this.pushFront(v);
    if (i === this.length) return this.pushBack(v);
    if (this.length === this.buf.length) this.grow();
    if (i < this.length / 2) {
      this.head = (this.head - 1) & this.mask;
      for (let k = 0; k < i; k++) this.set(k, this.get(k + 1));
    } else {
      for (let k = this.length; k > i; k--) this.set(k, this.get(k - 1));
    }
    this.set(i, v);
    this.length++;
  }

  /** Removes element i (0 <= i < length). */
  removeAt(i: number): void {
    if (i < this.length / 2) {
      for (let k = i; k > 0; k--) this.set(k, this.get(k - 1));
      this.popFront();
    } else {
      for (let k = i; k < this.length - 1; k++) this.set(k, this.get(k + 1));
      this.popBack();
    }
  }

  /**
   * LREM: removes elements equal to v — the first `count` from the head when count > 0, the
   * last -count from the tail when count < 0, all when 0. Returns how many were removed.
   */
  removeValue(v: string, count: number): number {
    const n = this.length;
    const limit = count === 0 ? Infinity : Math.abs(count);
    let removed = 0;
    if (count >= 0) {
      let w = 0;
      for (let r = 0; r < n; r++) {
        const x = this.get(r);
        if (removed < limit && x === v) removed++;
        else {
          if (w !== r) this.set(w, x);
          w++;
        }
      }
      for (let k = w; k < n; k++) this.set(k, undefined as unknown as string);
    } else {
      let w = n - 1;
      for (let r = n - 1; r >= 0; r--) {
        const x = this.get(r);
        if (removed < limit && x === v) removed++;
        else {
          if (w !== r) this.set(w, x);
          w--;
        }
      }
      for (let k = 0; k <= w; k++) this.set(k, undefined as unknown as string);
      this.head = (this.head + removed) & this.mask;
    }
    this.length = n - removed;
    if (this.length === 0) this.head = 0;
    else this.maybeShrink();
    return removed;
  }

  /** Keeps elements start..end inclusive (0 <= start <= end < length); drops the rest. */
  trim(start: number, end: number): void {
    for (let i = 0; i < start; i++) this.set(i, undefined as unknown as string);
    for (let i = end + 1; i < this.length; i++) this.set(i, undefined as unknown as string);
    this.head = (this.head + start) & this.mask;
    this.length = end - start + 1;
    this.maybeShrink();
  }

  /** Index of the first element equal to v, or -1. */
  indexOf(v: string): number {
    for (let i = 0; i < this.length; i++) if (this.get(i) === v) return i;
    return -1;
  }

  toArray(): string[] {
    return this.length === 0 ? [] : this.range(0, this.length - 1);
  }
}
