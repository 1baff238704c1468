import { selectRanks } from "./order-statistics.ts";

/** The percentiles every summary reports (fan-chart bands). */
export const PERCENTILES = [5, 25, 50, 75, 95] as const;

/**
 * The p-th percentile (0–100) of ascending-sorted values, by linear interpolation between
 * order statistics (Hyndman & Fan type 7, the default of R, NumPy and d3.quantileSorted).
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = ((n - 1) * p) / 100;
  const i = Math.floor(h);
  const lo = sorted[i]!;
  return i + 1 < n ? lo + (h - i) * (sorted[i + 1]! - lo) : lo;
}

/** The ranks `percentileSorted(sorted, p)` reads (of n values, n ≥ 1): ⌊h⌋ and the next, if any. */
export function percentileRanks(n: number, p: number): number[] {
  const i = Math.floor(((n - 1) * p) / 100);
  return i + 1 < n ? [i, i + 1] : [i];
}

/** Summary statistics of one series of draws. */
export interface Stats {
  readonly mean: number;
  readonly min: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * Mean and percentiles of `values` (a view; it is reordered in place). The mean is taken as
 * x₀ + Σ(xᵢ − x₀)/n, so identical draws give x₀ exactly (no rounding error from a large sum).
 * `round` rounds every statistic (e.g. to whole pence). Only the ranks the statistics read are
 * put in place (`selectRanks`), each exactly where a sort would put it, so the statistics are
 * those of the sorted values.
 */
export function describe(values: Float64Array, round: (x: number) => number = (x) => x): Stats {
  const n = values.length;
  const x0 = values[0] ?? Number.NaN;
  let delta = 0;
  for (let i = 0; i < n; i++) delta += values[i]! - x0;
  const mean = x0 + delta / n;
  if (n > 0) selectRanks(values, [0, n - 1, ...PERCENTILES.flatMap((p) => percentileRanks(n, p))]);
  const at = (p: number) => round(percentileSorted(values, p));
  return {
    mean: round(mean),
    min: round(values[0] ?? Number.NaN),
    p5: at(5),
    p25: at(25),
    p50: at(50),
    p75: at(75),
    p95: at(95),
    max: round(values[n - 1] ?? Number.NaN),
  };
}
