import type ExcelJS from "exceljs";
import type { Dataset } from "../data/index.ts";
import { ALL, type TidyRow } from "../engine/roll-up.ts";
import type { MergedScenario } from "../scenario/scenario.ts";
import type { Summary } from "../scenario/summarize.ts";
import { scenarioInputRows } from "../site/scenario-inputs.ts";
import { addLinesSheet } from "./lines-sheet.ts";
import { addProvenanceSheet, type WorkbookProvenance } from "./provenance-sheet.ts";
import { addTableSheet, newWorkbook, type TableColumn } from "./sheet-table.ts";

/** One projected scenario, as the workbook needs it: plain values (the worker's too). */
export interface ScenarioWorkbookInput {
  readonly summary: Summary;
  /** Every CRC, owner (crc = ALL) and the nation (both ALL), by financial year. */
  readonly fy: readonly TidyRow[];
  readonly merged: MergedScenario;
  readonly dataset: Dataset;
  readonly provenance: WorkbookProvenance;
}

/** Sheet names, in order (a test and the README list them). */
export const SCENARIO_SHEETS = [
  "Summary",
  "Profit by CRC",
  "Lines by year",
  "Inputs",
  "Provenance",
] as const;

/** Headline figures: each as £ with its exact pence beside it (hidden). */
function summarySheet(workbook: ExcelJS.Workbook, s: Summary): void {
  const money = (measure: string, pence: number) => ({ measure, amount: pence, pence });
  const count = (measure: string, n: number) => ({ measure, amount: null, count: n, pence: null });
  addTableSheet(
    workbook,
    "Summary",
    [
      { header: "measure", key: "measure", width: 58 },
      { header: "amount (£)", key: "amount", width: 20, kind: "pounds" },
      { header: "count", key: "count", width: 8, kind: "number" },
      { header: "amount_pence", key: "pence", width: 18, kind: "pence" },
    ],
    [
      money("MoJ spend over the contract (every income line)", s.mojSpendPence),
      money("CRCs' profit (negative: loss) over the contract", s.crcProfitPence),
      count("Loss-making CRCs over the contract", s.lossMakingCrcs),
      money("CRCs' profit from 2016-17 (basis of the published losses)", s.from2016.crcProfitPence),
      count("Loss-making CRCs from 2016-17", s.from2016.lossMakingCrcs),
    ],
  );
}

/** Profit and loss by CRC (then owners, then the nation) and financial year, with the total. */
function profitSheet(workbook: ExcelJS.Workbook, fy: readonly TidyRow[], dataset: Dataset): void {
  const profit = fy.filter((r) => r.line === "profit");
  const years = [...new Set(profit.map((r) => r.period))];
  const names = new Map<string, string>([
    ...dataset.crcs.map((c): [string, string] => [c.id, c.name]),
    ...dataset.owners.map((o): [string, string] => [o.id, o.name]),
  ]);
  const byGroup = new Map<string, Record<string, string | number | null>>();
  for (const r of profit) {
    const key = `${r.crc}|${r.owner}`;
    let row = byGroup.get(key);
    if (row === undefined) {
      const name =
        r.crc !== ALL ? names.get(r.crc) : r.owner !== ALL ? names.get(r.owner) : "All CRCs";
      row = { name: name ?? r.crc, crc: r.crc, owner: r.owner, total: 0 };
      byGroup.set(key, row);
    }
    row[r.period] = r.amount;
    row.total = (row.total as number) + r.amount;
  }
  const columns: TableColumn[] = [
    { header: "name", key: "name", width: 34 },
    { header: "crc", key: "crc", width: 22 },
    { header: "owner", key: "owner", width: 18 },
    ...years.map((y): TableColumn => ({ header: y, key: y, width: 16, kind: "pounds" })),
    { header: "contract total", key: "total", width: 18, kind: "pounds" },
  ];
  addTableSheet(workbook, "Profit by CRC", columns, [...byGroup.values()]);
}

/** The scenario's inputs: every lever and every value it sets, with status, source and reason. */
function inputsSheet(workbook: ExcelJS.Workbook, merged: MergedScenario, dataset: Dataset): void {
  const cite = new Map(dataset.sources.map((s) => [s.id, s.citation]));
  const national = new Map(dataset.parameters.filter((p) => p.crc === null).map((p) => [p.id, p]));
  const rows = scenarioInputRows(dataset, merged).map((r) => {
    const id = r.key.split(" (")[0]!;
    const data = national.get(id);
    return {
      group: r.group,
      parameter: r.key,
      label: r.label,
      value: r.value,
      unit: r.unit,
      setBy: r.setBy,
      status: r.setBy === "scenario" ? "set by the scenario" : r.status,
      source: data?.sourceId ? (cite.get(data.sourceId) ?? data.sourceId) : "",
      reason: data?.reason ?? "",
    };
  });
  addTableSheet(
    workbook,
    "Inputs",
    [
      { header: "group", key: "group", width: 24 },
      { header: "parameter", key: "parameter", width: 34 },
      { header: "label", key: "label", width: 40 },
      { header: "value", key: "value", width: 16 },
      { header: "unit", key: "unit", width: 12 },
      { header: "set by", key: "setBy", width: 10 },
      { header: "status", key: "status", width: 18 },
      { header: "source", key: "source", width: 50 },
      { header: "reason", key: "reason", width: 60 },
    ],
    rows,
  );
}

/**
 * The workbook of one scenario (CLI `run --format xlsx`, the pages' "Download workbook").
 */
export async function scenarioWorkbook(input: ScenarioWorkbookInput): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook(input.provenance.generatedAt);
  summarySheet(workbook, input.summary);
  profitSheet(workbook, input.fy, input.dataset);
  addLinesSheet(workbook, [input.fy], (fy) => fy);
  inputsSheet(workbook, input.merged, input.dataset);
  addProvenanceSheet(workbook, input.provenance);
  return workbook;
}
