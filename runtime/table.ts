// LuaTable: Lua 5.1's table, an array part for keys 1..n and a hash part for the rest.
// Owns raw get/set, the length operator's border (luaH_getn) and `next` traversal order.
// Uses value.ts for the value types and errors.ts for "table index is nil"-style errors.
//
// The hash part keeps keys in slots (keys/vals arrays) indexed by a Map, so that `next`
// can continue from any key in O(1), and a key set to nil keeps its slot (a "dead key",
// as in ltable.c) until the next rehash, so clearing fields during traversal is legal.
import type { LuaValue } from "./value.js";
import { LuaError } from "./errors.js";

export class LuaTable {
  /** t[1..arr.length] live here at arr[0..]; the last element is never nil. */
  arr: LuaValue[];
  /** key → slot in hkeys/hvals */
  hindex: Map<unknown, number> | undefined = undefined;
  hkeys: LuaValue[] | undefined = undefined;
  hvals: LuaValue[] | undefined = undefined;
  /** number of dead slots (value nil) in the hash part */
  hdead = 0;
  metatable: LuaTable | undefined = undefined;

  constructor(arr?: LuaValue[]) {
    this.arr = arr ?? [];
    // the array part must not end in nil
    const a = this.arr;
    while (a.length > 0 && a[a.length - 1] === undefined) a.length--;
  }

  /** Builds a table from the values of a JS array (t[1] = values[0], …), copying them. */
  static fromValues(values: readonly LuaValue[]): LuaTable {
    return new LuaTable(values.slice());
  }

  // ---- raw access -------------------------------------------------------

  get(key: LuaValue): LuaValue {
    if (typeof key === "number") return this.getNum(key);
    if (typeof key === "string") return this.getStr(key);
    if (key === undefined || this.hindex === undefined) return undefined;
    const slot = this.hindex.get(key);
    return slot === undefined ? undefined : this.hvals![slot];
  }

  getStr(key: string): LuaValue {
    if (this.hindex === undefined) return undefined;
    const slot = this.hindex.get(key);
    return slot === undefined ? undefined : this.hvals![slot];
  }

  getNum(key: number): LuaValue {
    const i = key - 1;
    if (i >= 0 && i < this.arr.length && (i | 0) === i) return this.arr[i];
    if (this.hindex === undefined) return undefined;
    const slot = this.hindex.get(key);
    return slot === undefined ? undefined : this.hvals![slot];
  }

  set(key: LuaValue, value: LuaValue): void {
    if (typeof key === "number") return this.setNum(key, value);
    if (typeof key === "string") return this.setHash(key, value);
    if (key === undefined) throw new LuaError("table index is nil", 1);
    this.setHash(key, value);
  }

  setStr(key: string, value: LuaValue): void {
    this.setHash(key, value);
  }

  setNum(key: number, value: LuaValue): void {
    const arr = this.arr;
    const i = key - 1;
    if ((i | 0) === i && i >= 0) {
      if (i < arr.length) {
        if (value === undefined && i === arr.length - 1) {
          arr.length--;
          while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.length--;
        } else {
          arr[i] = value;
        }
        return;
      }
      if (i === arr.length) {
        if (value === undefined) {
          this.setHash(key, value);
          return;
        }
        arr.push(value);
        if (this.hindex !== undefined) {
          if (this.hindex.has(key)) this.removeHash(key);
          this.migrate();
        }
        return;
      }
    } else if (key !== key) {
      throw new LuaError("table index is NaN", 1);
    }
    this.setHash(key, value);
  }

  /** After the array part grew, move keys n+1, n+2, … from the hash part into it. */
  private migrate(): void {
    const arr = this.arr;
    const index = this.hindex!;
    for (;;) {
      const k = arr.length + 1;
      const slot = index.get(k);
      if (slot === undefined) return;
      const v = this.hvals![slot];
      this.removeHash(k);
      if (v === undefined) return;
      arr.push(v);
    }
  }

  private removeHash(key: LuaValue): void {
    const slot = this.hindex!.get(key)!;
    if (this.hvals![slot] !== undefined) {
      this.hvals![slot] = undefined;
      this.hdead++;
    }
  }

  private setHash(key: LuaValue, value: LuaValue): void {
    let index = this.hindex;
    if (index === undefined) {
      if (value === undefined) return;
      index = this.hindex = new Map();
      this.hkeys = [];
      this.hvals = [];
    }
    const slot = index.get(key);
    if (slot !== undefined) {
      const old = this.hvals![slot];
      if (old === undefined) {
        if (value === undefined) return;
        this.hdead--;
      } else if (value === undefined) {
        this.hdead++;
      }
      this.hvals![slot] = value;
      return;
    }
    if (value === undefined) return;
    // a new key: compact dead slots first if they are many (a "rehash")
    if (this.hdead > 8 && this.hdead * 2 > this.hkeys!.length) this.rehash();
    const keys = this.hkeys!;
    index.set(key, keys.length);
    keys.push(key);
    this.hvals!.push(value);
  }

  private rehash(): void {
    const keys = this.hkeys!;
    const vals = this.hvals!;
    const nk: LuaValue[] = [];
    const nv: LuaValue[] = [];
    const index = new Map<unknown, number>();
    for (let i = 0; i < keys.length; i++) {
      if (vals[i] !== undefined) {
        index.set(keys[i], nk.length);
        nk.push(keys[i]);
        nv.push(vals[i]);
      }
    }
    this.hindex = index;
    this.hkeys = nk;
    this.hvals = nv;
    this.hdead = 0;
  }

  // ---- length and traversal ------------------------------------------------

  /** The length operator without metamethods: a border, as luaH_getn finds one. */
  length(): number {
    return this.arr.length;
  }

  /**
   * `next(t, key)`: the key/value after `key` in traversal order (array part first,
   * then the hash part), or undefined at the end. Throws "invalid key to 'next'" for a
   * key that is not in the table.
   */
  next(key: LuaValue): [LuaValue, LuaValue] | undefined {
    const arr = this.arr;
    let i = 0; // position in array part to scan from
    let slot = 0; // position in hash part to scan from
    if (key !== undefined) {
      if (typeof key === "number" && key >= 1 && key <= arr.length && Number.isInteger(key)) {
        i = key;
      } else {
        const s = this.hindex?.get(key);
        if (s === undefined) throw new LuaError("invalid key to 'next'", 1);
        i = arr.length;
        slot = s + 1;
      }
    }
    for (; i < arr.length; i++) {
      if (arr[i] !== undefined) return [i + 1, arr[i]];
    }
    const keys = this.hkeys;
    if (keys === undefined) return undefined;
    const vals = this.hvals!;
    for (; slot < keys.length; slot++) {
      if (vals[slot] !== undefined) return [keys[slot], vals[slot]];
    }
    return undefined;
  }

  /** Number of non-nil entries in the hash part (for sizing decisions by libraries). */
  hashCount(): number {
    return this.hkeys === undefined ? 0 : this.hkeys.length - this.hdead;
  }
}
