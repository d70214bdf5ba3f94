// Per-command latency histograms for INFO latencystats (Redis 7.0's `latency-tracking`): an HDR
// histogram as Redis configures its bundled hdr_histogram — values in nanoseconds from 1 to
// 10^9 (durations past it count as 10^9), two significant digits — so that a percentile comes
// out as Redis prints it: the highest value equivalent to the bucket the percentile falls in
// (a command taking 3 µs shows as p50=3.007).
//
// Layout with two significant digits: 256 sub-buckets (the first power of two ≥ 2·10^2), of
// which bucket 0 uses all and every later bucket b the upper 128, each covering 2^b ns; 23
// buckets reach past 10^9, so 24 × 128 counts.

const MIN_VALUE = 1;
const MAX_VALUE = 1_000_000_000;
const SUB_BUCKET_HALF_MAGNITUDE = 7;
const SUB_BUCKET_HALF = 1 << SUB_BUCKET_HALF_MAGNITUDE;
const BUCKETS = 23;
const COUNTS = (BUCKETS + 1) * SUB_BUCKET_HALF;

/** The bucket of a value: 0 below 256, then one more for each doubling. */
function bucketOf(v: number): number {
  return 31 - Math.clz32(v | 0xff) - SUB_BUCKET_HALF_MAGNITUDE;
}

/** The counts index of a value (hdr's counts_index_for). */
export function countsIndex(v: number): number {
  const b = bucketOf(v);
  return ((b + 1) << SUB_BUCKET_HALF_MAGNITUDE) + (v >>> b) - SUB_BUCKET_HALF;
}

/** The highest value that falls in the same count as the index's (hdr's highest_equivalent_value). */
export function highestEquivalent(index: number): number {
  let b = (index >> SUB_BUCKET_HALF_MAGNITUDE) - 1;
  let sub = (index & (SUB_BUCKET_HALF - 1)) + SUB_BUCKET_HALF;
  if (b < 0) {
    sub -= SUB_BUCKET_HALF;
    b = 0;
  }
  return sub * 2 ** b + 2 ** b - 1;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(COUNTS);
  total = 0;

  /** Records a duration given in microseconds. */
  record(us: number): void {
    let ns = Math.round(us * 1000);
    if (ns < MIN_VALUE) ns = MIN_VALUE;
    else if (ns > MAX_VALUE) ns = MAX_VALUE;
    this.counts[countsIndex(ns)]++;
    this.total++;
  }

  /** hdr_value_at_percentile, in nanoseconds. */
  valueAt(percentile: number): number {
    const p = percentile < 100 ? percentile : 100;
    const want = Math.max(1, Math.floor((p / 100) * this.total + 0.5));
    let seen = 0;
    for (let i = 0; i < COUNTS; i++) {
      seen += this.counts[i];
      if (seen >= want) return highestEquivalent(i);
    }
    return 0;
  }
}
