// Redis's partial quicksort (pqsort.c: NetBSD's qsort, Bentley & McIlroy's "Engineering a Sort
// Function", with the recursion skipped for partitions wholly outside the wanted range). SORT
// uses it for BY with LIMIT; it is not stable, so the order of elements that compare equal is
// whatever these exact steps leave, which is why they are mirrored one for one over an array.

type Cmp<T> = (x: T, y: T) => number;

function swap<T>(a: T[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** vecswap: swaps the n elements from i with the n elements from j, first to last. */
function vecswap<T>(a: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(a, i + k, j + k);
}

function med3<T>(a: T[], x: number, y: number, z: number, cmp: Cmp<T>): number {
  return cmp(a[x], a[y]) < 0
    ? cmp(a[y], a[z]) < 0
      ? y
      : cmp(a[x], a[z]) < 0
        ? z
        : x
    : cmp(a[y], a[z]) > 0
      ? y
      : cmp(a[x], a[z]) < 0
        ? x
        : z;
}

/** The insertion sort pqsort.c runs on small or already partitioned runs. */
function insertionSort<T>(a: T[], base: number, n: number, cmp: Cmp<T>): void {
  for (let pm = base + 1; pm < base + n; pm++) {
    for (let pl = pm; pl > base && cmp(a[pl - 1], a[pl]) > 0; pl--) swap(a, pl, pl - 1);
  }
}

/**
 * _pqsort over a[base .. base+n-1]. lrange/rrange are element indexes of the whole array (the C
 * code compares byte pointers: an element range is skipped when both ends lie on one side of it).
 */
function pqsortRun<T>(a: T[], base: number, n: number, cmp: Cmp<T>, lrange: number, rrange: number): void {
  for (;;) {
    let swapped = false;
    if (n < 7) {
      insertionSort(a, base, n, cmp);
      return;
    }
    let pm = base + Math.floor(n / 2);
    if (n > 7) {
      let pl = base;
      let pn = base + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = med3(a, pl, pl + d, pl + 2 * d, cmp);
        pm = med3(a, pm - d, pm, pm + d, cmp);
        pn = med3(a, pn - 2 * d, pn - d, pn, cmp);
      }
      pm = med3(a, pl, pm, pn, cmp);
    }
    swap(a, base, pm);
    let pa = base + 1;
    let pb = pa;
    let pc = base + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(a[pb], a[base])) <= 0) {
        if (r === 0) {
          swapped = true;
          swap(a, pa, pb);
          pa++;
        }
        pb++;
      }
      while (pb <= pc && (r = cmp(a[pc], a[base])) >= 0) {
        if (r === 0) {
          swapped = true;
          swap(a, pc, pd);
          pd--;
        }
        pc--;
      }
      if (pb > pc) break;
      swap(a, pb, pc);
      swapped = true;
      pb++;
      pc--;
    }
    if (!swapped) {
      // Switch to insertion sort
      insertionSort(a, base, n, cmp);
      return;
    }
    const pn = base + n;
    let r = Math.min(pa - base, pb - pa);
    vecswap(a, base, pb - r, r);
    r = Math.min(pd - pc, pn - pd - 1);
    vecswap(a, pb, pn - r, r);
    const outside = (l: number, e: number) => (lrange < l && rrange < l) || (lrange > e && rrange > e);
    if ((r = pb - pa) > 1 && !outside(base, base + r - 1)) pqsortRun(a, base, r, cmp, lrange, rrange);
    if ((r = pd - pc) > 1) {
      // Iterate rather than recurse to save stack space
      base = pn - r;
      n = r;
      if (!outside(base, base + r - 1)) continue;
    }
    return;
  }
}

/**
 * pqsort: sorts `a` enough that positions lrange..rrange (inclusive) hold what a full sort puts
 * there (rrange may be lrange - 1 for an empty range).
 */
export function pqsort<T>(a: T[], cmp: Cmp<T>, lrange: number, rrange: number): void {
  pqsortRun(a, 0, a.length, cmp, lrange, rrange);
}
