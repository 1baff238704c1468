import * as aq from "arquero";
import type { TidyRow } from "../engine/roll-up.ts";
import { COST_LINES, INCOME_LINES } from "../engine/lines.ts";
import { LINE_WORDS } from "./line-words.ts";

/**
 * The Compare page's tables: key outputs of a baseline and up to six scenarios side by side,
 * with the difference from the baseline, reshaped through Arquero. Money stays in whole pence
 * (every figure is an integer far below 2^53, so each difference is exact to the penny).
 */

/** One projected scenario as the Compare page holds it (a slice of the worker's ProjectionView). */
export interface ComparedScenario {
  /** The selection id: a preset id, or `saved:<name>`. */
  readonly id: string;
  readonly label: string;
  readonly hash: string;
  readonly summary: {
    readonly mojSpendPence: number;
    readonly crcProfitPence: number;
    readonly lossMakingCrcs: number;
    readonly crcs: ReadonlyArray<{ crc: string; owner: string; profitPence: number }>;
  };
  /** Contract-life roll-up rows (the nation's are `crc = owner = ALL`). */
  readonly total: readonly TidyRow[];
}

export interface Metric {
  readonly metric: string;
  readonly label: string;
  readonly unit: "pence" | "count";
}

/** The outputs compared, in display order. */
export const METRICS: readonly Metric[] = [
  { metric: "moj_spend", label: "MoJ spend", unit: "pence" },
  { metric: "crc_profit", label: "CRCs' profit or loss", unit: "pence" },
  { metric: "loss_making", label: "Loss-making CRCs", unit: "count" },
  ...[...INCOME_LINES, "income_total" as const, ...COST_LINES, "cost_total" as const].map(
    (line): Metric => ({
      metric: line,
      label: LINE_WORDS[line].inTable,
      unit: "pence",
    }),
  ),
];

/** One cell of the comparison: a scenario's value of a metric and its change from the baseline. */
export interface ComparisonRow {
  metric: string;
  label: string;
  unit: "pence" | "count";
  scenario: string;
  scenarioLabel: string;
  hash: string;
  baseline: boolean;
  value: number;
  /** value − baseline value (exact: integers). */
  delta: number;
  /**
   * Change as a per cent of the baseline's magnitude; null ("n/a") when a per cent would mislead
   * (issue #16): the baseline is 0, the value has the other sign (a profit turned into a loss), or
   * a money baseline is under PCT_MIN_BASE_PENCE in size (+5,300% on a £6.5m base says nothing).
   */
  pctChange: number | null;
}

/** Money baselines smaller than this (£10m) get no % change: the change in £ says it. */
export const PCT_MIN_BASE_PENCE = 1_000_000_000;

function metricValues(s: ComparedScenario): Map<string, number> {
  const values = new Map<string, number>([
    ["moj_spend", s.summary.mojSpendPence],
    ["crc_profit", s.summary.crcProfitPence],
    ["loss_making", s.summary.lossMakingCrcs],
  ]);
  for (const r of s.total) {
    if (r.crc === "ALL" && r.owner === "ALL") values.set(r.line, r.amount);
  }
  return values;
}

/**
 * The comparison in long form, metric by metric, baseline first then the scenarios in the order
 * given: each value, its delta from the baseline and the % change (baseline's delta is 0).
 */
export function compareScenarios(
  base: ComparedScenario,
  others: readonly ComparedScenario[],
): ComparisonRow[] {
  const all = [base, ...others];
  const long: Array<Record<string, unknown>> = [];
  all.forEach((s, order) => {
    const values = metricValues(s);
    METRICS.forEach((m, mi) => {
      long.push({
        mi,
        order,
        metric: m.metric,
        label: m.label,
        unit: m.unit,
        scenario: s.id,
        scenarioLabel: s.label,
        hash: s.hash,
        baseline: order === 0,
        value: values.get(m.metric) ?? 0,
      });
    });
  });
  const baseValues = aq
    .from(long)
    .params({ zero: 0 })
    .filter((d: { order: number }, $: { zero: number }) => d.order === $.zero)
    .select("metric", "value")
    .rename({ value: "baseValue" });
  type Cell = { value: number; baseValue: number; unit: string };
  const joined = aq
    .from(long)
    .join_left(baseValues, "metric")
    .params({ minBase: PCT_MIN_BASE_PENCE })
    .derive({
      delta: (d: Cell) => d.value - d.baseValue,
      pctChange: (d: Cell, $: { minBase: number }) =>
        d.baseValue === 0 ||
        d.value * d.baseValue < 0 ||
        (d.unit === "pence" && aq.op.abs(d.baseValue) < $.minBase)
          ? null
          : ((d.value - d.baseValue) / aq.op.abs(d.baseValue)) * 100,
    })
    .orderby("mi", "order")
    .select(
      "metric",
      "label",
      "unit",
      "scenario",
      "scenarioLabel",
      "hash",
      "baseline",
      "value",
      "delta",
      "pctChange",
    );
  return joined.objects() as unknown as ComparisonRow[];
}

/** The comparison pivoted wide: one row per metric, value / delta / % columns per scenario. */
export function comparisonByMetric(rows: readonly ComparisonRow[]): Array<{
  metric: string;
  label: string;
  unit: "pence" | "count";
  cells: ComparisonRow[];
}> {
  const byMetric = new Map<string, ComparisonRow[]>();
  for (const r of rows) byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r]);
  return [...byMetric.values()].map((cells) => ({
    metric: cells[0]!.metric,
    label: cells[0]!.label,
    unit: cells[0]!.unit,
    cells,
  }));
}

export interface CrcDelta {
  crc: string;
  scenario: string;
  scenarioLabel: string;
  basePence: number;
  profitPence: number;
  /** profit − baseline profit of this CRC (exact). */
  deltaPence: number;
}

/** Each CRC's contract-life profit change from the baseline, per compared scenario. */
export function crcProfitDeltas(
  base: ComparedScenario,
  others: readonly ComparedScenario[],
): CrcDelta[] {
  const baseTable = aq
    .from(base.summary.crcs.map((c) => ({ crc: c.crc, basePence: c.profitPence })))
    .derive({ crcOrder: () => aq.op.row_number() });
  const rows = others.flatMap((s, order) =>
    s.summary.crcs.map((c) => ({
      order,
      crc: c.crc,
      scenario: s.id,
      scenarioLabel: s.label,
      profitPence: c.profitPence,
    })),
  );
  if (rows.length === 0) return [];
  return aq
    .from(rows)
    .join_left(baseTable, "crc")
    .derive({
      deltaPence: (d: { profitPence: number; basePence: number }) => d.profitPence - d.basePence,
    })
    .orderby("crcOrder", "order")
    .select("crc", "scenario", "scenarioLabel", "basePence", "profitPence", "deltaPence")
    .objects() as unknown as CrcDelta[];
}

/** A CSV comment line: one line, no line breaks a reader could mistake for data. */
function comment(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, " ")}`;
}

/**
 * The comparison as CSV (Arquero `toCSV`), preceded by `#` comment lines naming the baseline and
 * each scenario with its hash. Money columns are whole pence; % change is blank when undefined.
 */
export function comparisonCsv(
  rows: readonly ComparisonRow[],
  scenarios: ReadonlyArray<Pick<ComparedScenario, "id" | "label" | "hash">>,
): string {
  const header = [
    comment("crc-scenarios comparison; money in whole pence, % change vs the baseline"),
    ...scenarios.map((s, i) =>
      comment(`${i === 0 ? "baseline" : `scenario ${i}`}: ${s.id} "${s.label}" hash ${s.hash}`),
    ),
  ];
  const body = aq
    .from(
      rows.map((r) => ({
        metric: r.metric,
        label: r.label,
        unit: r.unit,
        scenario: r.scenario,
        hash: r.hash,
        baseline: r.baseline,
        value: r.value,
        delta: r.delta,
        pct_change: r.pctChange === null ? null : Number(r.pctChange.toFixed(6)),
      })),
    )
    .toCSV();
  return `${header.join("\n")}\n${body}${body.endsWith("\n") ? "" : "\n"}`;
}
