// Lua 5.1's hash functions as ltable.c and lstring.c compute them, for runtime/table.ts: a
// string's luaS_hash (Redis's every-byte variant or Lua's sampled one), a number's hashnum
// word sum, and the size arithmetic both the table and its layout replay use.

/** ltable.c: max size of the array part is 2^MAXBITS. */
export const MAXBITS = 26;

let hashEveryChar = false;

/**
 * Redis patches Lua's string hash to read every byte (lstring.c's `step = 1`), where Lua 5.1
 * reads at most ~32 of them. The engine that runs Redis scripts turns this on before it builds
 * any table; the standalone Lua profile leaves it off. It changes `pairs` order only.
 */
export function setRedisStringHash(on: boolean): void {
  hashEveryChar = on;
}

/** luaS_hash over the latin1 bytes of a JS string: seed = length, step from the length. */
export function luaStringHash(s: string): number {
  const l = s.length;
  // C's unsigned arithmetic in int32: `^` keeps the low 32 bits of the sum, `>>>` is unsigned
  let h = l | 0;
  if (l < 32 || hashEveryChar) {
    // step 1: every byte, from the last; two per iteration
    let i = l - 1;
    for (; i >= 1; i -= 2) {
      h ^= (h << 5) + (h >>> 2) + s.charCodeAt(i);
      h ^= (h << 5) + (h >>> 2) + s.charCodeAt(i - 1);
    }
    if (i === 0) h ^= (h << 5) + (h >>> 2) + s.charCodeAt(0);
    return h >>> 0;
  }
  const step = (l >> 5) + 1;
  for (let l1 = l; l1 >= step; l1 -= step) h ^= (h << 5) + (h >>> 2) + s.charCodeAt(l1 - 1);
  return h >>> 0;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** hashnum's sum of the two 32-bit words of the double (the caller maps 0 and -0 to node 0). */
export function luaNumberHash(n: number): number {
  f64[0] = n;
  return (u32[0] + u32[1]) >>> 0;
}

/**
 * The part of a string's hash a node keeps: hashpow2 never needs more than MAXBITS bits. The
 * compiler passes constant keys' hashes masked so (compiler/lower/keys.ts): `keyHash`.
 */
export const STRING_HASH_MASK = (1 << MAXBITS) - 1;

/** A string key's hash as the *StrH methods take it. */
export function keyHash(s: string): number {
  return luaStringHash(s) & STRING_HASH_MASK;
}

/** luaO_log2(x - 1) + 1 for x >= 1: the exponent of the smallest power of 2 >= x. */
export function ceilLog2(x: number): number {
  return x <= 1 ? 0 : 32 - Math.clz32(x - 1);
}

/** lobject.c luaO_int2fb: the "floating point byte" OP_NEWTABLE stores a size hint in. */
export function int2fb(x: number): number {
  let e = 0;
  while (x >= 16) {
    x = (x + 1) >>> 1;
    e++;
  }
  return x < 8 ? x : ((e + 1) << 3) | (x - 8);
}

/** lobject.c luaO_fb2int. */
export function fb2int(x: number): number {
  const e = (x >>> 3) & 31;
  return e === 0 ? x : ((x & 7) + 8) * 2 ** (e - 1);
}
