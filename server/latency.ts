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

/** The lowest value a count index holds (hdr's value_from_index). */
function lowestOf(index: number): number {
  if (index < 2 * SUB_BUCKET_HALF) return index;
  const b = (index >> SUB_BUCKET_HALF_MAGNITUDE) - 1;
  return ((index & (SUB_BUCKET_HALF - 1)) + SUB_BUCKET_HALF) * 2 ** b;
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

  /**
   * LATENCY HISTOGRAM's distribution (fillCommandCDF): hdr's logarithmic iteration from 1024
   * ns, doubling — at the first count whose value reaches each level, that count's highest
   * value in whole microseconds and the number of samples up to it, where that number grew.
   */
  cumulative(): [number, number][] {
    const out: [number, number][] = [];
    let level = 1024;
    let seen = 0;
    let reported = 0;
    for (let i = 0; i < COUNTS; i++) {
      seen += this.counts[i];
      if (lowestOf(i) < level) continue;
      if (seen > reported) out.push([Math.floor(highestEquivalent(i) / 1000), seen]);
      reported = seen;
      level *= 2;
      if (seen === this.total) break;
    }
    return out;
  }
}

/** Samples a latency event keeps (LATENCY_TS_LEN). */
const SERIES_LENGTH = 160;

/** One event's time series: a ring of (second, ms) samples, one per second at most. */
interface Series {
  times: number[];
  latencies: number[];
  /** Where the next sample goes. */
  idx: number;
  max: number;
}

/**
 * The latency monitor (Redis's latency.c): with `latency-monitor-threshold` N ms (0: off),
 * every command that took N ms or more adds a sample to the "command" event ("fast-command"
 * for CMD_FAST ones), as do a served blocked command's serve ("command-unblocking") and an
 * active expiry cycle ("expire-cycle"). LATENCY LATEST / HISTORY / RESET read it.
 */
export class LatencyMonitor {
  /** latency-monitor-threshold in ms; 0: off. */
  threshold = 0;
  private readonly events = new Map<string, Series>();

  /** latencyAddSampleIfNeeded. */
  sample(event: string, ms: number): void {
    if (this.threshold !== 0 && ms >= this.threshold) this.add(event, Math.floor(ms));
  }

  private add(event: string, ms: number): void {
    let s = this.events.get(event);
    if (s === undefined) {
      s = {
        times: new Array<number>(SERIES_LENGTH).fill(0),
        latencies: new Array<number>(SERIES_LENGTH).fill(0),
        idx: 0,
        max: 0,
      };
      this.events.set(event, s);
    }
    if (ms > s.max) s.max = ms;
    const now = Math.floor(Date.now() / 1000);
    // a second sample in the same second keeps the higher of the two
    const prev = (s.idx + SERIES_LENGTH - 1) % SERIES_LENGTH;
    if (s.times[prev] === now) {
      if (ms > s.latencies[prev]) s.latencies[prev] = ms;
      return;
    }
    s.times[s.idx] = now;
    s.latencies[s.idx] = ms;
    s.idx = (s.idx + 1) % SERIES_LENGTH;
  }

  get eventCount(): number {
    return this.events.size;
  }

  /** LATENCY LATEST: per event, its name, the last sample's time and latency, and the highest. */
  latest(): [string, number, number, number][] {
    const out: [string, number, number, number][] = [];
    for (const [name, s] of this.events) {
      const last = (s.idx + SERIES_LENGTH - 1) % SERIES_LENGTH;
      out.push([name, s.times[last], s.latencies[last], s.max]);
    }
    return out;
  }

  /** LATENCY HISTORY: the event's samples, oldest first, as [time, ms]. */
  history(event: string): [number, number][] {
    const s = this.events.get(event);
    const out: [number, number][] = [];
    if (s === undefined) return out;
    for (let j = 0; j < SERIES_LENGTH; j++) {
      const i = (s.idx + j) % SERIES_LENGTH;
      if (s.times[i] !== 0) out.push([s.times[i], s.latencies[i]]);
    }
    return out;
  }

  /** LATENCY RESET: forgets one event (or all, undefined); how many it forgot. */
  reset(event?: string): number {
    if (event !== undefined) return this.events.delete(event) ? 1 : 0;
    const n = this.events.size;
    this.events.clear();
    return n;
  }
}
