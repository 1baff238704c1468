/**
 * Order statistics without a full sort: a Monte Carlo summary needs about a dozen ranks (min,
 * max and the two neighbours of each percentile) of each of ~140 series of 10,000 draws, and
 * sorting them all was a tenth of a run, done on one thread after the workers finish
 * (issue #6). Selection finds those ranks in linear time on average.
 */

/** Below this many values a range is finished by insertion sort. */
const SMALL = 16;

/**
 * Permute `values` so that for every rank r in `ranks` (whole numbers in [0, length)),
 * `values[r]` is exactly what `values.sort()` would put there (the r-th smallest, −0 before 0,
 * NaN last). Other positions hold the remaining values in no particular order.
 *
 * Quickselect with three-way partitioning (many equal values, such as counts of loss-making
 * CRCs, cost nothing extra) around a median of three, recursing only into the parts that hold
 * a wanted rank; a range that partitions badly too often is sorted instead, so the worst case is
 * O(n log n). Values that `<` cannot order as `sort()` does (NaN, −0) send the whole array to
 * `sort()`.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // NaN, or −0 (which `<` does not put before 0): sort, as the caller would have.
    if (v !== v || (v === 0 && 1 / v < 0)) {
      values.sort();
      return;
    }
    min = v < min ? v : min;
    max = v > max ? v : max;
  }
  for (const r of ranks)
    if (!Number.isInteger(r) || r < 0 || r >= n)
      throw new RangeError(`rank ${r} is not a whole number in [0, ${n})`);
  const wanted = Int32Array.from(new Set(ranks)).sort();
  if (min === max) return; // all equal: every order is sorted
  const span = max - min;
  if (n >= BUCKETS_FROM && span < Infinity && bucketCount(n) / span < Infinity) {
    selectByBuckets(values, wanted, min, max);
    return;
  }
  select(values, 0, n - 1, wanted, 0, wanted.length, 2 * Math.ceil(Math.log2(n + 1)) + 8);
}

/**
 * From this many values on, ranks are placed by buckets (`selectByBuckets`), about four values
 * a bucket, where the values' span is finite and wide enough to divide (not a few subnormals).
 */
const BUCKETS_FROM = 256;
function bucketCount(n: number): number {
  return Math.min(4096, n >>> 2);
}

/** Scratch for `selectByBuckets`, grown as needed (a summary places ~140 series in a row). */
let bucketScratch = { counts: new Int32Array(0), values: new Float64Array(0) };

/**
 * `selectRanks` for values in [min, max] (min < max, a span buckets can divide): each value goes to one of
 * about n/4 buckets of equal width, in bucket order (three passes: count, place, copy back),
 * and only the buckets holding a wanted rank are sorted. A value's bucket,
 * ⌊(v − min) × buckets / (max − min)⌋, never decreases as v grows (each float operation rounds
 * monotonically), so every value of a bucket is at or below every value of the next, and a
 * rank's value is the one a sort of its bucket puts there. On 10,000 draws, three passes with
 * no swaps where quickselect's partitions swap their way through several (bench/NOTES.md).
 */
function selectByBuckets(a: Float64Array, wanted: Int32Array, min: number, max: number): void {
  const n = a.length;
  const buckets = bucketCount(n);
  const scale = buckets / (max - min);
  if (bucketScratch.counts.length < buckets + 1 || bucketScratch.values.length < n)
    bucketScratch = {
      counts: new Int32Array(Math.max(buckets + 1, bucketScratch.counts.length)),
      values: new Float64Array(Math.max(n, bucketScratch.values.length)),
    };
  const { counts, values: placed } = bucketScratch;
  counts.fill(0, 0, buckets + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.min(buckets - 1, Math.floor((a[i]! - min) * scale));
    counts[b + 1]!++;
  }
  // counts[b] becomes where bucket b starts.
  for (let b = 1; b <= buckets; b++) counts[b] = counts[b]! + counts[b - 1]!;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    const b = Math.min(buckets - 1, Math.floor((v - min) * scale));
    placed[counts[b]!++] = v;
  }
  // counts[b] is now where bucket b ends and bucket b + 1 starts.
  a.set(placed.subarray(0, n));
  let sortedTo = 0;
  for (let k = 0, b = 0; k < wanted.length; k++) {
    const r = wanted[k]!;
    if (r < sortedTo) continue;
    while (counts[b]! <= r) b++;
    const start = b === 0 ? 0 : counts[b - 1]!;
    a.subarray(start, counts[b]!).sort();
    sortedTo = counts[b]!;
  }
}

/**
 * Place ranks wanted[from..to) (ascending, all within [lo, hi]) of values[lo..hi]. `budget` is
 * how many more partitions this range may take before it is sorted.
 */
function select(
  a: Float64Array,
  lo: number,
  hi: number,
  wanted: Int32Array,
  from: number,
  to: number,
  budget: number,
): void {
  while (from < to) {
    if (hi - lo < SMALL) {
      insertionSort(a, lo, hi);
      return;
    }
    if (budget-- <= 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const pivot = medianOfThree(a[lo]!, a[(lo + hi) >>> 1]!, a[hi]!);
    // [lo, lt) < pivot, [lt, gt] = pivot (placed), (gt, hi] > pivot: two passes with no branch
    // on the values (on random draws each comparison's branch is a coin toss that the processor
    // mispredicts half the time); the second only if a wanted rank lies at or above lt.
    const lt = moveBelow(a, lo, hi, pivot);
    let below = from;
    while (below < to && wanted[below]! < lt) below++;
    if (below === to) {
      hi = lt - 1;
      continue;
    }
    const gt = moveEqual(a, lt, hi, pivot) - 1;
    let above = below;
    while (above < to && wanted[above]! <= gt) above++;
    // Recurse into the part with fewer values, loop on the other (stack depth O(log n)).
    if (lt - lo < hi - gt) {
      select(a, lo, lt - 1, wanted, from, below, budget);
      lo = gt + 1;
      from = above;
    } else {
      select(a, gt + 1, hi, wanted, above, to, budget);
      hi = lt - 1;
      to = below;
    }
  }
}

/**
 * Lomuto's partition without a branch on the values: values[lo..hi] below `pivot` moved to the
 * front, in [lo, returned); the rest (≥ pivot) after them.
 */
function moveBelow(a: Float64Array, lo: number, hi: number, pivot: number): number {
  let j = lo;
  for (let i = lo; i <= hi; i++) {
    const v = a[i]!;
    a[i] = a[j]!;
    a[j] = v;
    j += +(v < pivot);
  }
  return j;
}

/** `moveBelow` for values[lo..hi], all ≥ pivot: those equal to it to the front. */
function moveEqual(a: Float64Array, lo: number, hi: number, pivot: number): number {
  let j = lo;
  for (let i = lo; i <= hi; i++) {
    const v = a[i]!;
    a[i] = a[j]!;
    a[j] = v;
    j += +(v === pivot);
  }
  return j;
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}
