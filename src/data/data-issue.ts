import { quote } from "../issues/describe-value.ts";
import type { Issue } from "../issues/issue.ts";

/*
 * A problem in a data file is the one `Issue` (issue #13), at the place to open the file:
 * `data/crcs.csv:5 [owner_id]` (the line is 1-based, header included, so row 1 is the header;
 * no column when the problem is the whole row or file).
 */

/** Where in the data a problem is: `data/<file>:<line> [column]`. */
export function dataPath(file: string, line: number, column: string): string {
  return `data/${file}:${line}${column === "" ? "" : ` [${column}]`}`;
}

/**
 * A data problem with the cell's value first (`"6": owner sodexo has 5 CRCs in crcs.csv …`; a refused choice is
 * worded by the kit's `oneOf`, `"sodexho" is not one of …`), quoted as the
 * issues kit quotes a user's text; no value when the cell is blank or there is none.
 */
export function dataIssue(
  file: string,
  line: number,
  column: string,
  value: string,
  message: string,
): Issue {
  return {
    path: dataPath(file, line, column),
    message: value === "" ? message : `${quote(value)}: ${message}`,
  };
}
