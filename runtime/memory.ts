// The memory guard: a cap on how big a script may let its isolate's V8 heap grow. The string
// and table library functions that build big strings charge their size here before building
// them, and the interrupt hook's owner calls `checkHeap` on every hook; past the cap the
// script gets Lua's "not enough memory" (LUA_ERRMEM) while V8 still has room to unwind it.
// The cap is off (Infinity) unless an embedder sets it: the server does (server/worker/).
import { memoryError } from "./errors.js";

export interface MemoryGuard {
  /** bytes of used V8 heap past which Lua allocations fail; Infinity turns the guard off */
  limit: number;
  /** the isolate's used heap in bytes (node:v8's used_heap_size, set with the limit) */
  usedHeap: () => number;
  /**
   * A full garbage collection, run before failing: the used heap counts garbage not yet
   * collected (a failed script's tables, say) as well as what is live.
   */
  collect?: () => void;
}

export const memoryGuard: MemoryGuard = { limit: Infinity, usedHeap: () => 0 };

/** Allocations smaller than this are left to the hook's periodic heap reading. */
export const CHARGE_MIN = 4096;
/** Bytes charged between two heap readings. */
const RECHECK = 32 * 1024 * 1024;

let lastUsed = 0;
let charged = 0;

/**
 * Before building a string of `bytes` chars (one byte each): fails with "not enough memory"
 * when the heap, as last read plus what was charged since, would pass the cap.
 */
export function chargeAllocation(bytes: number): void {
  const limit = memoryGuard.limit;
  if (limit === Infinity) return;
  charged += bytes;
  if (charged < RECHECK && lastUsed + charged <= limit) return;
  checkHeap(bytes);
}

/** The used heap as the guard last read it (bytes; 0 before any reading). */
export function lastHeapReading(): number {
  return lastUsed;
}

/** Reads the used heap now (bytes), as the guard's last reading too. */
export function readHeap(): number {
  lastUsed = memoryGuard.usedHeap();
  charged = 0;
  return lastUsed;
}

/** Reads the heap; fails with "not enough memory" if it (plus `extra` bytes) is past the cap. */
export function checkHeap(extra = 0): void {
  const limit = memoryGuard.limit;
  if (limit === Infinity) return;
  if (readHeap() + extra <= limit) return;
  if (memoryGuard.collect !== undefined) {
    memoryGuard.collect();
    if (readHeap() + extra <= limit) return;
  }
  throw memoryError();
}
