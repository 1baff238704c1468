import { MONTH_COUNT, type Ledger } from "./ledger.ts";
import { MONEY_LINES, type Line } from "./lines.ts";
import { periodMap, type Period } from "./periods.ts";

/** The label of roll-up rows: `crc = ALL` for an owner's total, `crc = owner = ALL` for the nation. */
export const ALL = "ALL";

/**
 * One tidy result row. `amount` is whole pence for money lines; for `fte`, the average FTE in
 * post over the period's months (0 after an early end), unrounded; for `workload_index`, per
 * cent of the 2014 norm (people per FTE over the period's cells ÷ norm × 100), unrounded.
 */
export interface TidyRow {
  readonly crc: string;
  readonly owner: string;
  readonly period: string;
  readonly line: Line;
  readonly amount: number;
}

interface Group {
  readonly crc: string;
  readonly owner: string;
  readonly members: readonly number[];
}

/** CRCs in data order, then each owner (in order of first appearance), then the nation. */
export function groupsOf(ledger: Ledger): Group[] {
  const groups: Group[] = ledger.crcs.map((c, i) => ({
    crc: c.id,
    owner: c.ownerId,
    members: [i],
  }));
  const owners = [...new Set(ledger.crcs.map((c) => c.ownerId))];
  for (const owner of owners) {
    const members = ledger.crcs.flatMap((c, i) => (c.ownerId === owner ? [i] : []));
    groups.push({ crc: ALL, owner, members });
  }
  groups.push({ crc: ALL, owner: ALL, members: ledger.crcs.map((_, i) => i) });
  return groups;
}

/**
 * Roll a ledger up to CRC, owner and nation by month, quarter, financial year or contract total.
 * Money is summed as integers (exact: every cell is whole pence and every total is far below
 * 2^53), so each roll-up reconciles to the penny with the cells it sums. Rows come group by
 * group, period by period, line by line (LINES order).
 */
export function rollUp(
  ledger: Ledger,
  by: Period,
  /** Keep only some groups (e.g. the nation by month, for the site's hot path). */
  include: (crc: string, owner: string) => boolean = () => true,
): TidyRow[] {
  const map = periodMap(by);
  const nP = map.labels.length;
  const nL = MONEY_LINES.length;
  const cells = MONEY_LINES.map((line) => ledger.money[line]);
  const ofMonth = Int32Array.from(map.ofMonth);
  const rows: TidyRow[] = [];
  // Sums per money line and period in one flat array [line × nP + period]; FTE and caseload apart.
  const sums = new Float64Array(nL * nP);
  const fte = new Float64Array(nP);
  const caseload = new Float64Array(nP);
  for (const group of groupsOf(ledger)) {
    if (!include(group.crc, group.owner)) continue;
    sums.fill(0);
    fte.fill(0);
    caseload.fill(0);
    for (const c of group.members) {
      const base = c * MONTH_COUNT;
      for (let l = 0; l < nL; l++) {
        const column = cells[l]!;
        const offset = l * nP;
        for (let m = 0; m < MONTH_COUNT; m++) sums[offset + ofMonth[m]!]! += column[base + m]!;
      }
      for (let m = 0; m < MONTH_COUNT; m++) {
        fte[ofMonth[m]!]! += ledger.fte[base + m]!;
        caseload[ofMonth[m]!]! += ledger.caseload[base + m]!;
      }
    }
    for (let p = 0; p < nP; p++) {
      const period = map.labels[p]!;
      for (let l = 0; l < nL; l++) {
        rows.push({
          crc: group.crc,
          owner: group.owner,
          period,
          line: MONEY_LINES[l]!,
          amount: sums[l * nP + p]!,
        });
      }
      const fteSum = fte[p]!;
      rows.push({
        crc: group.crc,
        owner: group.owner,
        period,
        line: "fte",
        amount: fteSum / map.monthCount[p]!,
      });
      if (fteSum !== 0) {
        const amount = (100 * caseload[p]!) / fteSum / ledger.caseloadPerFteNorm;
        rows.push({ crc: group.crc, owner: group.owner, period, line: "workload_index", amount });
      }
    }
  }
  return rows;
}
