import { csvParse } from "d3";
import type { Issue } from "../issues/issue.ts";
import { dataIssue } from "./data-issue.ts";

/** One data row: its cells by column name, and its line number in the file (header = 1). */
export interface TableRow {
  line: number;
  cells: Record<string, string>;
}

export interface Table {
  rows: TableRow[];
  issues: Issue[];
  /** false when the header is wrong (then `rows` is empty) */
  readable: boolean;
}

/**
 * Parse RFC 4180 CSV text (d3-dsv) and check its header is exactly `columns`. Blank lines are
 * skipped. Line numbers are exact because a field may not contain a line break (checked).
 * When the header is wrong the rows are not returned, so one missing column gives one issue,
 * not one per row.
 */
export function readTable(file: string, text: string, columns: readonly string[]): Table {
  const parsed = csvParse(text.replace(/^\uFEFF/, ""));
  const issues: Issue[] = [];
  const header = parsed.columns;
  const expected = columns.join(",");
  for (const column of columns) {
    if (!header.includes(column)) {
      issues.push(
        dataIssue(
          file,
          1,
          column,
          "",
          `missing column "${column}"; the header must be: ${expected}`,
        ),
      );
    }
  }
  for (const column of header) {
    if (!columns.includes(column)) {
      issues.push(
        dataIssue(
          file,
          1,
          column,
          column,
          `unexpected column "${column}"; the header must be: ${expected}`,
        ),
      );
    }
  }
  if (issues.length > 0) return { rows: [], issues, readable: false };

  const rows: TableRow[] = [];
  parsed.forEach((record, k) => {
    const line = k + 2;
    const cells: Record<string, string> = {};
    for (const column of columns) cells[column] = (record[column] ?? "").trim();
    if (Object.values(cells).every((v) => v === "")) return;
    for (const column of columns) {
      if (/[\r\n]/.test(cells[column]!)) {
        issues.push(
          dataIssue(
            file,
            line,
            column,
            cells[column]!,
            "line break inside a field: keep each row on one line",
          ),
        );
      }
    }
    rows.push({ line, cells });
  });
  return { rows, issues, readable: true };
}
