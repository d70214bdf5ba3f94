// The hash type: field -> value byte strings in dense arrays with a field -> index map, so that
// iteration, random picks (HRANDFIELD) and HSCAN cursors are O(1) per step. While the encoding is
// "listpack" deletes keep insertion order, as Redis's listpack does; once "hashtable", deletes
// swap the last entry in. Encoding decisions are the commands' (server/commands/hashes.ts).
// A small hash has no map (dense-index.ts; a BullMQ job is a hash of ~10 fields).

import type { DataValue } from "../keyspace/db.js";
import { indexOnceBig, positionOf } from "./dense-index.js";
import { denseScan } from "./scan.js";

export class HashValue implements DataValue {
  readonly type = "hash" as const;
  /** field -> its position, once the hash is big (dense-index.ts) */
  private index: Map<string, number> | undefined = undefined;
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
    }
    if (this.index !== undefined) h.index = new Map(this.index);
    return h;
  }

  /** Switches to the hashtable encoding (one way, as hashTypeConvert). */
  convert(): void {
    this.listpack = false;
  }

  /** The field's position, or -1. */
  private find(field: string): number {
    return positionOf(this.fields, this.index, field);
  }

  get(field: string): string | undefined {
    const i = this.find(field);
    return i < 0 ? undefined : this.values[i];
  }

  has(field: string): boolean {
    return this.find(field) >= 0;
  }

  /** Sets a field; true when it was created, false when an existing value was replaced. */
  set(field: string, value: string): boolean {
    const i = this.find(field);
    if (i >= 0) {
      this.values[i] = value;
      return false;
    }
    const fields = this.fields;
    if (this.index !== undefined) this.index.set(field, fields.length);
    fields.push(field);
    this.values.push(value);
    this.index = indexOnceBig(fields, this.index);
    return true;
  }

  /** Removes a field; true when it existed. */
  delete(field: string): boolean {
    const i = this.find(field);
    if (i < 0) return false;
    const index = this.index;
    index?.delete(field);
    const last = this.fields.length - 1;
    if (this.listpack) {
      // listpack order: shift the tail down by one.
      for (let k = i; k < last; k++) {
        const f = this.fields[k + 1];
        this.fields[k] = f;
        this.values[k] = this.values[k + 1];
        index?.set(f, k);
      }
    } else if (i !== last) {
      const f = this.fields[last];
      this.fields[i] = f;
      this.values[i] = this.values[last];
      index?.set(f, i);
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
