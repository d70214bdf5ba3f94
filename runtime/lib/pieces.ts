// Strings built from very many pieces in one library call (gsub's matches, %q's escapes,
// struct.pack's options). V8 appends with a 32-byte cons node that keeps both halves until the
// string is flattened, so a loop that appends 2^28 short pieces holds ~8 GB of nodes for a
// string of a few hundred MB: the isolate runs out of heap and takes the server down, where Lua
// builds the string in a luaL_Buffer. The library loops append with `+` as before and hand their
// string here every BLOCK appends; Pieces keeps the blocks and joins them (Array.prototype.join
// writes a flat string) a few at a time, so at most a few MB of nodes are live.
import { memoryError } from "../errors.js";
import { CHARGE_MIN, chargeAllocation } from "../memory.js";

/** V8's longest string: a result past it runs out of memory, as Lua would. */
export const MAX_STRING = (1 << 29) - 24;

/** Appends a loop makes to its own string before handing it over (a power of 2: a mask tests it). */
export const BLOCK = 4096;

/** Blocks waiting to be joined into one flat string. */
const JOIN = 64;

export class Pieces {
  /** chars handed over so far */
  length = 0;
  /** flat strings, in order */
  private readonly joined: string[] = [];
  /** blocks not yet joined (each built with `+`), after `joined` */
  private readonly pending: string[] = [];

  /** Hands over the next block; fails with "not enough memory" past V8's longest string. */
  add(block: string): void {
    this.length += block.length;
    if (this.length > MAX_STRING) throw memoryError();
    this.pending.push(block);
    if (this.pending.length === JOIN) this.join();
  }

  /** The whole string: what was handed over, then `last`. */
  finish(last: string): string {
    this.add(last);
    this.join();
    const j = this.joined;
    if (j.length === 1) return j[0];
    chargeAllocation(this.length);
    return j.join("");
  }

  private join(): void {
    const s = this.pending.join("");
    this.pending.length = 0;
    if (s.length >= CHARGE_MIN) chargeAllocation(s.length);
    this.joined.push(s);
  }
}
