import { HELD_AT_FIT } from "../uncertainty/posterior-prior.ts";
import { scaledResidual } from "./fit.ts";
import type { TargetDraws } from "./simulate-targets.ts";
import type { Target } from "./targets.ts";

/**
 * The posterior by importance sampling (issue #14): prior draws weighted by how well they
 * reproduce the published figures. Each target's likelihood is a normal on its residual scaled
 * by its tolerance (`scaledResidual`: the tolerance is one standard deviation; a range or a
 * bound is flat inside and normal outside), the targets independent:
 * log w = −½ Σ r². Targets that fit a parameter held at its fit (the PbR prices) are not in
 * the likelihood: their tolerance is the rounding of an exact solve, not an uncertainty about
 * the figure, and with the prices held they are checks.
 */

/** Below this effective sample size a posterior is not summarised (its intervals would rest on a handful of draws). */
export const MIN_EFFECTIVE_SAMPLE = 200;

/** Targets a posterior weighs draws by, of those given (all of them, a vintage, all but one). */
export function likelihoodTargets(targets: readonly Target[]): Target[] {
  return targets.filter((t) => !t.fits.some((id) => HELD_AT_FIT.includes(id)));
}

/**
 * Each target's term −(−½ r²), that is ½ r², draw by draw, made once per run of draws: a
 * posterior weighs the same draws by many sets of targets (all, each alone, vintages, all but
 * one).
 */
const HALF_SQUARES = new WeakMap<Float64Array, Map<Target, Float64Array>>();

function halfSquares(draws: TargetDraws, target: Target, i: number): Float64Array {
  let byTarget = HALF_SQUARES.get(draws.values);
  if (byTarget === undefined) HALF_SQUARES.set(draws.values, (byTarget = new Map()));
  let out = byTarget.get(target);
  if (out === undefined) {
    const count = draws.to - draws.from;
    const values = draws.values.subarray(i * count, (i + 1) * count);
    out = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const r = scaledResidual(target, values[k]!);
      out[k] = 0.5 * r * r;
    }
    byTarget.set(target, out);
  }
  return out;
}

/** Log-likelihood of each draw under `using` (indices into the simulated targets). */
export function logLikelihoods(
  draws: TargetDraws,
  targets: readonly Target[],
  using: readonly number[],
): Float64Array {
  const count = draws.to - draws.from;
  const out = new Float64Array(count);
  for (const i of using) {
    const terms = halfSquares(draws, targets[i]!, i);
    for (let k = 0; k < count; k++) out[k] = out[k]! - terms[k]!;
  }
  return out;
}

/** Normalised weights from log-likelihoods (largest subtracted first, so no underflow to all-zero). */
export function normalisedWeights(logL: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logL) if (l > max) max = l;
  const w = new Float64Array(logL.length);
  let sum = 0;
  for (let k = 0; k < logL.length; k++) {
    w[k] = Math.exp(logL[k]! - max);
    sum += w[k]!;
  }
  for (let k = 0; k < w.length; k++) w[k] = w[k]! / sum;
  return w;
}

/** Kish's effective sample size, (Σw)² / Σw², of normalised weights. */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let k = 0; k < weights.length; k++) {
    s += weights[k]!;
    s2 += weights[k]! * weights[k]!;
  }
  return s2 === 0 ? 0 : (s * s) / s2;
}

/** An interval of a weighted sample: 5th, 50th and 95th percentiles. */
export interface Interval {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/**
 * Weighted percentiles (the value where the cumulative weight of the sorted sample first
 * reaches p); with equal weights, the lower empirical quantile.
 */
export function weightedInterval(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  order?: Uint32Array,
  /** The weights' sum, when the caller has it (`sumOf(weights)`). */
  weightSum?: number,
): Interval {
  const n = values.length;
  const idx = order ?? sortOrder(values);
  const total = weights === null ? n : (weightSum ?? sumOf(weights));
  // One pass for the three: the cumulative weight first reaching 5%, 50%, 95% of the total.
  const ps = [0.05, 0.5, 0.95] as const;
  const found: number[] = [];
  let acc = 0;
  for (let j = 0; j < n && found.length < ps.length; j++) {
    const k = idx[j]!;
    acc += weights === null ? 1 : weights[k]!;
    while (found.length < ps.length && acc >= ps[found.length]! * total) found.push(values[k]!);
  }
  while (found.length < ps.length) found.push(values[idx[n - 1]!]!);
  return { p5: found[0]!, p50: found[1]!, p95: found[2]! };
}

/**
 * The draws' indices ordered by value, ties (and −0 with 0) in index order: a stable radix sort
 * on the values' bits (a comparison sort took most of a posterior's summary), or a comparison
 * sort for values with NaN.
 */
export function sortOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const idx = new Uint32Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  for (let k = 0; k < n; k++)
    if (values[k] !== values[k]) return idx.sort((a, b) => values[a]! - values[b]! || a - b);
  // Keys: the float's bits made to order as unsigned integers (sign bit flipped for
  // non-negatives, every bit flipped for negatives), 16 bits at a time.
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    bits[0] = values[k]! === 0 ? 0 : values[k]!;
    const negative = words[1]! >>> 31 === 1;
    lo[k] = negative ? ~words[0]! >>> 0 : words[0]!;
    hi[k] = negative ? ~words[1]! >>> 0 : (words[1]! | 0x80000000) >>> 0;
  }
  let from = idx;
  let to = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const [keys, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ] as const) {
    counts.fill(0);
    for (let j = 0; j < n; j++) counts[((keys[from[j]!]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d <= 65536; d++) counts[d] = counts[d]! + counts[d - 1]!;
    for (let j = 0; j < n; j++) {
      const k = from[j]!;
      to[counts[(keys[k]! >>> shift) & 0xffff]!++] = k;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** The sum of xs, in order. */
export function sumOf(xs: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < xs.length; k++) s += xs[k]!;
  return s;
}

/** The values of series `i` (a target or a parameter) in a run of draws. */
export const series = (all: Float64Array, i: number, count: number) =>
  all.subarray(i * count, (i + 1) * count);
