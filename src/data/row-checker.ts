import type { Issue } from "../issues/issue.ts";
import { listChoices, oneOf } from "../issues/readers.ts";
import { dataIssue, dataPath } from "./data-issue.ts";
import type { TableRow } from "./read-table.ts";
import { UNIT_NAMES, type Unit } from "./units.ts";

/** Kebab-case ids for sources, owners and CRCs: `nao-hc676-2017-12-19`, `cheshire-gm`. */
export const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Dotted camelCase ids for figures and parameters: `ffs.fixedShare`, `volume.shortfall.2015-16`. */
export const DOTTED_ID = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+(-[A-Za-z0-9]+)*)*$/;

/** Issue-recording checks on one row; each returns the cell (or null) and records what failed. */
export interface RowChecker {
  row: TableRow;
  cell(column: string): string;
  issue(column: string, message: string): void;
  required(column: string, what?: string): string | null;
  /** A blank is `required`; any other value not allowed is refused as the issues kit's `oneOf` words it. */
  oneOf<T extends string>(column: string, allowed: readonly T[]): T | null;
  matches(column: string, pattern: RegExp, expected: string): string | null;
  /**
   * Whether `value` (the cell, or an id within it) is one of `allowed` (ids another file
   * defines), refused as `oneOf` words it, with `also` after the kit's words (`; blank for all
   * CRCs`).
   */
  known(column: string, value: string, allowed: Iterable<string>, also?: string): boolean;
}

export function rowChecker(file: string, row: TableRow, issues: Issue[]): RowChecker {
  const cell = (column: string) => row.cells[column] ?? "";
  const issue = (column: string, message: string) =>
    issues.push(dataIssue(file, row.line, column, cell(column), message));
  const required = (column: string, what = "a value") => {
    const v = cell(column);
    if (v === "") issue(column, `required: ${column} must have ${what}`);
    return v === "" ? null : v;
  };
  return {
    row,
    cell,
    issue,
    required,
    oneOf<T extends string>(column: string, allowed: readonly T[]): T | null {
      const v = required(column, `one of ${listChoices(allowed)}`);
      if (v === null) return null;
      return oneOf(v, allowed, dataPath(file, row.line, column), issues) ?? null;
    },
    known(column: string, value: string, allowed: Iterable<string>, also = ""): boolean {
      const refused: Issue[] = [];
      if (oneOf(value, [...allowed], dataPath(file, row.line, column), refused) !== undefined)
        return true;
      issues.push(...refused.map((i) => ({ ...i, message: i.message + also })));
      return false;
    },
    matches(column: string, pattern: RegExp, expected: string): string | null {
      const v = required(column, expected);
      if (v === null) return null;
      if (pattern.test(v)) return v;
      issue(column, `malformed ${column}: expected ${expected}`);
      return null;
    },
  };
}

/** Records a duplicate-id issue (naming the first line) and returns false for repeats. */
export function uniqueIds(file: string, column: string, issues: Issue[]) {
  const seen = new Map<string, number>();
  return (key: string, shown: string, line: number): boolean => {
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        dataIssue(
          file,
          line,
          column,
          shown,
          `duplicate id "${shown}": already defined on line ${first}`,
        ),
      );
      return false;
    }
    seen.set(key, line);
    return true;
  };
}

/**
 * The ids a file defines, for cross-references from other files; null when the file could not
 * be read (its header is wrong), in which case references to it are not checked (that would
 * only repeat the header issue once per row).
 */
export type KnownIds = ReadonlySet<string> | null;

/** The row's `unit`, one of the units the data knows (figures and parameters alike). */
export function checkUnit(check: RowChecker): Unit | null {
  return check.oneOf("unit", UNIT_NAMES);
}

/**
 * Checks a source reference. Blank is an issue when `requiredBecause` says why it is needed;
 * a non-blank id must be in sources.csv.
 */
export function checkSourceRef(
  check: RowChecker,
  column: string,
  sourceIds: KnownIds,
  requiredBecause: string | null,
): string {
  const v = check.cell(column);
  if (v === "") {
    if (requiredBecause !== null) {
      check.issue(column, `missing source: ${column} is required ${requiredBecause}`);
    }
    return "";
  }
  if (sourceIds !== null && !sourceIds.has(v))
    check.issue(column, `missing source: "${v}" is not an id in sources.csv`);
  return v;
}
