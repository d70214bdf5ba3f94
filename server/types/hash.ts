// The hash type: field -> value byte strings in dense arrays with a field -> index map, so that
// iteration, random picks (HRANDFIELD) and HSCAN cursors are O(1) per step. While the encoding is
// "listpack" deletes keep insertion order, as Redis's listpack does; once "hashtable", deletes
// swap the last entry in. Encoding decisions are the commands' (server/commands/hashes.ts).
// A hash of up to SMALL fields has no map: its fields are compared in turn, as fast for so few,
// and a Map with its table is most of a small hash's memory and of what the GC copies (a
// BullMQ job is a hash of ~10 fields).

import type { DataValue } from "../keyspace/db.js";
import { denseScan } from "./scan.js";

/** Fields up to which a hash is searched without its index map. */
const SMALL = 16;

export class HashValue implements DataValue {
  readonly type = "hash" as const;
  /** field -> its position, once the hash has more than SMALL fields */
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
    if (this.index !== undefined) return this.index.get(field) ?? -1;
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) if (fields[i] === field) return i;
    return -1;
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
    if (this.index === undefined && fields.length > SMALL) {
      const index = new Map<string, number>();
      for (let k = 0; k < fields.length; k++) index.set(fields[k], k);
      this.index = index;
    }
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
