// Constant string keys (`t.name`, `t["name"]`, globals) go to the runtime with Lua's hash of
// the string, as a TString carries it in C, so the table lookup starts at the key's main
// position without hashing it again. Must agree with runtime/table-hash.ts `keyHash` (checked by
// spec/unit/table/api.test.ts); the compiler can't import the runtime.
import type * as ES from "estree";
import * as f from "../factories.js";
import type { Loc } from "./context.js";

/** runtime/table-hash.ts STRING_HASH_MASK: tables keep hashes to MAXBITS (26) bits. */
const MASK = (1 << 26) - 1;

/**
 * luaS_hash of a string of latin1 chars, masked; -1 for strings of 32 chars or more, whose
 * hash depends on the profile (Redis hashes every byte, Lua 5.1 samples long strings).
 */
export function constantKeyHash(s: string): number {
  const l = s.length;
  if (l >= 32) return -1;
  let h = l | 0;
  for (let i = l; i >= 1; i--) h ^= (h << 5) + (h >>> 2) + s.charCodeAt(i - 1);
  return (h >>> 0) & MASK;
}

/** The key and hash arguments of a helper taking a constant string key. */
export function keyArgs(name: string, loc: Loc): ES.Expression[] {
  return [f.str(name, loc), f.num(constantKeyHash(name), loc)];
}
