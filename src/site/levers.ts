import type { Dataset, Parameter } from "../data/index.ts";
import type { MergedScenario, ParameterOverride, Scenario } from "../scenario/scenario.ts";
import { CONTRACT_MONTHS } from "../engine/timeline.ts";

/**
 * The Explorer's levers: which parameters of data/parameters.csv get a slider, grouped as the
 * issue lists them, each carrying its unit, allowed range, status and source so the page can show
 * them beside the slider. The range is the data's min–max, so a slider can never produce a value
 * the scenario validator would refuse.
 */
export const LEVER_GROUPS: ReadonlyArray<{ id: string; title: string; ids: readonly string[] }> = [
  {
    id: "volumes",
    title: "Volumes",
    ids: [
      "volume.shortfall.2015-16",
      "volume.shortfall.2016-17",
      "volume.shortfall.2017-18",
      "volume.shortfallTrend",
      "caseload.growth",
    ],
  },
  {
    id: "contract",
    title: "Contract terms",
    ids: [
      "ffs.fixedShare",
      "ffs.toleranceBand",
      "ffs.upsideCap",
      "termination.endDate",
      "termination.paymentMonths",
    ],
  },
  {
    id: "variation",
    title: "2017 variation and guarantee",
    ids: [
      "variation.scale",
      "variation.fixedShare",
      "variation.start",
      "variation.paymentBefore.2016-17",
      "variation.paymentBefore.2017-18",
      "guarantee.floorShareOfCost",
    ],
  },
  {
    id: "pbr",
    title: "Payment by results",
    ids: ["pbr.binaryReductionPts", "pbr.frequencyReductionPct", "pbr.cashLagMonths"],
  },
  {
    id: "staffing",
    title: "Staffing and pay",
    ids: [
      "staff.cutScale",
      "staff.loadedCostPerFte",
      "staff.payAward",
      "staff.onCostRate",
      "redundancy.weeksPerYear",
      "redundancy.capWeeks",
      "redundancy.avgServiceYears",
      "redundancy.modernisationFundShare",
    ],
  },
  {
    id: "other",
    title: "Service credits and other",
    ids: [
      "serviceCredits.grossAnnual",
      "serviceCredits.waivedShare",
      "cost.bidMargin",
      "cost.staffShare",
    ],
  },
];

export interface LeverSpec {
  readonly id: string;
  readonly group: string;
  readonly label: string;
  readonly unit: string;
  readonly kind: "number" | "month";
  readonly min: number | string;
  readonly max: number | string;
  readonly step: number;
  /** For month levers: the months a user may pick, in order. */
  readonly months?: readonly string[];
  /** The value under the base scenario (its override, else the data's national default). */
  readonly value: number | string;
  /**
   * True when the data holds per-CRC values and no national default (e.g. the volume shortfall by
   * year): the lever is then off by default, and switching it on sets one value for every CRC.
   */
  readonly optional: boolean;
  readonly enabled: boolean;
  readonly status: string;
  readonly source: string;
  readonly reason: string;
}

/** A slider step that is a round number, about 1/100 of the range, never below a penny. */
export function niceStep(min: number, max: number, unit: string): number {
  if (unit === "months" || unit === "weeks" || unit === "years" || unit === "count") return 1;
  const raw = (max - min) / 100;
  if (!(raw > 0)) return 0.01;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Math.max(step, 0.01);
}

function nationalOrFirst(dataset: Dataset, id: string): { row: Parameter; national: boolean } {
  const national = dataset.parameters.find((p) => p.id === id && p.crc === null);
  if (national) return { row: national, national: true };
  const first = dataset.parameters.find((p) => p.id === id);
  if (!first) throw new Error(`lever ${id}: no row in data/parameters.csv`);
  return { row: first, national: false };
}

export function leverSpecs(dataset: Dataset, base?: MergedScenario): LeverSpec[] {
  const cite = new Map(dataset.sources.map((s) => [s.id, s.citation]));
  const specs: LeverSpec[] = [];
  for (const group of LEVER_GROUPS) {
    for (const id of group.ids) {
      if (!dataset.parameters.some((p) => p.id === id)) continue; // not in this data version
      const { row, national } = nationalOrFirst(dataset, id);
      const override = base?.parameters[id]?.value;
      const isMonth = row.unit === "date_month";
      const min = row.values.min;
      const max = row.values.max;
      const months = isMonth
        ? CONTRACT_MONTHS.map((m) => m.id).filter((m) => m >= String(min) && m <= String(max))
        : undefined;
      specs.push({
        id,
        group: group.id,
        label: row.label || id,
        unit: row.unit,
        kind: isMonth ? "month" : "number",
        min,
        max,
        step: isMonth ? 1 : niceStep(Number(min), Number(max), row.unit),
        ...(months ? { months } : {}),
        value: override ?? row.defaultValue,
        optional: !national,
        enabled: national || override !== undefined,
        status: row.status,
        source: row.sourceId ? (cite.get(row.sourceId) ?? row.sourceId) : "",
        reason: row.reason,
      });
    }
  }
  return specs;
}

/**
 * The scenario the levers describe: the base scenario (a preset, a saved scenario or the URL's)
 * with each enabled lever's value as a national override. A lever left at its base value adds
 * nothing, so the URL stays short and the scenario's hash unchanged.
 */
export function scenarioFromLevers(
  base: Scenario,
  specs: readonly LeverSpec[],
  values: Readonly<Record<string, number | string | null>>,
): Scenario {
  const parameters: Record<string, number | string | ParameterOverride> = {
    ...(base.parameters ?? {}),
  };
  for (const spec of specs) {
    const value = values[spec.id];
    if (value === undefined) continue;
    const current = parameters[spec.id];
    const currentObject: ParameterOverride | undefined =
      typeof current === "object"
        ? current
        : current === undefined
          ? undefined
          : { value: current };
    if (value === null) {
      // Switched off: drop the national value, keep any per-year/owner/CRC refinements.
      if (currentObject === undefined) continue;
      const { value: _dropped, ...rest } = currentObject;
      if (Object.keys(rest).length === 0) delete parameters[spec.id];
      else parameters[spec.id] = rest;
      continue;
    }
    if (value === spec.value && spec.enabled) continue;
    parameters[spec.id] =
      currentObject && Object.keys(currentObject).some((k) => k !== "value")
        ? { ...currentObject, value }
        : value;
  }
  const { parameters: _old, ...rest } = base;
  return Object.keys(parameters).length > 0 ? { ...rest, parameters } : { ...rest };
}

/** One CRC's own value for a per-CRC parameter (e.g. its 2017-18 volume shortfall). */
export interface CrcOverride {
  readonly id: string;
  readonly crc: string;
  readonly value: number;
}

/**
 * Add per-CRC overrides to a scenario (the Explorer's "adjust one CRC" panel): each becomes a
 * `byCrc` entry of its parameter, which beats any national or owner value for that CRC
 * (src/scenario/scenario.ts). Other entries of the parameter are kept.
 */
export function withCrcOverrides(scenario: Scenario, overrides: readonly CrcOverride[]): Scenario {
  if (overrides.length === 0) return scenario;
  const parameters: Record<string, number | string | ParameterOverride> = {
    ...(scenario.parameters ?? {}),
  };
  for (const { id, crc, value } of overrides) {
    const current = parameters[id];
    const base: ParameterOverride =
      typeof current === "object" ? current : current === undefined ? {} : { value: current };
    parameters[id] = { ...base, byCrc: { ...base.byCrc, [crc]: value } };
  }
  return { ...scenario, parameters };
}
