import type { Issue } from "../issues/issue.ts";

/**
 * One problem found in the data files, as the readers collect it. `row` is the 1-based line
 * number in the file, header included (row 1 = the header), so a reviewer can open the file at
 * that line; `column` is the CSV column name ("" when the problem is the whole row or file).
 * Callers outside the readers see it as the one `Issue` (`asIssue`).
 */
export interface DataIssue {
  file: string;
  row: number;
  column: string;
  value: string;
  message: string;
}

/**
 * The one `Issue` of a data problem (issue #13): the path is where to open the file
 * (`data/crcs.csv:5 [owner_id]`), the message the value and what is wrong with it, so
 * `formatIssue` prints `data/crcs.csv:5 [owner_id]: "sodexho": unknown owner id …`.
 */
export function asIssue(issue: DataIssue): Issue {
  const where = issue.column ? ` [${issue.column}]` : "";
  const value = issue.value === "" ? "" : `${JSON.stringify(issue.value)}: `;
  return { path: `data/${issue.file}:${issue.row}${where}`, message: `${value}${issue.message}` };
}
