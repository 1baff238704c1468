import type ExcelJS from "exceljs";
import { MONEY_LINES } from "../engine/lines.ts";
import type { TidyRow } from "../engine/roll-up.ts";
import { formatAmount } from "../engine/tidy-csv.ts";
import { addTableSheet, type TableColumn } from "./sheet-table.ts";

const MONEY = new Set<string>(MONEY_LINES);

/** The columns of a tidy row in a sheet: where and which line, then its amount. */
export const TIDY_COLUMNS: readonly TableColumn[] = [
  { header: "crc", key: "crc", width: 22 },
  { header: "owner", key: "owner", width: 18 },
  { header: "period", key: "period", width: 10 },
  { header: "line", key: "line", width: 18 },
];

const AMOUNT_COLUMNS: readonly TableColumn[] = [
  { header: "amount (£)", key: "pounds", width: 18, kind: "pounds" },
  { header: "FTE or workload %", key: "quantity", width: 18, kind: "number", format: "0.00" },
  { header: "amount_pence", key: "pence", width: 16, kind: "pence" },
];

/** A tidy row's cells: money as £, FTE and workload as numbers, `pence` exactly the CSV's. */
function lineCells(r: TidyRow): Record<string, string | number | null> {
  const money = MONEY.has(r.line);
  return {
    crc: r.crc,
    owner: r.owner,
    period: r.period,
    line: r.line,
    pounds: money ? r.amount : null,
    quantity: money ? null : Number(formatAmount(r)),
    pence: Number(formatAmount(r)),
  };
}

/**
 * The "Lines by year" sheet: every line by financial year, the rows of `crc-scenarios run --by
 * fy` in their order, each under `lead` columns (a comparison's `scenario` and `hash`) whose
 * values `leadOf` gives. One sheet, the same in a scenario's and a comparison's workbook.
 */
export function addLinesSheet<T>(
  workbook: ExcelJS.Workbook,
  groups: readonly T[],
  rowsOf: (group: T) => readonly TidyRow[],
  lead: readonly TableColumn[] = [],
  leadOf: (group: T) => Record<string, string> = () => ({}),
): void {
  addTableSheet(
    workbook,
    "Lines by year",
    [...lead, ...TIDY_COLUMNS, ...AMOUNT_COLUMNS],
    groups.flatMap((g) => {
      const leading = leadOf(g);
      return rowsOf(g).map((r) => ({ ...leading, ...lineCells(r) }));
    }),
  );
}
