import type ExcelJS from "exceljs";
import { MONEY_LINES } from "../engine/lines.ts";
import type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
import type { MonteCarloRow } from "../uncertainty/summary-table.ts";
import { addProvenanceSheet, type WorkbookProvenance } from "./provenance-sheet.ts";
import { TIDY_COLUMNS } from "./lines-sheet.ts";
import { addTableSheet, newWorkbook } from "./sheet-table.ts";

export const MONTE_CARLO_SHEETS = ["Monte Carlo", "Sampled parameters", "Provenance"] as const;

/** Statistics of an amount of money (the others are shares or counts). */
const AMOUNT_STATISTICS = new Set(["mean", "min", "p5", "p25", "p50", "p75", "p95", "max"]);
const MONEY = new Set<string>([...MONEY_LINES, "losses"]);

/**
 * A Monte Carlo run as a workbook (CLI `mc --format xlsx`): the rows of `mc --format csv` in
 * their order, money statistics as £ and the rest (probabilities, counts) as numbers, each
 * row's CSV value exactly in a hidden `value` column; what was sampled; and the provenance with
 * the seed and draws.
 */
export async function monteCarloWorkbook(input: {
  readonly summary: MonteCarloSummary;
  readonly rows: readonly MonteCarloRow[];
  readonly provenance: WorkbookProvenance;
}): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook(input.provenance.generatedAt);
  addTableSheet(
    workbook,
    "Monte Carlo",
    [
      ...TIDY_COLUMNS,
      { header: "statistic", key: "statistic", width: 22 },
      { header: "amount (£)", key: "pounds", width: 18, kind: "pounds" },
      { header: "share or count", key: "number", width: 16, kind: "number", format: "0.0000" },
      { header: "value", key: "value", width: 16, kind: "pence" },
    ],
    input.rows.map((r) => {
      const money = MONEY.has(r.line) && AMOUNT_STATISTICS.has(r.statistic);
      return {
        crc: r.crc,
        owner: r.owner,
        period: r.period,
        line: r.line,
        statistic: r.statistic,
        pounds: money ? r.value : null,
        number: money ? null : r.value,
        value: r.value,
      };
    }),
  );
  addTableSheet(
    workbook,
    "Sampled parameters",
    [
      { header: "parameter", key: "id", width: 36 },
      { header: "shape", key: "shape", width: 12 },
      { header: "correlation across CRCs", key: "correlation", width: 22, kind: "number" },
      { header: "range from", key: "range", width: 12 },
    ],
    input.summary.sampled.map((s) => ({ ...s })),
  );
  addProvenanceSheet(workbook, input.provenance);
  return workbook;
}
