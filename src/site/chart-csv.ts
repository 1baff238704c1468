import * as aq from "arquero";
import type { CsvCell, CsvRow } from "./chart-catalog.ts";
import { csvCommentLines, type ExportProvenance } from "./export-provenance.ts";

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start: OWASP
 * "CSV injection") gets a leading apostrophe; so does one starting with "#", which a reader
 * skipping comment lines would drop if it began a row. Numbers are never touched, so negative
 * amounts stay numbers; names come from the data or from a user's saved scenario.
 */
export function defuseCell(value: CsvCell): CsvCell {
  return typeof value === "string" && /^[=+\-@\t\r#]/.test(value) ? `'${value}` : value;
}

/**
 * A chart's data as CSV (Arquero `toCSV`), preceded by `#` comment lines with its provenance
 * (readers such as Arquero's `fromCSV({comment: "#"})` or pandas' `comment="#"` skip them).
 * Columns are those of the first row; every row must have the same columns.
 */
export function chartCsv(rows: readonly CsvRow[], provenance: ExportProvenance): string {
  const header = csvCommentLines(provenance).join("\n");
  if (rows.length === 0) return `${header}\n`;
  const columns = Object.keys(rows[0]!);
  for (const [i, row] of rows.entries()) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length || keys.some((k, j) => k !== columns[j]))
      throw new Error(
        `chartCsv: row ${i} has columns ${keys.join(",")}, expected ${columns.join(",")}`,
      );
  }
  const safe = rows.map((row) =>
    Object.fromEntries(columns.map((c) => [c, defuseCell(row[c] ?? null)])),
  );
  const body = aq.from(safe).toCSV();
  return `${header}\n${body}${body.endsWith("\n") ? "" : "\n"}`;
}
