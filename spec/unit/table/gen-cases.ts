// Generates the table operation lists in spec/unit/table/cases/*.ops from fixed seeds:
// insertions of strings (short, long, latin1), integers (sequential, reversed, sparse, negative),
// floats, infinities and booleans, deletions, re-insertions, traversal with deletion, `#t+1`
// growth, and constructors. Run: `node dist/spec/unit/table/gen-cases.js` (then record.js).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** mulberry32: a small seeded generator, so the cases are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  readonly lines: string[] = [];
  /** keys inserted so far (words), live or deleted */
  readonly keys: string[] = [];
  private n = 0;
  constructor(readonly r: () => number) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  value(): number {
    return ++this.n;
  }

  str(minLen: number, maxLen: number, latin1 = false): string {
    const len = this.int(minLen, maxLen);
    const alpha = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    let h = "";
    for (let i = 0; i < len; i++) {
      const c =
        latin1 && this.chance(0.3) ? this.int(1, 255) : alpha.charCodeAt(this.int(0, alpha.length - 1));
      h += c.toString(16).padStart(2, "0");
    }
    return "s" + h;
  }
  shortStr(): string {
    return this.chance(0.1) ? this.str(0, 6, true) : this.str(1, this.pick([2, 4, 8, 16]));
  }
  longStr(): string {
    return this.str(28, this.pick([40, 64, 100, 200]), this.chance(0.2));
  }
  num(): string {
    switch (this.int(0, 9)) {
      case 0:
        return "n" + this.int(1, 16);
      case 1:
        return "n" + this.int(1, 200);
      case 2:
        return "n" + -this.int(0, 100);
      case 3:
        return "n" + (this.int(-20, 40) + this.pick([0.5, 0.25, 0.1, 0.75, 1e-3]));
      case 4:
        return "n" + 2 ** this.int(20, 70) * this.pick([1, -1, 3]);
      case 5:
        return "n" + this.pick(["1e300", "-1e300", "5e-324", "1e-300", "1e15", "1e16", "123456789012"]);
      case 6:
        return "n" + this.r() * 10 ** this.int(-5, 12);
      case 7:
        return this.pick(["ninf", "n-inf", "n0", "n-0", "n2147483647", "n2147483648", "n-2147483648"]);
      case 8:
        return "n" + this.int(60, 70) * 2 ** this.int(0, 3);
      default:
        return "n" + 2 ** this.int(0, 27);
    }
  }
  bool(): string {
    return this.chance(0.5) ? "btrue" : "bfalse";
  }
  anyKey(): string {
    const x = this.r();
    if (x < 0.45) return this.shortStr();
    if (x < 0.55) return this.longStr();
    if (x < 0.95) return this.num();
    return this.bool();
  }

  op(s: string): void {
    this.lines.push(s);
  }
  set(k: string, v: number | "nil" = this.value()): void {
    this.keys.push(k);
    this.op(`set ${k} ${v}`);
  }
  del(k: string): void {
    this.op(`del ${k}`);
  }
  someKey(): string {
    return this.keys.length === 0 ? this.anyKey() : this.pick(this.keys);
  }
  check(): void {
    this.op("pairs");
    this.op("len");
  }
}

type Case = (g: Gen) => void;

const kinds: Record<string, { count: number; make: Case }> = {
  str: {
    count: 40,
    make(g) {
      const n = g.pick([1, 2, 3, 5, 8, 9, 16, 17, 30, 33, 64, 100, 257]);
      for (let i = 0; i < n; i++) {
        g.set(g.shortStr());
        if (g.chance(4 / n)) g.op("pairs");
      }
      g.check();
      for (let i = 0; i < 3; i++) g.op(`get ${g.someKey()}`);
    },
  },
  longstr: {
    count: 20,
    make(g) {
      const n = g.pick([4, 7, 12, 20, 40, 80]);
      for (let i = 0; i < n; i++) g.set(g.chance(0.8) ? g.longStr() : g.shortStr());
      g.check();
      for (let i = 0; i < n / 3; i++) g.del(g.someKey());
      g.op("pairs");
      for (let i = 0; i < n / 3; i++) g.set(g.longStr());
      g.op("pairs");
    },
  },
  int: {
    count: 40,
    make(g) {
      const n = g.pick([1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 100, 130, 300]);
      const order = [...Array(n).keys()].map((i) => i + 1);
      const pattern = g.int(0, 5);
      if (pattern === 1) order.reverse();
      if (pattern === 2 || pattern === 5) {
        for (let i = order.length - 1; i > 0; i--) {
          const j = g.int(0, i);
          [order[i], order[j]] = [order[j], order[i]];
        }
      }
      for (let i = 0; i < n; i++) {
        let k = order[i];
        if (pattern === 3) k = g.int(1, 4 * n);
        if (pattern === 4) k = g.int(-n, 2 * n);
        if (pattern === 5 && g.chance(0.3)) k = k * g.int(2, 5);
        g.set("n" + k);
        if (g.chance(3 / n)) g.check();
      }
      g.check();
      for (let i = 0; i < Math.min(n, 10); i++) {
        g.del(g.someKey());
        if (g.chance(0.5)) g.op("len");
      }
      g.check();
      for (let i = 0; i < 5; i++) g.op("append " + g.value());
      g.check();
    },
  },
  mixed: {
    count: 50,
    make(g) {
      const n = g.pick([3, 6, 10, 20, 40, 70, 120]);
      for (let i = 0; i < n; i++) {
        const x = g.r();
        if (x < 0.75) g.set(g.anyKey());
        else if (x < 0.85) g.del(g.someKey());
        else if (x < 0.9) g.set(g.someKey());
        else if (x < 0.95) g.op("append " + g.value());
        else g.op(`get ${g.someKey()}`);
        if (g.chance(2 / n)) g.check();
      }
      g.check();
    },
  },
  del: {
    count: 30,
    make(g) {
      const n = g.pick([4, 8, 16, 25, 50]);
      for (let i = 0; i < n; i++) g.set(g.anyKey());
      g.check();
      const dead: string[] = [];
      for (let i = 0; i < n / 2; i++) {
        const k = g.someKey();
        dead.push(k);
        g.del(k);
      }
      g.check();
      for (const k of dead.slice(0, 3)) g.op(`next ${k}`);
      g.op(`next ${g.anyKey()}`);
      for (let i = 0; i < n / 4; i++) g.set(g.pick(dead));
      g.check();
      for (let i = 0; i < n / 2; i++) g.set(g.anyKey());
      g.check();
      for (const k of dead.slice(0, 3)) g.op(`next ${k}`);
    },
  },
  iterdel: {
    count: 20,
    make(g) {
      const n = g.pick([5, 10, 20, 40, 80]);
      for (let i = 0; i < n; i++) g.set(g.chance(0.5) ? g.anyKey() : "n" + g.int(1, n));
      g.op("pairs");
      g.op(`iterdel ${g.int(1, 3)}`);
      g.check();
      for (let i = 0; i < n / 2; i++) g.set(g.anyKey());
      g.op(`iterdel ${g.int(2, 4)}`);
      g.check();
    },
  },
  append: {
    count: 20,
    make(g) {
      const n = g.pick([5, 17, 40, 100, 260]);
      for (let i = 0; i < n; i++) {
        g.op("append " + g.value());
        if (g.chance(0.08)) g.del("n" + g.int(1, i + 1));
        if (g.chance(0.05)) g.set(g.shortStr());
        if (g.chance(0.1)) g.op("len");
      }
      g.check();
      for (let i = 0; i < 5; i++) {
        g.del("n" + g.int(1, n));
        g.op("len");
      }
      g.check();
    },
  },
  ctor: {
    count: 40,
    make(g) {
      const items: string[] = [];
      const nlist = g.pick([0, 1, 2, 3, 5, 9, 17, 49, 50, 51, 60, 120]);
      const nrec = g.pick([0, 1, 2, 3, 5, 9, 17, 40]);
      let l = 0;
      let r = 0;
      while (l < nlist || r < nrec) {
        if (l < nlist && (r >= nrec || g.chance(0.6))) {
          items.push(g.chance(0.15) ? "Lnil" : "L" + g.value());
          l++;
        } else {
          let k = g.anyKey();
          if (k === "n-0") k = "n0";
          if (g.chance(0.2)) k = "n" + g.int(1, nlist + 3);
          items.push(`R${k}=${g.chance(0.1) ? "nil" : g.value()}`);
          r++;
        }
      }
      if (g.chance(0.4)) items.push("M" + g.pick([0, 1, 2, 5, 16, 70]));
      g.op("ctor " + items.join(" "));
      g.check();
      const more = g.int(0, 20);
      for (let i = 0; i < more; i++) {
        if (g.chance(0.4)) g.op("append " + g.value());
        else if (g.chance(0.5)) g.set(g.anyKey());
        else g.del("n" + g.int(1, nlist + 2));
      }
      g.check();
    },
  },
  nilset: {
    count: 10,
    make(g) {
      const n = g.pick([2, 5, 9, 20]);
      for (let i = 0; i < n; i++) {
        if (g.chance(0.5)) g.set(g.anyKey(), "nil");
        else g.set(g.anyKey());
        if (g.chance(0.3)) g.op("pairs");
      }
      g.check();
    },
  },
};

const dir = fileURLToPath(new URL("../../../../spec/unit/table/cases/", import.meta.url));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let seed = 20240501;
for (const [kind, { count, make }] of Object.entries(kinds)) {
  for (let i = 0; i < count; i++) {
    const g = new Gen(rng(seed++));
    g.op("new");
    make(g);
    const name = `${kind}-${String(i).padStart(2, "0")}.ops`;
    writeFileSync(`${dir}${name}`, g.lines.join("\n") + "\n", "latin1");
  }
}
console.log(`${readdirSync(dir).length} cases in ${dir}`);
