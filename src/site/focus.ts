import { staffingByMonth } from "./views.ts";
import type { TidyRow } from "../engine/roll-up.ts";
import { COST_LINES, INCOME_LINES } from "../engine/lines.ts";

/**
 * Chart tables for one CRC's or one owner's page, cut from a projection's roll-up rows. A focus
 * is a CRC (`{crc}`) or an owner's roll-up (`{owner}`, rows with crc = ALL). Money in pence.
 */
export type Focus = { readonly crc: string } | { readonly owner: string };

const ALL = "ALL";

function isFocus(focus: Focus, r: TidyRow): boolean {
  return "crc" in focus ? r.crc === focus.crc : r.crc === ALL && r.owner === focus.owner;
}

/** The focus's rows of the given lines by financial year, for stacked bars. */
function linesByYear(
  fy: readonly TidyRow[],
  focus: Focus,
  lines: readonly string[],
): Array<{ fy: string; line: string; pence: number }> {
  const wanted = new Set(lines);
  return fy
    .filter((r) => isFocus(focus, r) && wanted.has(r.line))
    .map((r) => ({ fy: r.period, line: r.line, pence: r.amount }));
}

export function focusIncomeByYear(p: { fy: readonly TidyRow[] }, focus: Focus) {
  return linesByYear(p.fy, focus, INCOME_LINES);
}

export function focusCostsByYear(p: { fy: readonly TidyRow[] }, focus: Focus) {
  return linesByYear(p.fy, focus, COST_LINES);
}

/** One line of the focus by financial year. */
export function focusByYear(
  p: { fy: readonly TidyRow[] },
  focus: Focus,
  line: string,
): Array<{ fy: string; pence: number }> {
  return linesByYear(p.fy, focus, [line]).map(({ fy, pence }) => ({ fy, pence }));
}

/** The focus's contract-life totals, one property per line (income_total, cost_total, profit…). */
export function focusTotals(
  p: { total: readonly TidyRow[] },
  focus: Focus,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of p.total) if (isFocus(focus, r)) out[r.line] = r.amount;
  return out;
}

/** Staff in post and workload index month by month, from the focus's monthly rows. */
export const focusStaffing = staffingByMonth;

/** The CRCs of an owner with their contract-life income, costs and profit, in data order. */
export function ownerCrcs(
  p: { total: readonly TidyRow[] },
  crcs: ReadonlyArray<{ id: string; name: string; ownerId: string }>,
  owner: string,
): Array<{
  crc: string;
  name: string;
  incomePence: number;
  costPence: number;
  profitPence: number;
}> {
  return crcs
    .filter((c) => c.ownerId === owner)
    .map((c) => {
      const t = focusTotals(p, { crc: c.id });
      return {
        crc: c.id,
        name: c.name,
        incomePence: t.income_total ?? 0,
        costPence: t.cost_total ?? 0,
        profitPence: t.profit ?? 0,
      };
    });
}
