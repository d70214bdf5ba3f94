// Lua 5.1's math library (lmathlib.c, with LUA_COMPAT_MOD's math.mod), argument checks from
// args.ts, and NaN signs as glibc returns them. math.random: the CLI profile emulates glibc's
// rand() (random_r's additive generator, srand seeding) as lua5.1 uses it; the Redis profile uses
// Redis's redisLrand48 (src/rand.c), one generator for the whole server, never reseeded per script.
import { cPow } from "../pow.js";
import { LuaTable } from "../table.js";
import { LuaError } from "../errors.js";
import { NEGATIVE_NAN } from "../number.js";
import { argError, checkInt, checkNumber } from "./args.js";
import { EMPTY, type LuaResult, type LuaValue } from "../value.js";

const RAND_MAX = 2147483647;

/** glibc's rand()/srand(): random_r's TYPE_3 generator, r[i] = r[i-3] + r[i-31], output >> 1. */
export class GlibcRandom {
  private readonly state = new Int32Array(31);
  private front = 3;
  private rear = 0;

  constructor(seed = 1) {
    this.seed(seed);
  }

  /** srandom_r: a Park–Miller sequence fills the state, then 310 outputs are discarded. */
  seed(seed: number): void {
    seed = seed >>> 0;
    if (seed === 0) seed = 1;
    const s = this.state;
    let word = seed | 0;
    s[0] = word;
    for (let i = 1; i < 31; i++) {
      // 16807 * word % 2147483647 without overflowing 31 bits
      const hi = Math.trunc(word / 127773);
      const lo = word % 127773;
      word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      s[i] = word;
    }
    this.front = 3;
    this.rear = 0;
    for (let i = 0; i < 310; i++) this.next();
  }

  /** random_r: 31 random bits. */
  next(): number {
    const s = this.state;
    const v = (s[this.front] + s[this.rear]) | 0;
    s[this.front] = v;
    if (++this.front >= 31) this.front = 0;
    if (++this.rear >= 31) this.rear = 0;
    return v >>> 1;
  }
}

/** Redis's redisLrand48/redisSrand48: the 48-bit LCG of lrand48, kept in three 16-bit limbs. */
export class RedisRand48 {
  private x0 = 0x330e;
  private x1 = 0xabcd;
  private x2 = 0x1234;

  /** redisSrand48 */
  seed(seed: number): void {
    this.x0 = 0x330e;
    this.x1 = seed & 0xffff;
    this.x2 = (seed >>> 16) & 0xffff;
  }

  /** redisLrand48: X = (0x5DEECE66D·X + 0xB) mod 2^48, then its top 31 bits. */
  next(): number {
    const p0 = 0xe66d * this.x0 + 0xb;
    const p1 = 0xe66d * this.x1 + 0xdeec * this.x0 + Math.floor(p0 / 65536);
    const p2 = 0xe66d * this.x2 + 0xdeec * this.x1 + 0x5 * this.x0 + Math.floor(p1 / 65536);
    this.x0 = p0 % 65536;
    this.x1 = p1 % 65536;
    this.x2 = p2 % 65536;
    return this.x2 * 32768 + (this.x1 >>> 1);
  }
}

/** The one generator every Redis script (EVAL and FCALL alike) draws from, as in redis-server. */
export const redisRandom = new RedisRand48();

interface RandomSource {
  next(): number;
  seed(seed: number): void;
}

export interface MathLibOptions {
  /** Redis's math.random (redisLrand48) instead of lua5.1's (glibc rand) */
  redis?: boolean;
  /** the generator to use (defaults: a fresh glibc state, or the shared Redis one) */
  random?: RandomSource;
}

// ---- exact C functions JS lacks --------------------------------------------------------------

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** C's frexp: x = m·2^e with 0.5 <= |m| < 1 (0, inf and NaN come back with e = 0). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  f64[0] = x;
  let e = (u32[1] >>> 20) & 0x7ff;
  let bias = 1022;
  if (e === 0) {
    // subnormal: scale into the normal range first
    f64[0] = x * 2 ** 64;
    e = (u32[1] >>> 20) & 0x7ff;
    bias += 64;
  }
  u32[1] = (u32[1] & 0x800fffff) | (1022 << 20);
  return [f64[0], e - bias];
}

/** C's ldexp (scalbn): x·2^e rounded once, even into the subnormal range. */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (e > 1023) {
    x *= 2 ** 1023;
    e -= 1023;
    if (e > 1023) {
      x *= 2 ** 1023;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    // keep the final step's exponent below -53 so the one rounding happens there
    x *= 2 ** -1022 * 2 ** 53;
    e += 1022 - 53;
    if (e < -1022) {
      x *= 2 ** -1022 * 2 ** 53;
      e += 1022 - 53;
      if (e < -1022) e = -1022;
    }
  }
  return x * 2 ** e;
}

/** C's modf: the integral part and the fractional part, both with x's sign. */
function modf(x: number): [number, number] {
  if (x === Infinity || x === -Infinity) return [x, x > 0 ? 0 : -0];
  const ip = Math.trunc(x);
  let fp = x - ip;
  if (fp === 0) fp = x < 0 || Object.is(x, -0) ? -0 : 0;
  return [ip, fp];
}

/** C's fmod: a NaN operand comes back as is, a zero divisor or infinite dividend gives -nan. */
function fmod(a: number, b: number): number {
  if (a !== a) return a;
  if (b !== b) return b;
  const r = a % b;
  return r !== r ? NEGATIVE_NAN : r;
}

/** glibc's atan2 returns the NaN operand, x's first (x86's `x + y`). */
function atan2(y: number, x: number): number {
  if (x !== x) return x;
  if (y !== y) return y;
  return Math.atan2(y, x);
}

// Double-double arithmetic (Dekker): a value hi + lo with |lo| <= ulp(hi)/2, for powers that
// round once, as glibc's correctly rounded pow does, where V8's Math.pow may be 1 ulp off.
// ---- the library -----------------------------------------------------------------------------

type Fn = (...args: LuaValue[]) => LuaResult;

/** A one-argument function of a number: fname(x). */
function unary(fname: string, f: (x: number) => number): Fn {
  const fn = function (this: unknown, x: LuaValue): LuaResult {
    const n = checkNumber(x, 1, fname, arguments.length);
    return n !== n ? n : f(n); // glibc hands a NaN argument back, sign and all
  };
  Object.defineProperty(fn, "name", { value: fname });
  return fn;
}

/** glibc's log gives a negative NaN for x < 0 (log10 a positive one, like JS). */
function log(x: number): number {
  return x < 0 ? NEGATIVE_NAN : Math.log(x);
}

const RADIANS_PER_DEGREE = Math.PI / 180;

/** makeMathLib(): the `math` table, with lmathlib.c's functions in its registration order. */
export function makeMathLib(options: MathLibOptions = {}): LuaTable {
  const rng: RandomSource = options.random ?? (options.redis ? redisRandom : new GlibcRandom());

  function min(...args: LuaValue[]): LuaResult {
    const n = args.length;
    let dmin = checkNumber(args[0], 1, "min", n);
    for (let i = 2; i <= n; i++) {
      const d = checkNumber(args[i - 1], i, "min", n);
      if (d < dmin) dmin = d;
    }
    return dmin;
  }

  function max(...args: LuaValue[]): LuaResult {
    const n = args.length;
    let dmax = checkNumber(args[0], 1, "max", n);
    for (let i = 2; i <= n; i++) {
      const d = checkNumber(args[i - 1], i, "max", n);
      if (d > dmax) dmax = d;
    }
    return dmax;
  }

  function random(m?: LuaValue, n?: LuaValue): LuaResult {
    // the `%' avoids the (rare) case of r==1; the number is drawn before the arguments are checked
    const r = (rng.next() % RAND_MAX) / RAND_MAX;
    switch (arguments.length) {
      case 0:
        return r;
      case 1: {
        const u = checkInt(m, 1, "random") | 0;
        if (!(1 <= u)) throw argError(1, "random", "interval is empty");
        return Math.floor(r * u) + 1;
      }
      case 2: {
        const l = checkInt(m, 1, "random") | 0;
        const u = checkInt(n, 2, "random") | 0;
        if (!(l <= u)) throw argError(2, "random", "interval is empty");
        return Math.floor(r * ((u - l + 1) | 0)) + l;
      }
      default:
        throw new LuaError("wrong number of arguments", 1);
    }
  }

  function randomseed(seed: LuaValue): LuaResult {
    rng.seed(checkInt(seed, 1, "randomseed", arguments.length) | 0);
    return EMPTY;
  }

  function frexpFn(x: LuaValue): LuaResult {
    return frexp(checkNumber(x, 1, "frexp", arguments.length));
  }

  function ldexpFn(x: LuaValue, e: LuaValue): LuaResult {
    const n = arguments.length;
    // C evaluates ldexp(luaL_checknumber(L, 1), luaL_checkint(L, 2))'s arguments right to left
    const exp = checkInt(e, 2, "ldexp", n) | 0;
    return ldexp(checkNumber(x, 1, "ldexp", n), exp);
  }

  function modfFn(x: LuaValue): LuaResult {
    return modf(checkNumber(x, 1, "modf", arguments.length));
  }

  function binary(fname: string, f: (x: number, y: number) => number): Fn {
    const fn = function (this: unknown, x: LuaValue, y: LuaValue): LuaResult {
      const n = arguments.length;
      // f(luaL_checknumber(L, 1), luaL_checknumber(L, 2)): gcc checks the second one first
      const b = checkNumber(y, 2, fname, n);
      return f(checkNumber(x, 1, fname, n), b);
    };
    Object.defineProperty(fn, "name", { value: fname });
    return fn;
  }

  function abs(x: LuaValue): LuaResult {
    return Math.abs(checkNumber(x, 1, "abs", arguments.length)); // fabs clears a NaN's sign too
  }

  const fmodFn = binary("fmod", fmod);
  // luaL_register's order (and table size hint) decides the table's `pairs` order
  const funcs: [string, Fn][] = [
    ["abs", abs],
    ["acos", unary("acos", Math.acos)],
    ["asin", unary("asin", Math.asin)],
    ["atan2", binary("atan2", atan2)],
    ["atan", unary("atan", Math.atan)],
    ["ceil", unary("ceil", Math.ceil)],
    ["cosh", unary("cosh", Math.cosh)],
    ["cos", unary("cos", Math.cos)],
    ["deg", unary("deg", (x) => x / RADIANS_PER_DEGREE)],
    ["exp", unary("exp", Math.exp)],
    ["floor", unary("floor", Math.floor)],
    ["fmod", fmodFn],
    ["frexp", frexpFn],
    ["ldexp", ldexpFn],
    ["log10", unary("log10", Math.log10)],
    ["log", unary("log", log)],
    ["max", max],
    ["min", min],
    ["modf", modfFn],
    ["pow", binary("pow", cPow)],
    ["rad", unary("rad", (x) => x * RADIANS_PER_DEGREE)],
    ["random", random],
    ["randomseed", randomseed],
    ["sinh", unary("sinh", Math.sinh)],
    ["sin", unary("sin", Math.sin)],
    ["sqrt", unary("sqrt", Math.sqrt)],
    ["tanh", unary("tanh", Math.tanh)],
    ["tan", unary("tan", Math.tan)],
  ];
  const M = LuaTable.create(0, funcs.length);
  for (const [name, fn] of funcs) M.setStr(name, fn);
  M.setStr("pi", Math.PI);
  M.setStr("huge", Infinity);
  M.setStr("mod", fmodFn); // LUA_COMPAT_MOD: lua5.1 and Redis both have it
  return M;
}
