/**
 * One problem found in the data files. `row` is the 1-based line number in the file, header
 * included (row 1 = the header), so a reviewer can open the file at that line; `column` is the
 * CSV column name ("" when the problem is the whole row or file).
 */
export interface DataIssue {
  file: string;
  row: number;
  column: string;
  value: string;
  message: string;
}

/** `data/crcs.csv:5 [owner_id] "sodexho": unknown owner id ...` — one line per issue. */
export function formatIssue(issue: DataIssue): string {
  const where = issue.column ? ` [${issue.column}]` : "";
  const value = issue.value === "" ? "" : ` ${JSON.stringify(issue.value)}:`;
  return `data/${issue.file}:${issue.row}${where}${value} ${issue.message}`;
}
