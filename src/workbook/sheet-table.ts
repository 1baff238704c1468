import type ExcelJS from "exceljs";

/**
 * How a workbook shows money: pounds as numbers (so sums and charts work in a spreadsheet),
 * formatted £ with pence, negatives in brackets as accountants read them. The exact whole-pence
 * value sits beside it in a hidden `*_pence` column (issue #19).
 */
export const POUNDS_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';

/**
 * An empty workbook made by crc-scenarios at `created`. exceljs is loaded here, on first use:
 * it is most of a megabyte, and every command without a workbook starts without it (issue #19's
 * start-up targets).
 */
export async function newWorkbook(created: Date): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "crc-scenarios";
  workbook.created = created;
  return workbook;
}

/** A column of a table sheet: a heading, a width in characters, and what kind of values. */
export interface TableColumn {
  readonly header: string;
  readonly key: string;
  readonly width: number;
  /** "pounds": a pence value shown as £; "pence": exact integer pence, hidden. */
  readonly kind?: "text" | "number" | "pounds" | "pence";
  readonly format?: string;
}

/** A sheet holding one table: bold frozen header row, set widths, money formatted. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly TableColumn[],
  rows: readonly Record<string, string | number | null>[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    hidden: c.kind === "pence",
    ...(c.kind === "pounds"
      ? { style: { numFmt: POUNDS_FORMAT } }
      : c.format
        ? { style: { numFmt: c.format } }
        : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const values: Record<string, string | number | null> = {};
    for (const c of columns) {
      const value = row[c.key] ?? null;
      // Pounds are derived from the exact pence here, once: pence / 100 is the nearest double
      // to the pounds-and-pence value, and × 100 rounds back to the same pence.
      values[c.key] = c.kind === "pounds" && typeof value === "number" ? value / 100 : value;
    }
    sheet.addRow(values);
  }
  return sheet;
}
