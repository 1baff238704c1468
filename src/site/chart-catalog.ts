import { PARAMETER_GROUPS, type ParameterGroup } from "../data/index.ts";
import { formatAmount } from "../engine/tidy-csv.ts";
import type { Stats } from "../uncertainty/percentiles.ts";
import type { BreakEvenRow, GridExportRow, TornadoExportRow } from "./sensitivity.ts";
import type { BackTestPoint } from "./calibration-posterior.ts";
import type { WaterfallStep } from "./attribution-view.ts";
import type { FanRow, LossRow } from "./uncertainty.ts";
import type { CrcProfit } from "./views.ts";

/**
 * Every chart that can leave the site: its id (file names, embed pages), title, the parameter
 * groups its figures depend on (for the sources in its caption), how its data becomes CSV
 * columns, and whether it has an embed page. A new chart plugs in by adding an entry here and
 * wrapping its figure with `exportable` (docs/components/chart-export.js).
 */
export type CsvCell = string | number | null;
export type CsvRow = Record<string, CsvCell>;

/** A chart with an embed page: how it reads the address, where it links back, how tall it is. */
export interface EmbedSpec {
  /**
   * How the embed page reads the address: "scenario" the scenario; "comparison" _base/_with;
   * "uncertainty" the scenario and the Monte Carlo run keys (_draws, _seed, _shape, _rho, _fan);
   * "sensitivity" the scenario and the Sensitivity view keys (_output, _line, _period…).
   */
  readonly reads: "scenario" | "comparison" | "uncertainty" | "sensitivity";
  /** The full page an embed links back to ("Open in the explorer"). */
  readonly openPath: string;
  /** A height (CSS px) for the iframe snippet that shows the whole chart at a typical width. */
  readonly height: number;
}

/** A chart drawn from rows of type `Row`. */
export interface ChartSpec<Row> {
  readonly id: string;
  readonly title: string;
  readonly groups: readonly ParameterGroup[];
  /** Its embed page, or null when it has none. */
  readonly embed: EmbedSpec | null;
  /** What the numbers are in, for the CSV's comment lines. */
  readonly units: string;
  /** The chart's rows (as the page draws them) → CSV rows, every number exact. */
  readonly csv: (rows: readonly Row[]) => CsvRow[];
}

/**
 * Any chart, its rows unknown (a page looks a chart up by its id): `never` rows, because a spec
 * for any row type is one of these, and calling its csv needs the spec for its own id.
 */
export type AnyChartSpec = ChartSpec<never>;

/** A spec with its id as a literal type, so `chartSpec("fan")` knows the fan's rows. */
const chart = <Row, const Id extends string>(spec: ChartSpec<Row> & { readonly id: Id }) => spec;

const ALL_GROUPS: readonly ParameterGroup[] = PARAMETER_GROUPS;
const INCOME_GROUPS: readonly ParameterGroup[] = [
  "contract",
  "volumes",
  "variation",
  "pbr",
  "other",
];
const COST_GROUPS: readonly ParameterGroup[] = ["costs", "staffing", "other"];
const STAFF_GROUPS: readonly ParameterGroup[] = ["staffing", "volumes"];
const PENCE = "money in whole pence (100 pence = £1); negative = a loss";

interface YearPence {
  fy: string;
  pence: number;
}
interface YearLinePence extends YearPence {
  line: string;
}
interface MonthStaff {
  month: string;
  fte: number;
  workloadIndex: number | null;
}

/** The CLI's formats for quantities (src/engine/tidy-csv.ts), so the CSVs agree digit for digit. */
const quantity = (line: "fte" | "workload_index", amount: number) =>
  formatAmount({ crc: "", owner: "", period: "", line, amount });

const byYear = (rows: readonly YearPence[]) =>
  rows.map((d) => ({ financial_year: d.fy, profit_pence: d.pence }));
const linesByYear = (rows: readonly YearLinePence[]) =>
  rows.map((d) => ({
    financial_year: d.fy,
    line: d.line,
    amount_pence: d.pence,
  }));
const staffing = (rows: readonly MonthStaff[]) =>
  rows.map((d) => ({
    month: d.month,
    fte: quantity("fte", d.fte),
    workload_index: d.workloadIndex === null ? null : quantity("workload_index", d.workloadIndex),
  }));
const STAFF_UNITS =
  "fte = average staff in post (full-time equivalent, 2 decimals); workload_index = per cent of the 2014 norm (1 decimal)";

const SCENARIO_CHARTS = [
  chart({
    id: "national-profit",
    title: "Profit or loss by financial year, all 21 CRCs",
    groups: ALL_GROUPS,
    embed: { reads: "scenario", openPath: "explorer", height: 460 },
    units: PENCE,
    csv: byYear,
  }),
  chart({
    id: "income",
    title: "Income by financial year and line, all 21 CRCs",
    groups: INCOME_GROUPS,
    embed: { reads: "scenario", openPath: "explorer", height: 520 },
    units: PENCE,
    csv: linesByYear,
  }),
  chart({
    id: "crc-profit",
    title: "Profit or loss of each CRC over the contract",
    groups: ALL_GROUPS,
    embed: { reads: "scenario", openPath: "explorer", height: 780 },
    units: PENCE,
    csv: (rows: readonly CrcProfit[]) =>
      rows.map((d) => ({
        crc: d.crc,
        crc_name: d.name,
        owner: d.owner,
        owner_name: d.ownerName,
        profit_pence: d.profitPence,
        income_pence: d.incomePence,
        cost_pence: d.costPence,
      })),
  }),
  chart({
    id: "owner-profit",
    title: "Profit or loss of each owner over the contract",
    groups: ALL_GROUPS,
    embed: { reads: "scenario", openPath: "explorer", height: 480 },
    units: PENCE,
    csv: (rows: readonly { owner: string; name: string; profitPence: number }[]) =>
      rows.map((d) => ({
        owner: d.owner,
        owner_name: d.name,
        profit_pence: d.profitPence,
      })),
  }),
  chart({
    id: "staffing",
    title: "Staff in post and workload by month, all 21 CRCs",
    groups: STAFF_GROUPS,
    embed: { reads: "scenario", openPath: "explorer", height: 640 },
    units: STAFF_UNITS,
    csv: staffing,
  }),
  chart({
    id: "comparison",
    title: "Change in each CRC's profit from the baseline",
    groups: ALL_GROUPS,
    embed: { reads: "comparison", openPath: "compare", height: 900 },
    units: PENCE,
    csv: (
      rows: readonly {
        crc: string;
        name?: string;
        scenario: string;
        scenarioLabel: string;
        basePence: number;
        profitPence: number;
        deltaPence: number;
      }[],
    ) =>
      rows.map((d) => ({
        crc: d.crc,
        crc_name: d.name ?? d.crc,
        scenario: d.scenario,
        scenario_label: d.scenarioLabel,
        baseline_profit_pence: d.basePence,
        profit_pence: d.profitPence,
        change_pence: d.deltaPence,
      })),
  }),
  chart({
    id: "delta-waterfall",
    title: "What accounts for a change: from the baseline to the scenario",
    groups: ALL_GROUPS,
    embed: null,
    units:
      "money in whole pence (100 pence = £1); each part is a fair share (Shapley value) of the change, rounded to whole pence so the parts add up exactly to it; standard_error_pence only when estimated from sampled orders (rounded to whole pence)",
    csv: (rows: readonly WaterfallStep[]) =>
      rows.map((d) => ({
        step: d.step,
        kind: d.kind,
        group: d.group,
        label: d.label,
        parameters: d.params.join(" "),
        start_pence: d.startPence,
        end_pence: d.endPence,
        change_pence: d.changePence,
        standard_error_pence:
          d.standardErrorPence === null ? null : Math.round(d.standardErrorPence),
      })),
  }),
  // One CRC's or one owner's page (no embed page: their charts are downloads only).
  chart({
    id: "focus-income",
    title: "Income by financial year and line",
    groups: INCOME_GROUPS,
    embed: null,
    units: PENCE,
    csv: linesByYear,
  }),
  chart({
    id: "focus-costs",
    title: "Costs by financial year and line",
    groups: COST_GROUPS,
    embed: null,
    units: PENCE,
    csv: linesByYear,
  }),
  chart({
    id: "focus-profit",
    title: "Profit or loss by financial year",
    groups: ALL_GROUPS,
    embed: null,
    units: PENCE,
    csv: byYear,
  }),
  chart({
    id: "focus-staffing",
    title: "Staff in post and workload by month",
    groups: STAFF_GROUPS,
    embed: null,
    units: STAFF_UNITS,
    csv: staffing,
  }),
  chart({
    id: "focus-cumulative",
    title: "Cumulative profit or loss by month",
    groups: ALL_GROUPS,
    embed: null,
    units: PENCE,
    csv: (rows: readonly { month: string; pence: number }[]) =>
      rows.map((d) => ({
        month: d.month,
        cumulative_profit_pence: d.pence,
      })),
  }),
] as const;

const MC_PENCE =
  "money in whole pence (100 pence = £1), statistics over the draws (percentiles by the engine's rule, rounded half-even to the penny); negative = a loss";

/** A Monte Carlo statistic set as columns: mean, min, p5 … p95, max, in whole pence. */
const statsColumns = (prefix: string, s: Stats) => ({
  [`${prefix}mean_pence`]: s.mean,
  [`${prefix}min_pence`]: s.min,
  [`${prefix}p5_pence`]: s.p5,
  [`${prefix}p25_pence`]: s.p25,
  [`${prefix}p50_pence`]: s.p50,
  [`${prefix}p75_pence`]: s.p75,
  [`${prefix}p95_pence`]: s.p95,
  [`${prefix}max_pence`]: s.max,
});

/**
 * A value the data writes as text ("0.55", "-1", "2015-10", "93.6 to 1134.4 (by CRC)"): a plain
 * number becomes a number cell when that writes back to the same text, so a negative end (-1) is
 * not taken for a formula and prefixed (chartCsv's defusing); any other text stays text.
 */
export function dataValueCell(text: string): CsvCell {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const n = Number(text);
  return String(n) === text ? n : text;
}

const lossProbability = (who: "crc" | "owner") => (rows: readonly LossRow[]) =>
  rows.map((d) => ({
    [who]: d.id,
    [`${who}_name`]: d.name,
    p_loss: d.pLoss,
    ...statsColumns("profit_", d.pence),
  }));

/**
 * The sampled (Monte Carlo) and sensitivity charts: their exports carry the run's seed and draws
 * (Monte Carlo) and the page's view keys in the rebuild address.
 */
const SAMPLED_AND_SENSITIVITY = [
  chart({
    id: "fan",
    title: "Monte Carlo fan chart by financial year, all 21 CRCs",
    groups: ALL_GROUPS,
    embed: { reads: "uncertainty", openPath: "uncertainty", height: 520 },
    units: MC_PENCE,
    csv: (rows: readonly FanRow[]) =>
      rows.map((d) => ({
        financial_year: d.year,
        line: d.line,
        ...statsColumns("", d.pence),
      })),
  }),
  chart({
    id: "crc-loss-probability",
    title: "Probability that each CRC loses money over the contract (Monte Carlo)",
    groups: ALL_GROUPS,
    embed: null,
    units: `p_loss = share of draws with a contract-life loss; ${MC_PENCE}`,
    csv: lossProbability("crc"),
  }),
  chart({
    id: "owner-loss-probability",
    title: "Probability that each owner loses money over the contract (Monte Carlo)",
    groups: ALL_GROUPS,
    embed: null,
    units: `p_loss = share of draws with a contract-life loss; ${MC_PENCE}`,
    csv: lossProbability("owner"),
  }),
  chart({
    id: "loss-count",
    title: "Number of loss-making CRCs over the draws (Monte Carlo)",
    groups: ALL_GROUPS,
    embed: null,
    units:
      "probability = share of draws in which exactly loss_making_crcs CRCs lose money over the contract (times the draws: a whole number of draws)",
    csv: (rows: readonly { k: number; probability: number }[]) =>
      rows.map((d) => ({
        loss_making_crcs: d.k,
        probability: d.probability,
      })),
  }),
  chart({
    id: "tornado",
    title: "Tornado: each parameter at its low and its high end",
    groups: ALL_GROUPS,
    embed: { reads: "sensitivity", openPath: "sensitivity", height: 720 },
    units:
      "money in whole pence (100 pence = £1); low_value and high_value in the parameter's own unit, as data/parameters.csv writes them; every row of the tornado, largest swing first (the chart draws the top 15)",
    csv: (rows: readonly TornadoExportRow[]) =>
      rows.map((d) => ({
        rank: d.rank,
        parameter: d.parameter,
        label: d.label,
        unit: d.unit,
        all_crcs_at_once: d.perCrc ? "yes" : "no",
        low_value: dataValueCell(d.lowValue),
        high_value: dataValueCell(d.highValue),
        base_pence: d.basePence,
        output_at_low_pence: d.outputAtLowPence,
        output_at_high_pence: d.outputAtHighPence,
        swing_pence: d.swingPence,
        status: d.status,
        source: d.source,
        note: d.note,
      })),
  }),
  chart({
    id: "grid",
    title: "Two-way grid",
    groups: ALL_GROUPS,
    embed: null,
    units:
      "output_pence in whole pence (100 pence = £1); x and y in their parameter's own unit (the shortfall shift in share points)",
    csv: (rows: readonly GridExportRow[]) =>
      rows.map((d) => ({
        x_parameter: d.xParameter,
        x: d.x,
        y_parameter: d.yParameter,
        y: d.y,
        output_pence: d.valuePence,
      })),
  }),
  chart({
    id: "break-even",
    title: "Break-even by CRC",
    groups: ALL_GROUPS,
    embed: null,
    units:
      "lever values in the lever's unit (in the title); profits are the CRC's contract-life profit from the exact engine, in whole pence; break_even_value empty = none within the allowed range (below/above are then the range's ends)",
    csv: (rows: readonly BreakEvenRow[]) =>
      rows.map((d) => ({
        crc: d.crc,
        crc_name: d.name,
        owner_name: d.owner,
        current_value: d.current,
        current_profit_pence: d.currentProfitPence,
        allowed_min: d.allowed.min,
        allowed_max: d.allowed.max,
        break_even_value: d.breakEven,
        exact_profit_pence: d.exactProfitPence,
        below_value: d.lower.value,
        below_profit_pence: d.lower.exactProfitPence,
        above_value: d.upper.value,
        above_profit_pence: d.upper.exactProfitPence,
        checked_by_exact_engine: d.checked ? "yes" : "no",
      })),
  }),
  // The Calibration page's back-test of a vintage (issue #14): no scenario, no embed page.
  chart({
    id: "back-test",
    title: "Back-test: figures published later against the model's 5–95%",
    groups: ALL_GROUPS,
    embed: null,
    units:
      "money in whole pence (100 pence = £1), rounded from weighted percentiles of the posterior's prior draws; a figure about losses is the size of the loss (losses.beforeVariation and losses.afterVariation measure a profit and are negated, as on the page); covered = the published figure is inside the 5–95% widened by the target's tolerance (or on the allowed side of a bound)",
    csv: (rows: readonly BackTestPoint[]) =>
      rows.map((d) => ({
        as_of: d.asOf,
        target: d.target,
        published_pence: d.pence.published,
        p5_pence: d.pence.p5,
        p50_pence: d.pence.p50,
        p95_pence: d.pence.p95,
        prior_p5_pence: d.pence.priorP5,
        prior_p95_pence: d.pence.priorP95,
        covered: d.covers ? "yes" : "no",
      })),
  }),
] as const;

const ALL_CHARTS = [...SCENARIO_CHARTS, ...SAMPLED_AND_SENSITIVITY] as const;

/** Every chart, in the site's order. */
export const CHARTS: readonly AnyChartSpec[] = ALL_CHARTS;

/** A chart's id. */
export type ChartId = (typeof ALL_CHARTS)[number]["id"];

/** The charts that have an embed page (docs/embed/[chart].md; observablehq.config.ts). */
export const EMBED_CHART_IDS: readonly string[] = CHARTS.filter((c) => c.embed !== null).map(
  (c) => c.id,
);

/**
 * A chart's spec, or a thrown error naming the known ids (an unknown id is a bug in a page). A
 * known id gives the spec with its own rows' type.
 */
export function chartSpec<Id extends ChartId>(
  id: Id,
): Extract<(typeof ALL_CHARTS)[number], { id: Id }>;
export function chartSpec(id: string): AnyChartSpec;
export function chartSpec(id: string): AnyChartSpec {
  const spec = CHARTS.find((c) => c.id === id);
  if (!spec)
    throw new Error(`unknown chart "${id}"; charts: ${CHARTS.map((c) => c.id).join(", ")}`);
  return spec;
}
