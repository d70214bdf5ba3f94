// The hash type: field -> value byte strings in dense arrays with a field -> index map, so that
// iteration, random picks (HRANDFIELD) and HSCAN cursors are O(1) per step. While the encoding is
// "listpack" deletes keep insertion order, as Redis's listpack does; once "hashtable", deletes
// swap the last entry in. Encoding decisions are the commands' (server/commands/hashes.ts).

import type { DataValue } from "../keyspace/db.js";
import { denseScan } from "./scan.js";

export class HashValue implements DataValue {
  readonly type = "hash" as const;
  private readonly index = new Map<string, number>();
  /** fields[i] has values[i]; dense, no holes. */
  readonly fields: string[] = [];
  readonly values: string[] = [];
  /** True while Redis would keep this hash as a listpack. */
  listpack = true;

  get size(): number {
    return this.fields.length;
  }

  encoding(): string {
    return this.listpack ? "listpack" : "hashtable";
  }

  copy(): HashValue {
    const h = new HashValue();
    h.listpack = this.listpack;
    for (let i = 0; i < this.fields.length; i++) {
      h.fields.push(this.fields[i]);
      h.values.push(this.values[i]);
      h.index.set(this.fields[i], i);
    }
    return h;
  }

  /** Switches to the hashtable encoding (one way, as hashTypeConvert). */
  convert(): void {
    this.listpack = false;
  }

  get(field: string): string | undefined {
    const i = this.index.get(field);
    return i === undefined ? undefined : this.values[i];
  }

  has(field: string): boolean {
    return this.index.has(field);
  }

  /** Sets a field; true when it was created, false when an existing value was replaced. */
  set(field: string, value: string): boolean {
    const i = this.index.get(field);
    if (i !== undefined) {
      this.values[i] = value;
      return false;
    }
    this.index.set(field, this.fields.length);
    this.fields.push(field);
    this.values.push(value);
    return true;
  }

  /** Removes a field; true when it existed. */
  delete(field: string): boolean {
    const i = this.index.get(field);
    if (i === undefined) return false;
    this.index.delete(field);
    const last = this.fields.length - 1;
    if (this.listpack) {
      // listpack order: shift the tail down by one.
      for (let k = i; k < last; k++) {
        const f = this.fields[k + 1];
        this.fields[k] = f;
        this.values[k] = this.values[k + 1];
        this.index.set(f, k);
      }
    } else if (i !== last) {
      const f = this.fields[last];
      this.fields[i] = f;
      this.values[i] = this.values[last];
      this.index.set(f, i);
    }
    this.fields.pop();
    this.values.pop();
    return true;
  }

  /** One HSCAN step over entry indexes; see scan.ts for the cursor's guarantee. */
  scan(cursor: number, count: number, visit: (i: number) => void): number {
    return denseScan(this.fields.length, cursor, count, visit);
  }
}
