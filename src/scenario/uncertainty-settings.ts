import {
  describeValue,
  isNot,
  isRecord,
  joinPath,
  quote,
  reservedKeyIssue,
} from "../issues/describe-value.ts";
import { didYouMean, HINT_CELLS, type HintBudget } from "../issues/did-you-mean.ts";
import type { Issue } from "../issues/issue.ts";
import { objectValue, oneOf, wholeIn } from "../issues/readers.ts";

/**
 * How a Monte Carlo run samples a scenario (issue #6). The same object is the optional
 * `"uncertainty"` block of a scenario file and the run options of `runMonteCarlo` (the CLI's
 * flags, the worker's request); run options win over the scenario, key by key.
 *
 * ```json
 * "uncertainty": {
 *   "draws": 10000, "seed": 42, "shape": "pert",
 *   "distributions": {
 *     "ffs.toleranceBand": { "shape": "triangular", "low": 0.02, "high": 0.08 },
 *     "cost.bidMargin": "uniform",
 *     "variation.scale": "pert",
 *     "pbr.binaryReductionPts": "point"
 *   },
 *   "correlation": { "volume.shortfall": 0.5 }
 * }
 * ```
 *
 * The block does not change the projection, so it is not part of the scenario hash (which
 * identifies the projection); a Monte Carlo summary states the settings it ran with.
 */
export const SHAPES = ["point", "uniform", "triangular", "pert", "normal"] as const;
export type Shape = (typeof SHAPES)[number];

/** Draws per run: 1 to 100,000 (at 100,000 a run holds ~115 MB of per-draw totals). */
export const MAX_DRAWS = 100_000;
/** Seeds are whole numbers 0 to 2^32 − 1 (the generator's seed word). */
export const MAX_SEED = 0xffffffff;
export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 1;
export const DEFAULT_SHAPE: Shape = "pert";

/**
 * The three given years of the volume shortfall share one draw per CRC (one uncertain path);
 * this key names them together in `distributions` and `correlation`.
 */
export const SHORTFALL_GROUP = "volume.shortfall";

/**
 * A parameter's distribution: its shape, and optionally its plausible range in the parameter's
 * data/parameters.csv unit (money in pounds, months "YYYY-MM"), both ends or neither. Without
 * a range the data row's spread around its default is moved to the scenario's value.
 */
export interface DistributionSpec {
  readonly shape?: Shape;
  // A scenario value's type (scenario.ts `ParameterValue`), written out: scenario.ts imports
  // this file for its `uncertainty` block, and the schema's two files must not import each other.
  readonly low?: number | string;
  readonly high?: number | string;
}

export interface UncertaintySettings {
  /** Number of draws, 1 to 100,000 (default 10,000). */
  readonly draws?: number;
  /** Seed, a whole number 0 to 2^32 − 1 (default 1). */
  readonly seed?: number;
  /** Shape of every sampled parameter without its own (default "pert"). */
  readonly shape?: Shape;
  /** Per parameter id (or "volume.shortfall"): a shape, or a shape and range; "point" fixes it. */
  readonly distributions?: Readonly<Record<string, Shape | DistributionSpec>>;
  /** Correlation across CRCs per parameter id (or "volume.shortfall"), 0 to 1. */
  readonly correlation?: Readonly<Record<string, number>>;
}

export const UNCERTAINTY_KEYS = ["draws", "seed", "shape", "distributions", "correlation"] as const;
export const DISTRIBUTION_KEYS = ["shape", "low", "high"] as const;

const join = joinPath;

/**
 * Check the form of uncertainty settings (a scenario's block at `path` "uncertainty", or run
 * options at ""): known keys, draws and seed in range, shape names, correlations 0 to 1, ranges
 * given as both ends. Parameter ids and ranges against the data are checked by `checkUncertainty`
 * (src/scenario/sampled-parameters.ts). Every problem is returned with its path.
 */
export function parseUncertainty(
  raw: unknown,
  path: string,
): { settings: UncertaintySettings; issues: Issue[] } {
  const issues: Issue[] = [];
  const hints: HintBudget = { cells: HINT_CELLS };
  if (!isRecord(raw)) {
    objectValue(raw, path, issues, `an object with ${UNCERTAINTY_KEYS.join(", ")}`);
    return { settings: {}, issues };
  }
  const settings: { -readonly [K in keyof UncertaintySettings]: UncertaintySettings[K] } = {};
  for (const [key, value] of Object.entries(raw)) {
    const at = join(path, key);
    if (value === undefined) continue;
    switch (key) {
      case "draws": {
        const draws = wholeIn(value, 1, MAX_DRAWS, at, issues);
        if (draws !== undefined) settings.draws = draws;
        break;
      }
      case "seed": {
        const seed = wholeIn(value, 0, MAX_SEED, at, issues);
        if (seed !== undefined) settings.seed = seed;
        break;
      }
      case "shape": {
        const shape = oneOf(value, SHAPES, at, issues, hints);
        if (shape !== undefined) settings.shape = shape;
        break;
      }
      case "distributions": {
        if (!isRecord(value)) {
          objectValue(
            value,
            at,
            issues,
            `an object of parameter id → shape or {${DISTRIBUTION_KEYS.join(", ")}}`,
          );
          break;
        }
        const distributions: Record<string, Shape | DistributionSpec> = {};
        for (const [id, spec] of Object.entries(value)) {
          const reserved = reservedKeyIssue(join(at, id), id);
          if (reserved !== undefined) {
            issues.push(reserved);
            continue;
          }
          const parsed = parseDistribution(spec, join(at, id), issues, hints);
          if (parsed !== undefined) distributions[id] = parsed;
        }
        settings.distributions = distributions;
        break;
      }
      case "correlation": {
        if (!isRecord(value)) {
          objectValue(value, at, issues, "an object of parameter id → correlation (0 to 1)");
          break;
        }
        const correlation: Record<string, number> = {};
        for (const [id, rho] of Object.entries(value)) {
          const reserved = reservedKeyIssue(join(at, id), id);
          if (reserved !== undefined) issues.push(reserved);
          else if (typeof rho === "number" && rho >= 0 && rho <= 1) correlation[id] = rho;
          else
            issues.push({
              path: join(at, id),
              message: `${describeValue(rho)} is not a correlation; it must be a number from 0 to 1`,
            });
        }
        settings.correlation = correlation;
        break;
      }
      default:
        issues.push(
          reservedKeyIssue(at, key) ?? {
            path: at,
            message: `unknown key ${quote(key)}${didYouMean(key, UNCERTAINTY_KEYS, hints)}; allowed: ${UNCERTAINTY_KEYS.join(", ")}`,
          },
        );
    }
  }
  return { settings, issues };
}

function parseDistribution(
  spec: unknown,
  path: string,
  issues: Issue[],
  hints: HintBudget,
): Shape | DistributionSpec | undefined {
  if (typeof spec === "string") return oneOf(spec, SHAPES, path, issues, hints);
  if (!isRecord(spec)) {
    issues.push({
      path,
      message: isNot(
        spec,
        `a shape (${SHAPES.join(", ")}) or an object with ${DISTRIBUTION_KEYS.join(", ")}`,
      ),
    });
    return undefined;
  }
  const out: { -readonly [K in keyof DistributionSpec]: DistributionSpec[K] } = {};
  let ok = true;
  for (const [key, value] of Object.entries(spec)) {
    if (key === "shape") {
      const shape = oneOf(value, SHAPES, join(path, key), issues, hints);
      if (shape !== undefined) out.shape = shape;
      else ok = false;
    } else if (key === "low" || key === "high") {
      if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "string")
        out[key] = value;
      else {
        issues.push({
          path: join(path, key),
          message: isNot(value, `a number or a "YYYY-MM" month in the parameter's unit`),
        });
        ok = false;
      }
    } else {
      issues.push(
        reservedKeyIssue(join(path, key), key) ?? {
          path: join(path, key),
          message: `unknown key ${quote(key)}${didYouMean(key, DISTRIBUTION_KEYS, hints)}; allowed: ${DISTRIBUTION_KEYS.join(", ")}`,
        },
      );
      ok = false;
    }
  }
  if ("low" in spec !== "high" in spec) {
    issues.push({
      path,
      message: `give both "low" and "high" (the plausible range), or neither (the data's range)`,
    });
    ok = false;
  }
  return ok ? out : undefined;
}

/** A distribution entry in object form. */
export function toDistributionSpec(entry: Shape | DistributionSpec): DistributionSpec {
  return typeof entry === "string" ? { shape: entry } : entry;
}

/**
 * Layer `child` over `parent`: draws, seed and shape replace; distributions and correlations
 * merge id by id, and within one id a child's shape or range (both ends together) replaces the
 * parent's. Used for a scenario's `extends` chain and for run options over a scenario.
 */
export function mergeUncertainty(
  parent: UncertaintySettings | undefined,
  child: UncertaintySettings | undefined,
): UncertaintySettings | undefined {
  if (child === undefined) return parent;
  if (parent === undefined) return child;
  const distributions: Record<string, DistributionSpec> = {};
  for (const [id, entry] of Object.entries(parent.distributions ?? {}))
    distributions[id] = toDistributionSpec(entry);
  for (const [id, entry] of Object.entries(child.distributions ?? {})) {
    const over = toDistributionSpec(entry);
    const under = distributions[id] ?? {};
    distributions[id] = {
      ...under,
      ...(over.shape === undefined ? {} : { shape: over.shape }),
      ...(over.low === undefined ? {} : { low: over.low, high: over.high }),
    };
  }
  const merged: { -readonly [K in keyof UncertaintySettings]: UncertaintySettings[K] } = {
    ...parent,
    ...child,
  };
  if (parent.distributions !== undefined || child.distributions !== undefined)
    merged.distributions = distributions;
  if (parent.correlation !== undefined || child.correlation !== undefined)
    merged.correlation = { ...parent.correlation, ...child.correlation };
  return merged;
}
