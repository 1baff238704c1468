import type { Dataset, Parameter } from "../data/index.ts";
import type { MergedScenario, ParameterOverride, Scenario } from "../scenario/scenario.ts";
import { keepSignWithAmount } from "../engine/format-millions.ts";
import { CONTRACT_MONTHS } from "../engine/timeline.ts";
import { sourceCitation } from "./source-list.ts";
import { formatInUnit, formatRange } from "./unit-text.ts";

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
      "staff.cutsCompleteBy",
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
  /** The source's citation (or its id when it has none); "" for none. */
  readonly source: string;
  /** The source's id in data/sources.csv, for a link to it on the Sources page; "" for none. */
  readonly sourceId: string;
  readonly reason: string;
  /** The slider's label: the meaning, its unit and real range, each said once (`leverHeading`). */
  readonly heading: string;
  /** The reason in a reader's words, without code paths (`readerReason`). */
  readonly readerReason: string;
}

/** Unit words a data label may already end with, "(points)", "(%)", "(years)"… */
const UNIT_IN_LABEL: Readonly<Record<string, RegExp>> = {
  points: /\bpoints?\b/,
  percent: /%|per ?cent/,
  years: /\byears?\b/,
  months: /\bmonths?\b/,
  weeks: /\bweeks?\b/,
  share: /\bshare\b/,
  GBP: /£/,
  GBP_per_year: /£|per year/,
  GBP_per_point: /£|per point/,
};

/**
 * A lever's label with its unit and its real range, each said once (issue #16): "Volume
 * shortfall 2015-16 (share, −0.5 to 0.9)", "Binary reoffending reduction (percentage points,
 * −10 to 10)", "Paid above contract in 2016-17 (£0 to £100,000,000)", "Contract end month
 * (February 2015 to March 2022)". A unit the data's label already names in its last brackets
 * is not repeated: "Termination payment (months of price, 0 to 36)".
 */
export function leverHeading(
  label: string,
  unit: string,
  min: number | string,
  max: number | string,
): string {
  const money = unit === "GBP" || unit === "GBP_per_year" || unit === "GBP_per_point";
  const suffix = unit === "GBP_per_year" ? " a year" : unit === "GBP_per_point" ? " per point" : "";
  const range =
    unit === "date_month"
      ? formatRange(min, max, unit)
      : money
        ? `${formatRange(min, max, "GBP")}${suffix}`
        : `${formatPlain(min)} to ${formatPlain(max)}`;
  const word = money
    ? ""
    : ((
        {
          share: "share",
          points: "percentage points",
          percent: "%",
          ratio: "multiplier",
          people_per_FTE: "people per FTE",
        } as Record<string, string>
      )[unit] ?? (unit === "date_month" || unit === "count" ? "" : unit));
  const said = [word, range].filter(Boolean).join(", ");
  const last = /^(.*) \(([^()]*)\)$/.exec(label);
  if (!last) return `${label} (${said})`;
  const [, head, inner] = last as unknown as [string, string, string];
  // "(points)" alone is only the unit: said once, by us. "(months of price)" says more: kept,
  // with the range beside it. Other brackets ("(φ)", "(per year)") keep their words.
  if (/^(points|%|years|months|weeks|share|£)$/.test(inner.trim())) return `${head} (${said})`;
  if (UNIT_IN_LABEL[unit]?.test(inner))
    return `${head} (${inner}, ${money ? formatRange(min, max, "GBP") : range})`;
  return `${head} (${inner}; ${said})`;
}

/** A number with a true minus sign and thousands separators. */
function formatPlain(x: number | string): string {
  const n = Number(x);
  if (!Number.isFinite(n)) return String(x);
  return `${n < 0 ? "\u2212" : ""}${Math.abs(n).toLocaleString("en-GB", { maximumFractionDigits: 6 })}`;
}

/**
 * What a lever's value means in words beside its number box: "£42,000,000", "20%", "6 months",
 * "February 2016" (the number box itself can only hold the number).
 */
export function leverReadout(unit: string, value: number | string | null): string {
  if (value === null || value === "") return "";
  return formatInUnit(value, unit);
}

/**
 * A data row's reason in a reader's words (issue #16): the calibration's and derivation scripts'
 * code paths are replaced by where a reader can look (the Calibration page, the Sources page),
 * and file names by what they hold. The words of the reason are otherwise the data's.
 */
export function readerReason(reason: string): string {
  // A page's text: each sign held to its amount ("−£436.2m", issue #16).
  return keepSignWithAmount(
    reason
      .replace(
        /Fitted by npm run calibrate \(src\/calibration\/fit\.ts\):\s*/g,
        "Fitted so the model matches published figures (see the Calibration page): ",
      )
      .replace(/\s*\(ml-levenberg-marquardt\)/g, "")
      .replace(/ in data\/targets\.csv/g, " (the calibration targets)")
      .replace(/data\/parameters\.csv line \d+/g, "the Sources page")
      .replace(/\s*\((?:src|scripts)\/[^()]*\)/g, "")
      .replace(/(?:src|scripts)\/[\w./-]+\.ts;?\s*/g, "")
      .replace(/\bdata\/(parameters|figures|sources)\.csv\b/g, "the Sources page")
      .replace(/\bnpm run calibrate\b/g, "the calibration")
      .trim(),
  );
}

/** A slider for one CRC's value of a number parameter: its data row's range, step and value. */
export interface RowSlider {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The row's default, where the slider starts. */
  readonly value: number;
  /** `label` with the unit and the row's range: "Shortfall (share, −0.5 to 0.9)". */
  readonly heading: string;
}

/**
 * The slider of "Adjust one CRC" on the Explorer (a byCrc override): the range is the CRC's own
 * data row's (a volume shortfall runs from −0.5, volumes above the baseline, to 0.9), never a
 * range written in the page, so the slider allows what a scenario file may set; the step is the
 * levers' (`niceStep`), the heading says the unit and range as the levers' do (`leverHeading`).
 */
export function rowSlider(row: Parameter, label: string): RowSlider {
  const min = Number(row.values.min);
  const max = Number(row.values.max);
  return {
    min,
    max,
    step: niceStep(min, max, row.unit),
    value: Number(row.defaultValue),
    heading: leverHeading(label, row.unit, row.values.min, row.values.max),
  };
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
  const cite = new Map(dataset.sources.map((s) => [s.id, sourceCitation(s)]));
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
        source: row.sourceId ? cite.get(row.sourceId) || row.sourceId : "",
        sourceId: row.sourceId ?? "",
        reason: row.reason,
        heading: leverHeading(row.label || id, row.unit, min, max),
        readerReason: readerReason(row.reason),
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
