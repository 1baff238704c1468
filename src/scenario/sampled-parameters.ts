import { createHinter } from "../issues/did-you-mean.ts";
import { joinPath, quote } from "../issues/describe-value.ts";
import type { Issue } from "../issues/issue.ts";
import type { Dataset, Parameter } from "../data/index.ts";
import {
  PARAMETER_SPECS,
  REQUIRED_PARAMETER_IDS,
  SHORTFALL_GIVEN_IDS,
} from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS, CONTRACT_MONTHS } from "../engine/timeline.ts";
import { lowestFte, staffingFloor } from "./hold-staffing.ts";
import { checkOverrideValue } from "./override-value.ts";
import { type CellRange, isWholeNumber, parameterRanges, rowsByCrc } from "./parameter-ranges.ts";
import {
  DEFAULT_SHAPE,
  SHORTFALL_GROUP,
  toDistributionSpec,
  type DistributionSpec,
  type Shape,
  type UncertaintySettings,
} from "./uncertainty-settings.ts";

/*
 * What a Monte Carlo run samples, and whether the settings can be sampled at all: the checks of
 * uncertainty settings against the resolved inputs and the data that `validateScenario` runs on
 * a scenario's `uncertainty` block, and the choice `planSampling` (src/uncertainty/) compiles
 * into slots. Here, not beside the plan, so that validation never reaches up into the Monte
 * Carlo (issue #13: the folder cycle scenario/ → uncertainty/ → scenario/).
 */

/**
 * Levers: choices a scenario makes, not uncertain facts. Fixed unless `distributions` names
 * them (README.md "Monte Carlo").
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

/**
 * Each CRC's part of a sourced national total (£450m a year of bid prices, 8,331 FTE in June
 * 2014, the 2014 caseload; scripts/derive-crc-sizes.ts). Drawing the parts independently would
 * move the sourced totals, so they are fixed unless `distributions` names them.
 */
export const SPLIT_IDS: readonly string[] = [
  "size.annualPrice",
  "size.caseload2014",
  "staff.fteJune2014",
];

/** The key a parameter is drawn under: the three given shortfall years share one. */
export const groupOf = (id: string): string =>
  SHORTFALL_GIVEN_IDS.includes(id) ? SHORTFALL_GROUP : id;

/** One sampled parameter: what is drawn and how (reported in the summary). */
export interface SampledParameter {
  readonly id: string;
  readonly group: string;
  readonly shape: Shape;
  /** Correlation of the latent normals across CRCs, 0 to 1 (see `planSampling`). */
  readonly correlation: number;
  /** Where the plausible range comes from. */
  readonly range: "data" | "settings";
  /** Draws are rounded to whole numbers (pence, months, people). */
  readonly whole: boolean;
  readonly ranges: readonly CellRange[];
}

/** A CRC whose draws of staffing are held above 0 FTE, and the floor they are held at. */
export interface StaffingHold {
  readonly crc: number;
  readonly floor: number;
}

/** The keys `distributions` and `correlation` accept for these inputs. */
export function samplingKeys(base: ProjectionInputs): Set<string> {
  const ids = REQUIRED_PARAMETER_IDS.filter((id) => base.values.has(id));
  return new Set([...ids, SHORTFALL_GROUP]);
}

const join = joinPath;

/** The parameter ids a `distributions` or `correlation` key covers. */
const idsOfKey = (key: string, ids: readonly string[]) =>
  key === SHORTFALL_GROUP ? SHORTFALL_GIVEN_IDS.filter((id) => ids.includes(id)) : [key];

/** A printable cell value in the parameter's own unit (pounds, "YYYY-MM", or as is). */
function display(row: Parameter, x: number): string {
  if (row.unit === "date_month") return CONTRACT_MONTHS[x]?.id ?? String(x);
  if (row.pence !== null) return `${x / 100}`;
  return `${x}`;
}

/**
 * Check uncertainty settings against the resolved inputs and the data, without building a
 * plan: what `validateScenario` runs on a scenario's `uncertainty` block (prefix "uncertainty").
 */
export function checkUncertainty(
  base: ProjectionInputs,
  dataset: Dataset,
  settings: UncertaintySettings,
  prefix: string,
): { issues: Issue[]; warnings: Issue[] } {
  const { issues, warnings } = chooseSampled(base, dataset, settings, prefix);
  return { issues, warnings };
}

/** What is sampled, with every problem and warning of the settings. */
export interface SamplingChoice {
  readonly issues: Issue[];
  readonly warnings: Issue[];
  readonly parameters: SampledParameter[];
  /** Per parameter and CRC: the CRC's value comes from the national row and shares its draw. */
  readonly sharesNationalRow: boolean[][];
  readonly staffingHolds: StaffingHold[];
}

/**
 * Decide what is sampled and how (the rules are stated at `planSampling`, src/uncertainty/
 * plan-sampling.ts, which compiles the choice), with every problem found, each with its path
 * under `prefix`.
 */
export function chooseSampled(
  base: ProjectionInputs,
  dataset: Dataset,
  settings: UncertaintySettings,
  prefix: string,
): SamplingChoice {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const ids = REQUIRED_PARAMETER_IDS.filter((id) => base.values.has(id));
  const keys = samplingKeys(base);
  const distributionsPath = join(prefix, "distributions");
  const hint = createHinter(keys);
  const correlationPath = join(prefix, "correlation");

  // 1. Every named key is a sampled parameter; explicit ranges are in the data's units and range.
  const explicit = new Map<string, { low: number; high: number }>();
  const specs = new Map<string, DistributionSpec>();
  for (const [key, entry] of Object.entries(settings.distributions ?? {})) {
    const path = join(distributionsPath, key);
    if (!keys.has(key)) {
      issues.push({ path, message: unknownKey(key, hint) });
      continue;
    }
    const spec = toDistributionSpec(entry);
    specs.set(key, spec);
    if (spec.low === undefined || spec.high === undefined) continue;
    const converted = convertRange(key, spec, ids, dataset, path, issues);
    if (converted !== undefined) explicit.set(key, converted);
  }
  for (const key of Object.keys(settings.correlation ?? {})) {
    const path = join(correlationPath, key);
    if (SHORTFALL_GIVEN_IDS.includes(key))
      issues.push({
        path,
        message: `the given shortfall years share one draw per CRC: set the correlation of "${SHORTFALL_GROUP}"`,
      });
    else if (!keys.has(key)) issues.push({ path, message: unknownKey(key, hint) });
    else if (PARAMETER_SPECS[key]?.scope === "national")
      warnings.push({
        path,
        message: `has no effect: ${key} is one national figure, the same for every CRC`,
      });
  }

  // 2. What is sampled, with which shape, range and correlation.
  const parameters: SampledParameter[] = [];
  const sharesNationalRow: boolean[][] = [];
  for (const id of ids) {
    const group = groupOf(id);
    // A given shortfall year's own entry first, then "volume.shortfall"'s, then the default.
    const named = specs.has(id) || specs.has(group);
    if (!named && (LEVER_IDS.includes(id) || SPLIT_IDS.includes(id))) continue;
    const shape =
      specs.get(id)?.shape ?? specs.get(group)?.shape ?? settings.shape ?? DEFAULT_SHAPE;
    if (shape === "point") continue;
    const range = explicit.get(id) ?? explicit.get(group);
    const ranges = parameterRanges(id, base, dataset, range);
    if (ranges === undefined) continue; // no data row: resolveScenario has refused the scenario
    if (range !== undefined) {
      const outside = ranges.findIndex((r) => r.mode < r.low || r.mode > r.high);
      if (outside >= 0) {
        const crc = base.crcs[Math.floor(outside / FY_COUNT)]!.id;
        const fy = FINANCIAL_YEARS[outside % FY_COUNT]!;
        const row = rowsByCrc(id, base, dataset)[Math.floor(outside / FY_COUNT)]!;
        const r = ranges[outside]!;
        issues.push({
          path: join(distributionsPath, specs.has(id) ? id : group),
          message: `the scenario's value of ${id} for ${crc} in ${fy}, ${display(row, r.mode)}, is outside low–high ${display(row, r.low)} to ${display(row, r.high)}; the range must contain the scenario's value (its most likely value)`,
        });
        continue;
      }
    }
    if (!ranges.some((r) => r.high > r.low)) {
      if (named && range === undefined)
        warnings.push({
          path: join(distributionsPath, specs.has(id) ? id : group),
          message: `${id} has no spread in data/parameters.csv (low = high), so it stays fixed; give "low" and "high" to sample it`,
        });
      continue;
    }
    const rows = rowsByCrc(id, base, dataset);
    const perCrcRows = rows.some((row) => row?.crc !== null);
    const set = settings.correlation?.[group];
    const correlation = set ?? (PARAMETER_SPECS[id]?.scope === "national" || !perCrcRows ? 1 : 0);
    sharesNationalRow.push(rows.map((row) => set === undefined && row?.crc === null));
    parameters.push({
      id,
      group,
      shape,
      correlation,
      range: range === undefined ? "data" : "settings",
      whole: isWholeNumber(id, dataset),
      ranges,
    });
  }
  const staffing = checkStaffing(base, parameters, prefix);
  issues.push(...staffing.issues);
  issues.push(...checkNationalTotals(base, parameters, prefix));
  return { issues, warnings, parameters, sharesNationalRow, staffingHolds: staffing.holds };
}

function unknownKey(key: string, hint: (word: string) => string): string {
  return `unknown parameter ${quote(key)}${hint(key)}; use a parameter id the engine reads or "${SHORTFALL_GROUP}"`;
}

/** An explicit low–high in engine units, each end checked against every data row it applies to. */
function convertRange(
  key: string,
  spec: DistributionSpec,
  ids: readonly string[],
  dataset: Dataset,
  path: string,
  issues: Issue[],
): { low: number; high: number } | undefined {
  const rows = dataset.parameters.filter((p) => idsOfKey(key, ids).includes(p.id));
  const out: { low?: number; high?: number } = {};
  const before = issues.length;
  for (const end of ["low", "high"] as const) {
    // One message per end: the first row that refuses it, and how many more do.
    const refused: string[] = [];
    for (const row of rows) {
      const where = row.crc === null ? "" : ` (the range for ${row.crc})`;
      const checked = checkOverrideValue(spec[end]!, row, where);
      if (!checked.ok) refused.push(checked.issues[0]!.message);
      else out[end] = checked.value;
    }
    if (refused.length > 0) {
      const more = refused.length - 1;
      const tail =
        more === 0
          ? ""
          : `; so ${more === 1 ? "does 1 more data row" : `do ${more} more data rows`}`;
      issues.push({ path: `${path}.${end}`, message: `${refused[0]!}${tail}` });
    }
  }
  if (issues.length > before || out.low === undefined || out.high === undefined) return undefined;
  if (out.low > out.high) {
    issues.push({
      path,
      message: `low ${String(spec.low)} is above high ${String(spec.high)}; low must not exceed high`,
    });
    return undefined;
  }
  return { low: out.low, high: out.high };
}

export const STAFFING_IDS = ["staff.fteJune2014", "staff.fteJune2017", "staff.cutScale"] as const;

/**
 * Staffing must stay above 0 FTE in every draw (the workload index divides by it). FTE is
 * FTE14 + scale × (FTE17 − FTE14) at its lowest, bilinear in the three, so its smallest value
 * over their ranges is at a corner. Where the ranges reach 0 FTE:
 * - if the settings gave one of the three its own low–high, that range is refused, named by its
 *   path (the user set it, and can change it);
 * - else the ranges are the data's spread moved to the scenario's values, which the user never
 *   set: the CRC's draws are held above 0 FTE (a `StaffingHold`, hold-staffing.ts), so a valid
 *   scenario is not refused for them.
 */
function checkStaffing(
  base: ProjectionInputs,
  parameters: readonly SampledParameter[],
  prefix: string,
): { issues: Issue[]; holds: StaffingHold[] } {
  const holds: StaffingHold[] = [];
  if (!STAFFING_IDS.every((id) => base.values.has(id))) return { issues: [], holds };
  const extremes = (id: string, c: number): number[] => {
    const p = parameters.find((q) => q.id === id);
    if (p === undefined) return [base.values.get(id)![c * FY_COUNT]!];
    const r = p.ranges[c * FY_COUNT]!;
    return [r.low, r.high];
  };
  const explicit = STAFFING_IDS.filter((id) =>
    parameters.some((q) => q.id === id && q.range === "settings"),
  );
  for (let c = 0; c < base.crcs.length; c++) {
    let lowest = Infinity;
    for (const a of extremes("staff.fteJune2014", c))
      for (const b of extremes("staff.fteJune2017", c))
        for (const s of extremes("staff.cutScale", c))
          lowest = Math.min(lowest, lowestFte({ fte14: a, fte17: b, scale: s }));
    if (lowest > 0) continue;
    if (explicit.length > 0)
      return {
        issues: [
          {
            path: join(join(prefix, "distributions"), explicit[0]!),
            message: `for ${base.crcs[c]!.id}: with this range staffing could fall to ${lowest} FTE in some draws; the ranges of staff.fteJune2014, staff.fteJune2017 and staff.cutScale must keep staff.fteJune2014 + staff.cutScale × (staff.fteJune2017 − staff.fteJune2014) above 0 (narrow the range given for ${explicit.join(", ")})`,
          },
        ],
        holds: [],
      };
    const value = (id: string) => base.values.get(id)![c * FY_COUNT]!;
    holds.push({
      crc: c,
      floor: staffingFloor({
        fte14: value("staff.fteJune2014"),
        fte17: value("staff.fteJune2017"),
        scale: value("staff.cutScale"),
      }),
    });
  }
  return { issues: [], holds };
}

/**
 * The national totals the engine divides by must stay above 0 in every draw, as a scenario's
 * must (check-resolved-inputs.ts): the bid prices (the weights that share out national sums)
 * and the 2014 caseloads (PbR's shares). Each is sampled only when named, so a range that lets
 * every CRC's draw reach 0 at once is refused at its path.
 */
function checkNationalTotals(
  base: ProjectionInputs,
  parameters: readonly SampledParameter[],
  prefix: string,
): Issue[] {
  const issues: Issue[] = [];
  for (const [id, what] of [
    ["size.annualPrice", "the bid prices share out national totals"],
    ["size.caseload2014", "payment by results is shared out by caseload"],
  ] as const) {
    const p = parameters.find((q) => q.id === id);
    if (p === undefined) continue;
    // (whole-number draws are rounded, so a low under ½ can be drawn as 0)
    const low = (c: number) => p.ranges[c * FY_COUNT]!.low;
    const lowest = base.crcs.reduce(
      (sum, _, c) => sum + (p.whole ? Math.round(low(c)) : low(c)),
      0,
    );
    if (!(lowest > 0))
      issues.push({
        path: join(join(prefix, "distributions"), id),
        message: `every CRC's ${id} could be drawn at 0 at once; ${what}, so their sum must stay above 0: give a range whose "low" is above 0 for at least one CRC`,
      });
  }
  return issues;
}
