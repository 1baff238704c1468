import Decimal from "decimal.js";
import { levenbergMarquardt } from "ml-levenberg-marquardt";
import type { Dataset } from "../data/index.ts";
import { param } from "../data/index.ts";
import {
  evaluateTargets,
  modelValue,
  presetLedgers,
  type Overrides,
  type TargetResult,
} from "./evaluate.ts";
import { toleranceWidth, type Target } from "./targets.ts";

/**
 * The declared free parameters of the model and how each is fitted (issue #20). Every other
 * number in data/ is sourced, derived or assumed. The targets each is fitted to are the rows of
 * data/targets.csv whose `fits` column names it; there are never more free parameters than
 * fitted targets (a test checks it).
 *
 * - `joint`: fitted together by Levenberg–Marquardt (ml-levenberg-marquardt) on the float path,
 *   minimising the sum of squared residuals, each scaled by its target's tolerance, within the
 *   parameter's plausible range (low–high in data/parameters.csv), from the middle of that range
 *   (so the fit does not depend on the values it last wrote).
 * - `linear`: the targets are linear in the parameter(s), so the exact engine solves them
 *   exactly (two projections for one parameter, a 2 × 2 system for the two PbR prices).
 *
 * The stages run in the order the model's structure allows: the PbR prices do not depend on the
 * others; the joint parameters' targets are measured without the variation (so φ′ cannot move
 * them) but include PbR income; φ′ depends on the prices and costs the joint stage sets.
 */
export interface FreeParameter {
  readonly id: string;
  readonly method: "joint" | "linear";
  /** Decimal places the fitted value is written with. */
  readonly decimals: number;
}

export const FREE_PARAMETERS: readonly FreeParameter[] = [
  { id: "pbr.binaryPricePerPoint", method: "linear", decimals: 0 },
  { id: "pbr.frequencyPricePerPoint", method: "linear", decimals: 0 },
  { id: "price.learningCurveDiscount", method: "joint", decimals: 4 },
  { id: "volume.shortfallTrend", method: "joint", decimals: 4 },
  { id: "cost.savingsAchieved", method: "joint", decimals: 3 },
  { id: "variation.fixedShare", method: "linear", decimals: 4 },
];

export interface FittedValue {
  readonly id: string;
  /** The value for data/parameters.csv, in its unit (pounds for prices), as written. */
  readonly value: string;
  readonly low: number;
  readonly high: number;
  /** The value sits at an end of its plausible range: the targets would pull it further. */
  readonly atBound: boolean;
  readonly targets: readonly string[];
  readonly method: string;
}

export interface FitResult {
  readonly values: readonly FittedValue[];
  /** Every target, evaluated by the exact engine at the fitted values. */
  readonly results: readonly TargetResult[];
  readonly iterations: number;
}

const targetsOf = (targets: readonly Target[], id: string) =>
  targets.filter((t) => t.fits.includes(id));

function round(value: number, decimals: number): number {
  return new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toNumber();
}

/** A parameter's plausible range (low–high of its global row), in its own unit. */
function range(dataset: Dataset, id: string): { low: number; high: number } {
  const row = param(dataset, id);
  return { low: Number(row.text.low), high: Number(row.text.high) };
}

/** Fit every free parameter to its targets; the data's own values of them are not read. */
export function fitModel(dataset: Dataset, targets: readonly Target[]): FitResult {
  const fixed: Record<string, number> = {};
  const values: FittedValue[] = [];
  const record = (id: string, value: number, method: string) => {
    const p = FREE_PARAMETERS.find((f) => f.id === id)!;
    const { low, high } = range(dataset, id);
    const written = round(value, p.decimals);
    values.push({
      id,
      value: String(written),
      low,
      high,
      atBound: written <= low || written >= high,
      targets: targetsOf(targets, id).map((t) => t.id),
      method,
    });
    // Scenario values are in the parameter's own unit (pounds for money).
    fixed[id] = written;
  };

  // 1. PbR prices: PbR income is linear in the two prices (a 2 × 2 solve, exact engine).
  const [pbrB, pbrF] = fitPbrPrices(dataset, targets);
  record("pbr.binaryPricePerPoint", pbrB, "linear");
  record("pbr.frequencyPricePerPoint", pbrF, "linear");

  // 2. The joint parameters, by Levenberg–Marquardt on the float path.
  const joint = FREE_PARAMETERS.filter((p) => p.method === "joint").map((p) => p.id);
  const jointTargets = targets.filter((t) => t.fits.some((id) => joint.includes(id)));
  const bounds = joint.map((id) => range(dataset, id));
  const residuals = (theta: readonly number[]): number[] => {
    const overrides: Overrides = {
      ...fixed,
      // Finite differences may step just past a bound: evaluate there at the bound.
      ...Object.fromEntries(
        joint.map((id, k) => [id, Math.min(bounds[k]!.high, Math.max(bounds[k]!.low, theta[k]!))]),
      ),
    };
    const ledgers = presetLedgers(dataset, overrides, "float");
    return jointTargets.map((t) => scaledResidual(t, modelValue(t, ledgers)));
  };
  let cache: { key: string; r: number[] } | undefined;
  const fit = levenbergMarquardt(
    { x: jointTargets.map((_, k) => k), y: jointTargets.map(() => 0) },
    (theta) => {
      const key = theta.join(",");
      if (cache?.key !== key) cache = { key, r: residuals(theta) };
      const r = cache.r;
      return (x) => r[x]!;
    },
    {
      initialValues: bounds.map((b) => (b.low + b.high) / 2),
      minValues: bounds.map((b) => b.low),
      maxValues: bounds.map((b) => b.high),
      gradientDifference: bounds.map((b) => (b.high - b.low) * 1e-3),
      centralDifference: true,
      damping: 1e-2,
      maxIterations: 200,
      errorTolerance: 1e-9,
    },
  );
  joint.forEach((id, k) => record(id, fit.parameterValues[k]!, "Levenberg–Marquardt"));

  // 3. φ′: the variation's increase in MoJ payments is linear in φ′ (exact engine).
  record("variation.fixedShare", fitVariationFixedShare(dataset, targets, fixed), "linear");

  const results = evaluateTargets(targets, presetLedgers(dataset, fixed, "exact"));
  return { values, results, iterations: fit.iterations };
}

/**
 * A target's residual in units of its tolerance: (model − published) / width for a value with
 * a ± tolerance; for a range or a bound, 0 inside it and the distance to it outside.
 */
export function scaledResidual(target: Target, model: number): number {
  const t = target.tolerance;
  const width = toleranceWidth(target);
  switch (t.kind) {
    case "relative":
    case "absolute":
      return (model - target.value) / width;
    case "between":
      return model < t.low
        ? (model - t.low) / width
        : model > t.high
          ? (model - t.high) / width
          : 0;
    case "at_least":
      return Math.min(0, model - target.value) / width;
    case "at_most":
      return Math.max(0, model - target.value) / width;
  }
}

function onlyTarget(targets: readonly Target[], id: string): Target {
  const found = targetsOf(targets, id);
  if (found.length !== 1) {
    throw new Error(
      `${id} must be fitted to exactly one target in data/targets.csv, not ${found.length}`,
    );
  }
  return found[0]!;
}

/** φ′ such that the target (the £342m) is met, given the other fitted values. */
export function fitVariationFixedShare(
  dataset: Dataset,
  targets: readonly Target[],
  fixed: Overrides,
): number {
  const target = onlyTarget(targets, "variation.fixedShare");
  const { low, high } = range(dataset, "variation.fixedShare");
  const at = (phi: number) =>
    modelValue(target, presetLedgers(dataset, { ...fixed, "variation.fixedShare": phi }));
  const [fa, fb] = [at(low), at(high)];
  const phi = new Decimal(low).plus(
    new Decimal(target.value - fa).times(high - low).dividedBy(fb - fa),
  );
  return Math.min(high, Math.max(low, phi.toNumber()));
}

/** The two PbR prices (pounds per point) that give the two PbR targets exactly. */
export function fitPbrPrices(dataset: Dataset, targets: readonly Target[]): [number, number] {
  const pbrTargets = targetsOf(targets, "pbr.binaryPricePerPoint");
  if (pbrTargets.length !== 2) throw new Error("the PbR prices need exactly two targets");
  const [lowT, highT] = pbrTargets as [Target, Target];
  const unit = 1_000_000; // £1m per point: the scale of the solve
  const pbrOf = (t: Target, binary: number, frequency: number) =>
    modelValue(
      t,
      presetLedgers(dataset, {
        "pbr.binaryPricePerPoint": binary,
        "pbr.frequencyPricePerPoint": frequency,
      }),
    );
  // income = pB × XB + pF × XF per target, X read at £1m per point
  const lowB = new Decimal(pbrOf(lowT, unit, 0)).dividedBy(unit);
  const lowF = new Decimal(pbrOf(lowT, 0, unit)).dividedBy(unit);
  const highB = new Decimal(pbrOf(highT, unit, 0)).dividedBy(unit);
  const highF = new Decimal(pbrOf(highT, 0, unit)).dividedBy(unit);
  const det = lowB.times(highF).minus(lowF.times(highB));
  if (det.isZero()) throw new Error("fitPbrPrices: the two outcomes do not separate the prices");
  // Targets in pence over X in pence per pound of price: the prices come out in pounds.
  const pB = new Decimal(lowT.value)
    .times(highF)
    .minus(new Decimal(highT.value).times(lowF))
    .dividedBy(det);
  const pF = lowB.times(highT.value).minus(highB.times(lowT.value)).dividedBy(det);
  if (pB.isNegative() || pF.isNegative()) {
    throw new Error(`fitPbrPrices: a negative price (${pB}, ${pF})`);
  }
  return [pB.toNumber(), pF.toNumber()];
}
