import type { Dataset } from "../data/index.ts";
import {
  PARAMETER_SPECS,
  REQUIRED_PARAMETER_IDS,
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_ID,
  SHORTFALL_TREND_ID,
  effectiveShortfallSource,
} from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import type { ScenarioIssue, ScenarioResult } from "../scenario/scenario-issue.ts";
import { didYouMean } from "../scenario/scenario-issue.ts";
import { quantile, SHAPES, type CellRange, type Shape } from "./distributions.ts";
import { normalCdf, normalQuantile } from "./normal.ts";
import { hasCrcRows, isWholeNumber, parameterRanges, rowNumber } from "./parameter-ranges.ts";
import type { Rng } from "./prng.ts";

/** The three given years of the shortfall share one draw per CRC: they are one uncertain path. */
export const SHORTFALL_GROUP = "volume.shortfall";

/**
 * Levers: choices a scenario makes, not uncertain facts. Not sampled unless `distributions`
 * names them (README.md "What is sampled").
 */
export const LEVER_IDS: readonly string[] = [
  "guarantee.floorShareOfCost",
  "variation.scale",
  "variation.start",
  "staff.cutScale",
  "termination.endDate",
  "termination.paymentMonths",
  "workload.feedback.pbrPtsPer10Pct",
  "workload.feedback.serviceCreditsPer10Pct",
];

export const DEFAULT_SHAPE: Shape = "pert";

export interface SamplingOptions {
  /** Shape for every sampled parameter without its own (default "pert"). */
  readonly shape?: Shape;
  /** Shape per parameter id (or "volume.shortfall" for the three given years); "point" fixes it. */
  readonly distributions?: Readonly<Record<string, Shape>>;
  /**
   * Correlation across CRCs per parameter id (or "volume.shortfall"), 0–1: one national factor
   * with weight √ρ plus CRC noise with weight √(1 − ρ) (a Gaussian copula). Defaults: 1 for a
   * parameter with one national data row (one uncertain national figure), 0 for per-CRC rows.
   */
  readonly correlation?: Readonly<Record<string, number>>;
}

/** One sampled parameter: its cells' ranges, shape, and how its CRCs' draws are tied. */
export interface SampledParameter {
  readonly id: string;
  readonly group: string;
  readonly shape: Shape;
  readonly correlation: number;
  readonly whole: boolean;
  /** Index of its group in `SamplingPlan.groups`. */
  readonly groupIndex: number;
  readonly ranges: readonly CellRange[];
}

export interface SamplingPlan {
  readonly base: ProjectionInputs;
  readonly parameters: readonly SampledParameter[];
  /** Groups in draw order, each with its correlation. */
  readonly groups: readonly { readonly group: string; readonly correlation: number }[];
  /** Per CRC: the 2017-18 row's min and max, to keep the derived shortfall path in range. */
  readonly shortfallLimits: readonly { readonly min: number; readonly max: number }[];
}

const groupOf = (id: string) => (SHORTFALL_GIVEN_IDS.includes(id) ? SHORTFALL_GROUP : id);

/**
 * Decide what is sampled and how, from the resolved inputs and the data's ranges. Every problem
 * with the options is returned, each naming the field and what is allowed.
 */
export function planSampling(
  base: ProjectionInputs,
  dataset: Dataset,
  options: SamplingOptions = {},
): ScenarioResult<SamplingPlan> {
  const issues: ScenarioIssue[] = [];
  const candidates = REQUIRED_PARAMETER_IDS.filter((id) => base.values.has(id));
  const groups = new Set(candidates.map(groupOf));
  const defaultShape = options.shape ?? DEFAULT_SHAPE;
  if (!SHAPES.includes(defaultShape))
    issues.push({
      path: "shape",
      message: `${JSON.stringify(defaultShape)} is not a shape; shapes: ${SHAPES.join(", ")}`,
    });
  for (const [key, shape] of Object.entries(options.distributions ?? {})) {
    if (!groups.has(key))
      issues.push({
        path: `distributions.${key}`,
        message: `unknown parameter "${key}"${didYouMean(key, groups)}`,
      });
    if (!SHAPES.includes(shape))
      issues.push({
        path: `distributions.${key}`,
        message: `${JSON.stringify(shape)} is not a shape; shapes: ${SHAPES.join(", ")}`,
      });
  }
  for (const [key, rho] of Object.entries(options.correlation ?? {})) {
    if (!groups.has(key))
      issues.push({
        path: `correlation.${key}`,
        message: `unknown parameter "${key}"${didYouMean(key, groups)}`,
      });
    if (typeof rho !== "number" || !(rho >= 0 && rho <= 1))
      issues.push({
        path: `correlation.${key}`,
        message: `${String(rho)} is not a correlation; it must be between 0 and 1`,
      });
  }
  if (issues.length > 0) return { ok: false, issues };

  const parameters: Omit<SampledParameter, "groupIndex">[] = [];
  const groupCorrelation = new Map<string, number>();
  for (const id of candidates) {
    const group = groupOf(id);
    const named = options.distributions?.[group];
    if (named === undefined && LEVER_IDS.includes(group)) continue;
    const shape = named ?? defaultShape;
    if (shape === "point") continue;
    const ranges = parameterRanges(id, base, dataset);
    if (ranges === undefined || !ranges.some((r) => r.high > r.low)) continue;
    const national = PARAMETER_SPECS[id]?.scope === "national" || !hasCrcRows(id, dataset);
    const correlation = options.correlation?.[group] ?? (national ? 1 : 0);
    groupCorrelation.set(group, correlation);
    parameters.push({
      id,
      group,
      shape,
      correlation,
      whole: isWholeNumber(id, dataset),
      ranges,
    });
  }
  const latest = SHORTFALL_GIVEN_IDS[SHORTFALL_GIVEN_IDS.length - 1]!;
  const shortfallLimits = base.crcs.map((crc) => {
    const row =
      dataset.parameters.find((p) => p.id === latest && p.crc === crc.id) ??
      dataset.parameters.find((p) => p.id === latest && p.crc === null);
    return row === undefined
      ? { min: -Infinity, max: Infinity }
      : { min: rowNumber(row, "min"), max: rowNumber(row, "max") };
  });
  const groupList = [...groupCorrelation].map(([group, correlation]) => ({ group, correlation }));
  return {
    ok: true,
    value: {
      base,
      parameters: parameters.map((p) => ({
        ...p,
        groupIndex: groupList.findIndex((g) => g.group === p.group),
      })),
      groups: groupList,
      shortfallLimits,
    },
    warnings: [],
  };
}

/** Buffers for one draw: the inputs the engine reads, with the sampled columns writable. */
export interface DrawBuffers {
  readonly inputs: ProjectionInputs;
  /** Uniform draw per group and CRC, `[groupIndex × crcCount + c]`. */
  readonly uniforms: Float64Array;
}

export function drawBuffers(plan: SamplingPlan): DrawBuffers {
  const values = new Map(plan.base.values);
  const own = (id: string) => values.set(id, Float64Array.from(plan.base.values.get(id)!));
  for (const p of plan.parameters) own(p.id);
  if (plan.parameters.some((p) => p.group === SHORTFALL_GROUP || p.id === SHORTFALL_TREND_ID))
    own(SHORTFALL_ID);
  if (plan.parameters.some((p) => p.id === "cost.staffShare" || p.id === "cost.fixedShare"))
    own("cost.staffShare");
  return {
    inputs: { crcs: plan.base.crcs, values },
    uniforms: new Float64Array(plan.groups.length * plan.base.crcs.length),
  };
}

/**
 * One draw: fill `buffers.inputs` with sampled values. Uniforms are drawn group by group in plan
 * order (one per group if fully correlated, else a national factor then one per CRC), so the
 * same seed gives the same draws wherever this runs. Derived values follow: the effective
 * shortfall path (given years + trend, kept within the 2017-18 row's limits) and the staff
 * share (kept at or below the fixed share, as validation requires).
 */
export function sampleInto(plan: SamplingPlan, rng: Rng, buffers: DrawBuffers): void {
  const n = plan.base.crcs.length;
  const u = buffers.uniforms;
  for (let g = 0; g < plan.groups.length; g++) {
    const rho = plan.groups[g]!.correlation;
    if (rho >= 1) {
      const common = rng.open();
      for (let c = 0; c < n; c++) u[g * n + c] = common;
    } else if (rho <= 0) {
      for (let c = 0; c < n; c++) u[g * n + c] = rng.open();
    } else {
      const factor = normalQuantile(rng.open());
      const a = Math.sqrt(rho);
      const b = Math.sqrt(1 - rho);
      for (let c = 0; c < n; c++)
        u[g * n + c] = normalCdf(a * factor + b * normalQuantile(rng.open()));
    }
  }
  const values = buffers.inputs.values;
  let shortfallChanged = false;
  for (const p of plan.parameters) {
    const g = p.groupIndex;
    const out = values.get(p.id)!;
    for (let c = 0; c < n; c++) {
      const uc = u[g * n + c]!;
      for (let y = 0; y < FY_COUNT; y++) {
        const k = c * FY_COUNT + y;
        const x = quantile(p.shape, p.ranges[k]!, uc);
        out[k] = p.whole ? Math.round(x) : x;
      }
    }
    if (p.group === SHORTFALL_GROUP || p.id === SHORTFALL_TREND_ID) shortfallChanged = true;
  }
  if (shortfallChanged) deriveShortfall(plan, values);
  const staff = values.get("cost.staffShare")!;
  const fixed = values.get("cost.fixedShare")!;
  if (staff !== plan.base.values.get("cost.staffShare"))
    for (let k = 0; k < staff.length; k++) staff[k] = Math.min(staff[k]!, fixed[k]!);
}

const SHORTFALL_SOURCES = FINANCIAL_YEARS.map(effectiveShortfallSource);

function deriveShortfall(plan: SamplingPlan, values: ReadonlyMap<string, Float64Array>) {
  const out = values.get(SHORTFALL_ID)!;
  const trend = values.get(SHORTFALL_TREND_ID)!;
  const given = SHORTFALL_SOURCES.map((s) => values.get(s.given)!);
  for (let c = 0; c < plan.base.crcs.length; c++) {
    const { min, max } = plan.shortfallLimits[c]!;
    for (let y = 0; y < FY_COUNT; y++) {
      const k = c * FY_COUNT + y;
      const s = given[y]![k]! + trend[k]! * SHORTFALL_SOURCES[y]!.trendYears;
      out[k] = Math.min(max, Math.max(min, s));
    }
  }
}
