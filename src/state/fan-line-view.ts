import { MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import type { Issue, Warned } from "../issues/issue.ts";
import { oneOf } from "../issues/readers.ts";

/** The lines a user can fan: every money line. */
export const FAN_LINES: readonly MoneyLine[] = MONEY_LINES;

/** The fan chart's line when the address names none. */
export const DEFAULT_FAN_LINE: MoneyLine = "profit";

/** The address key of the fan chart's line. */
export const FAN_KEY = "_fan";

/**
 * The fan chart's line from the address (`_fan`), so a link or an embed shows the same fan; a
 * bad value is a warning at `_fan` (worded by the src/issues readers) and the default is used.
 */
export function fanLineFromSearch(search: string): Warned<MoneyLine> {
  const raw = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search).get(FAN_KEY);
  const warnings: Issue[] = [];
  const value =
    raw === null
      ? DEFAULT_FAN_LINE
      : (oneOf(raw, FAN_LINES, FAN_KEY, warnings) ?? DEFAULT_FAN_LINE);
  return { ok: true, value, warnings };
}
