import type ExcelJS from "exceljs";
import type { Dataset } from "../data/index.ts";
import type { TidyRow } from "../engine/roll-up.ts";
import type { MergedScenario } from "../scenario/scenario.ts";
import type { Summary } from "../scenario/summarize.ts";
import {
  compareScenarios,
  crcProfitDeltas,
  type ComparedScenario,
  type ComparisonRow,
} from "../site/compare.ts";
import { inputsComparison } from "../site/scenario-inputs.ts";
import { addLinesSheet } from "./lines-sheet.ts";
import { addProvenanceSheet, type WorkbookProvenance } from "./provenance-sheet.ts";
import { addTableSheet, newWorkbook, POUNDS_FORMAT, type TableColumn } from "./sheet-table.ts";

/** One scenario of a comparison: its label and hash, and its projection's plain values. */
export interface ComparedInput {
  readonly label: string;
  readonly hash: string;
  readonly summary: Summary;
  /** By financial year, every group (as `run --by fy`). */
  readonly fy: readonly TidyRow[];
  /** Over the contract, every group. */
  readonly total: readonly TidyRow[];
  readonly merged: MergedScenario;
}

export const COMPARISON_SHEETS = [
  "Comparison",
  "Profit by CRC",
  "Inputs",
  "Lines by year",
  "Provenance",
] as const;

/**
 * The key metrics side by side: each scenario's value and its difference from the baseline.
 * Money metrics in £ (pence / 100, which rounds back to the same pence), counts as they are.
 */
function comparisonSheet(
  workbook: ExcelJS.Workbook,
  rows: readonly ComparisonRow[],
  labels: readonly string[],
): void {
  const byMetric = new Map<string, Record<string, string | number | null>>();
  for (const r of rows) {
    let row = byMetric.get(r.metric);
    if (row === undefined) {
      row = { metric: r.label, unit: r.unit === "pence" ? "£" : "count" };
      byMetric.set(r.metric, row);
    }
    const i = Number(r.scenario);
    const scale = r.unit === "pence" ? 100 : 1;
    row[`v${i}`] = r.value / scale;
    if (i > 0) row[`d${i}`] = r.delta / scale;
  }
  const columns: TableColumn[] = [
    { header: "metric", key: "metric", width: 34 },
    { header: "unit", key: "unit", width: 7 },
  ];
  labels.forEach((label, i) => {
    columns.push({ header: i === 0 ? `${label} (baseline)` : label, key: `v${i}`, width: 22 });
    if (i > 0) columns.push({ header: `${label}: change`, key: `d${i}`, width: 22 });
  });
  const sheet = addTableSheet(workbook, "Comparison", columns, [...byMetric.values()]);
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(2).value === "£")
      row.eachCell((cell, c) => {
        if (c > 2) cell.numFmt = POUNDS_FORMAT;
      });
  });
}

/** Each CRC's contract-life profit in every scenario, with its change from the baseline. */
function profitSheet(
  workbook: ExcelJS.Workbook,
  scenarios: readonly ComparedScenario[],
  labels: readonly string[],
): void {
  const [base, ...others] = scenarios as [ComparedScenario, ...ComparedScenario[]];
  const deltas = crcProfitDeltas(base, others);
  const rows = base.summary.crcs.map((c) => {
    const row: Record<string, string | number | null> = {
      crc: c.crc,
      owner: c.owner,
      v0: c.profitPence,
    };
    deltas
      .filter((d) => d.crc === c.crc)
      .forEach((d) => {
        const i = others.findIndex((o) => o.id === d.scenario) + 1;
        row[`v${i}`] = d.profitPence;
        row[`d${i}`] = d.deltaPence;
      });
    return row;
  });
  const columns: TableColumn[] = [
    { header: "crc", key: "crc", width: 22 },
    { header: "owner", key: "owner", width: 18 },
  ];
  labels.forEach((label, i) => {
    columns.push({
      header: i === 0 ? `${label} (baseline)` : label,
      key: `v${i}`,
      width: 20,
      kind: "pounds",
    });
    if (i > 0)
      columns.push({ header: `${label}: change`, key: `d${i}`, width: 20, kind: "pounds" });
  });
  addTableSheet(workbook, "Profit by CRC", columns, rows);
}

/** The inputs side by side, with whether they differ. */
function inputsSheet(
  workbook: ExcelJS.Workbook,
  dataset: Dataset,
  scenarios: readonly ComparedInput[],
): void {
  const rows = inputsComparison(
    dataset,
    scenarios.map((s) => s.merged),
  ).map((r) => {
    const row: Record<string, string | number | null> = {
      group: r.group,
      parameter: r.key,
      label: r.label,
      unit: r.unit,
      differs: r.differs ? "yes" : "",
    };
    r.values.forEach((v, i) => (row[`v${i}`] = v));
    return row;
  });
  addTableSheet(
    workbook,
    "Inputs",
    [
      { header: "group", key: "group", width: 24 },
      { header: "parameter", key: "parameter", width: 34 },
      { header: "label", key: "label", width: 40 },
      { header: "unit", key: "unit", width: 12 },
      { header: "differs", key: "differs", width: 8 },
      ...scenarios.map((s, i): TableColumn => ({ header: s.label, key: `v${i}`, width: 20 })),
    ],
    rows,
  );
}

/**
 * A comparison workbook (CLI `run A B … --format xlsx`, the Compare page): the first scenario
 * is the baseline; metrics, CRC profits and inputs side by side with the differences.
 */
export async function comparisonWorkbook(input: {
  readonly scenarios: readonly ComparedInput[];
  readonly dataset: Dataset;
  readonly provenance: WorkbookProvenance;
}): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook(input.provenance.generatedAt);
  const compared: ComparedScenario[] = input.scenarios.map((s, i) => ({
    id: `${i}`,
    label: s.label,
    hash: s.hash,
    summary: s.summary,
    total: s.total,
  }));
  const [base, ...others] = compared as [ComparedScenario, ...ComparedScenario[]];
  comparisonSheet(
    workbook,
    compareScenarios(base, others),
    input.scenarios.map((s) => s.label),
  );
  profitSheet(
    workbook,
    compared,
    input.scenarios.map((s) => s.label),
  );
  inputsSheet(workbook, input.dataset, input.scenarios);
  addLinesSheet(
    workbook,
    input.scenarios,
    (s) => s.fy,
    [
      { header: "scenario", key: "scenario", width: 30 },
      { header: "hash", key: "hash", width: 18 },
    ],
    (s) => ({ scenario: s.label, hash: s.hash }),
  );
  addProvenanceSheet(workbook, input.provenance);
  return workbook;
}
