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

/** Log-likelihood of each draw under `using` (indices into the simulated targets). */
export function logLikelihoods(
  draws: TargetDraws,
  targets: readonly Target[],
  using: readonly number[],
): Float64Array {
  const count = draws.to - draws.from;
  const out = new Float64Array(count);
  for (const i of using) {
    const target = targets[i]!;
    const values = draws.values.subarray(i * count, (i + 1) * count);
    for (let k = 0; k < count; k++) {
      const r = scaledResidual(target, values[k]!);
      out[k] = out[k]! - 0.5 * r * r;
    }
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
): Interval {
  const n = values.length;
  const idx = order ?? sortOrder(values);
  const total = weights === null ? n : sumOf(weights);
  const at = (p: number) => {
    let acc = 0;
    for (let j = 0; j < n; j++) {
      const k = idx[j]!;
      acc += weights === null ? 1 : weights[k]!;
      if (acc >= p * total) return values[k]!;
    }
    return values[idx[n - 1]!]!;
  };
  return { p5: at(0.05), p50: at(0.5), p95: at(0.95) };
}

export function sortOrder(values: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(values.length);
  for (let k = 0; k < idx.length; k++) idx[k] = k;
  return idx.sort((a, b) => values[a]! - values[b]! || a - b);
}

function sumOf(xs: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < xs.length; k++) s += xs[k]!;
  return s;
}

/** The values of series `i` (a target or a parameter) in a run of draws. */
export const series = (all: Float64Array, i: number, count: number) =>
  all.subarray(i * count, (i + 1) * count);
