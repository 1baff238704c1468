import { MONEY_LINES, type MoneyLine } from "../engine/lines.ts";

/** The lines a user can fan: every money line. */
export const FAN_LINES: readonly MoneyLine[] = MONEY_LINES;

/** The fan chart's line when the address names none. */
export const DEFAULT_FAN_LINE: MoneyLine = "profit";

/**
 * The fan chart's line from the address (`_fan`), so a link or an embed shows the same fan; a
 * bad value is named and replaced by the default.
 */
export function fanLineFromSearch(search: string): { line: MoneyLine; problems: string[] } {
  const raw = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search).get("_fan");
  if (raw === null) return { line: DEFAULT_FAN_LINE, problems: [] };
  if ((FAN_LINES as readonly string[]).includes(raw))
    return { line: raw as MoneyLine, problems: [] };
  return {
    line: DEFAULT_FAN_LINE,
    problems: [`_fan: "${raw}" is not a money line; lines: ${FAN_LINES.join(", ")}`],
  };
}
