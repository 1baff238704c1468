import type { PosteriorSample } from "../data/posterior-sample.ts";
import { createRng } from "../uncertainty/prng.ts";
import {
  HELD_AT_FIT,
  POSTERIOR_REFERENCE,
  SOLVED_EACH_DRAW,
} from "../uncertainty/posterior-prior.ts";
import {
  effectiveSampleSize,
  likelihoodTargets,
  logLikelihoods,
  MIN_EFFECTIVE_SAMPLE,
  normalisedWeights,
  series,
  sortOrder,
  sumOf,
  weightedInterval,
  type Interval,
} from "./posterior.ts";
import type { TargetDraws, TargetSimulation } from "./simulate-targets.ts";
import { toleranceWidth, type Target } from "./targets.ts";

export const POSTERIOR_METHOD =
  "importance sampling: prior draws from the Monte Carlo's own ranges and shapes, each weighted by exp(−½ Σ r²), r = (model − published) / tolerance for every target in the likelihood, then resampled to equal weight (systematic resampling)";

/** How many equal-weight draws are stored (enough for the Monte Carlo's 10,000 default draws to reuse each a few times). */
export const STORED_DRAWS = 4000;

/** Back-test vintages computed by default: before the 2017 crisis was public, and before the NAO's figures. */
export const DEFAULT_VINTAGES = ["2016-09", "2017-06"] as const;

/**
 * A target "informs" a parameter when, alone, it narrows the parameter's 90% interval to this
 * share of the prior's or less. The targets mostly constrain combinations (a cost level against
 * a price level), so single parameters narrow little while the figures they make narrow a lot:
 * compare each prediction's prior and posterior intervals.
 */
export const INFORMED_RATIO = 0.95;

export interface ParameterSummary {
  readonly id: string;
  readonly prior: Interval;
  readonly posterior: Interval;
  /** Posterior 90% interval width over the prior's (1 = the targets say nothing about it). */
  readonly ratio: number;
  /** Targets that alone narrow it to `INFORMED_RATIO` of its prior or less. */
  readonly informedBy: readonly string[];
}

export interface Prediction {
  readonly target: string;
  readonly published: number;
  readonly unit: string;
  /** The model's 5–50–95% under the prior alone (before any figure is used). */
  readonly prior: Interval;
  readonly interval: Interval;
  /** The published value lies in the model's 5–95% interval widened by the target's tolerance. */
  readonly covers: boolean;
  readonly inLikelihood: boolean;
}

export interface Vintage {
  readonly asOf: string;
  readonly targets: readonly string[];
  readonly effectiveSampleSize: number;
  /** Null when the effective sample size is below the minimum: not summarised. */
  readonly predictions: readonly Prediction[] | null;
}

export interface PosteriorReport {
  readonly priorDraws: number;
  readonly effectiveSampleSize: number;
  readonly parameters: readonly ParameterSummary[];
  readonly predictive: readonly Prediction[];
  readonly vintages: readonly Vintage[];
  readonly leaveOneOut: readonly (Prediction & { readonly effectiveSampleSize: number })[];
  /** Targets the likelihood leaves out, and why. */
  readonly notInLikelihood: readonly { readonly target: string; readonly reason: string }[];
}

const width = (i: Interval) => i.p95 - i.p5;

/** Whether a published value is inside a prediction, widened by the target's tolerance. */
export function covers(target: Target, interval: Interval): boolean {
  const w = toleranceWidth(target);
  const t = target.tolerance;
  switch (t.kind) {
    case "at_least":
      return interval.p95 >= target.value;
    case "at_most":
      return interval.p5 <= target.value;
    case "between":
      return interval.p95 >= t.low && interval.p5 <= t.high;
    default:
      return interval.p5 - w <= target.value && target.value <= interval.p95 + w;
  }
}

/** Targets published by the end of month `asOf` ("YYYY-MM"). */
export const publishedBy = (targets: readonly Target[], asOf: string) =>
  targets.filter((t) => t.published.slice(0, 7) <= asOf);

/** Each weights array's sum, made once (a posterior reads each set of weights many times). */
const WEIGHT_SUMS = new WeakMap<Float64Array, number>();
function weightSum(weights: Float64Array): number {
  let sum = WEIGHT_SUMS.get(weights);
  if (sum === undefined) WEIGHT_SUMS.set(weights, (sum = sumOf(weights)));
  return sum;
}

/** Weights from a set of targets (indices into the simulation's targets). */
function weightsFor(sim: TargetSimulation, draws: TargetDraws, using: readonly Target[]) {
  const idx = likelihoodTargets(using).map((t) => sim.targets.indexOf(t));
  const logL = logLikelihoods(draws, sim.targets, idx);
  const weights = normalisedWeights(logL);
  return { logL, weights, ess: effectiveSampleSize(weights), idx };
}

function predict(
  sim: TargetSimulation,
  draws: TargetDraws,
  weights: Float64Array,
  orders: readonly Uint32Array[],
  i: number,
  inLikelihood: boolean,
): Prediction {
  const count = draws.to - draws.from;
  const target = sim.targets[i]!;
  const values = series(draws.values, i, count);
  const interval = weightedInterval(values, weights, orders[i], weightSum(weights));
  return {
    target: target.id,
    published: target.value,
    unit: target.unit,
    prior: weightedInterval(values, null, orders[i]),
    interval,
    covers: covers(target, interval),
    inLikelihood,
  };
}

/** Systematic resampling to `n` equal-weight draws: [index, times] for each draw kept. */
export function resample(weights: Float64Array, n: number, seed: number, stream: number) {
  const u0 = createRng(seed, stream).next() / n;
  const kept: [number, number][] = [];
  let acc = 0;
  let j = 0;
  for (let k = 0; k < weights.length && j < n; k++) {
    acc += weights[k]!;
    let times = 0;
    while (j < n && u0 + j / n < acc) {
      times++;
      j++;
    }
    if (times > 0) kept.push([k, times]);
  }
  // Rounding can leave the last few of n unplaced: they go to the heaviest draw kept.
  if (j < n && kept.length > 0) {
    const heaviest = kept.reduce((a, b) => (weights[b[0]]! > weights[a[0]]! ? b : a));
    heaviest[1] += n - j;
  }
  return kept;
}

/**
 * The posterior from simulated prior draws [0, priorDraws): weights from every target in
 * `inSample` (less those held at their fit), its stored sample and its report: prior vs
 * posterior intervals, which targets pin which parameter, the posterior predictive check of
 * every target, back-tests by vintage (only the targets published by then) and leave one out.
 */
export function buildPosterior(
  sim: TargetSimulation,
  draws: TargetDraws,
  options: {
    readonly seed: number;
    readonly modelVersion: string;
    readonly hash: string;
    readonly vintages?: readonly string[];
  },
  /** The targets weighed by (a back-test's subset); all of them by default. */
  inSample: readonly Target[] = sim.targets,
): PosteriorSample & { readonly report: PosteriorReport } {
  const count = draws.to - draws.from;
  if (draws.from !== 0) throw new RangeError("the posterior is built from draws [0, n)");
  const all = weightsFor(sim, draws, inSample);
  const orders = sim.targets.map((_, i) => sortOrder(series(draws.values, i, count)));
  const parameterOrders = sim.parameterIds.map((_, p) =>
    sortOrder(series(draws.parameters, p, count)),
  );
  const intervalOf = (p: number, w: Float64Array | null) =>
    weightedInterval(
      series(draws.parameters, p, count),
      w,
      parameterOrders[p],
      w === null ? undefined : weightSum(w),
    );

  const singleTarget = all.idx.map((i) => ({
    id: sim.targets[i]!.id,
    weights: weightsFor(sim, draws, [sim.targets[i]!]).weights,
  }));
  const parameters: ParameterSummary[] = sim.parameterIds.map((id, p) => {
    const prior = intervalOf(p, null);
    const posterior = intervalOf(p, all.weights);
    const ratioOf = (i: Interval) => (width(prior) === 0 ? 1 : width(i) / width(prior));
    return {
      id,
      prior,
      posterior,
      ratio: ratioOf(posterior),
      informedBy: singleTarget
        .filter((s) => ratioOf(intervalOf(p, s.weights)) <= INFORMED_RATIO)
        .map((s) => s.id),
    };
  });

  const inLikelihood = new Set(all.idx);
  const predictive = sim.targets.map((_, i) =>
    predict(sim, draws, all.weights, orders, i, inLikelihood.has(i)),
  );

  const vintages = (options.vintages ?? DEFAULT_VINTAGES).map((asOf): Vintage => {
    const known = publishedBy(inSample, asOf);
    const w = weightsFor(sim, draws, known);
    const later = sim.targets.map((t, i) => [t, i] as const).filter(([t]) => !known.includes(t));
    return {
      asOf,
      targets: likelihoodTargets(known).map((t) => t.id),
      effectiveSampleSize: w.ess,
      predictions:
        w.ess < MIN_EFFECTIVE_SAMPLE
          ? null
          : later.map(([, i]) => predict(sim, draws, w.weights, orders, i, false)),
    };
  });

  const leaveOneOut = all.idx.map((i) => {
    const w = weightsFor(
      sim,
      draws,
      inSample.filter((t) => t !== sim.targets[i]),
    );
    return {
      ...predict(sim, draws, w.weights, orders, i, false),
      effectiveSampleSize: w.ess,
    };
  });

  const held = sim.targets.filter((t) => !likelihoodTargets([t]).length);
  const stored = resample(all.weights, STORED_DRAWS, options.seed, count);
  const phi = sim.parameterIds.indexOf(SOLVED_EACH_DRAW);
  return {
    schema: 1,
    method: POSTERIOR_METHOD,
    modelVersion: options.modelVersion,
    hash: options.hash,
    seed: options.seed,
    priorDraws: count,
    reference: POSTERIOR_REFERENCE,
    solved: SOLVED_EACH_DRAW,
    held: HELD_AT_FIT,
    targets: all.idx.map((i) => sim.targets[i]!.id),
    effectiveSampleSize: Math.round(all.ess),
    minEffectiveSampleSize: MIN_EFFECTIVE_SAMPLE,
    // φ′ to 1e-6 (£342m moves by under £1,000) and the log-likelihood to 1e-4: the file
    // ships with the site, and a test makes stored draws again to these precisions.
    draws: stored.map(([k, times]) => [
      k,
      times,
      Number(draws.parameters[phi * count + k]!.toFixed(6)),
      Number(all.logL[k]!.toFixed(4)),
    ]),
    report: {
      priorDraws: count,
      effectiveSampleSize: all.ess,
      parameters,
      predictive,
      vintages,
      leaveOneOut,
      notInLikelihood: held.map((t) => ({
        target: t.id,
        reason: `fits ${t.fits.join(" and ")}, held at the exact fit in every draw: its tolerance is the rounding of that solve, so it is a check here`,
      })),
    },
  };
}
