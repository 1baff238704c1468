import * as aq from "arquero";
import type { TidyRow } from "../engine/roll-up.ts";
import type { Dataset } from "../data/index.ts";
import { INCOME_LINES } from "../engine/lines.ts";

/**
 * Chart-ready tables cut from a projection's tidy rows (src/engine/roll-up.ts), through Arquero.
 * Amounts stay in whole pence; charts divide for display only.
 */
interface ProjectionRows {
  readonly fy: readonly TidyRow[];
  readonly total: readonly TidyRow[];
  readonly nationMonths: readonly TidyRow[];
}

const ALL = "ALL";

function table(rows: readonly TidyRow[]) {
  return aq.from(rows as TidyRow[]);
}

/** The nation's income by financial year and income line (for stacked bars). */
export function incomeByYear(
  p: ProjectionRows,
): Array<{ fy: string; line: string; pence: number }> {
  const lines = new Set<string>(INCOME_LINES);
  return p.fy
    .filter((d) => d.crc === ALL && d.owner === ALL && lines.has(d.line))
    .map((d) => ({ fy: d.period, line: d.line, pence: d.amount }));
}

/** One line for the nation by financial year. */
export function nationByYear(
  p: ProjectionRows,
  line: string,
): Array<{ fy: string; pence: number }> {
  return p.fy
    .filter((d) => d.crc === ALL && d.owner === ALL && d.line === line)
    .map((d) => ({ fy: d.period, pence: d.amount }));
}

export interface CrcProfit {
  crc: string;
  name: string;
  owner: string;
  ownerName: string;
  profitPence: number;
  incomePence: number;
  costPence: number;
}

/** Each CRC's contract-life income, cost and profit, worst first (a pivot of the total rows). */
export function crcProfits(
  p: ProjectionRows,
  dataset: Pick<Dataset, "crcs" | "owners">,
): CrcProfit[] {
  const names = new Map(dataset.crcs.map((c) => [c.id, c.name]));
  const owners = new Map(dataset.owners.map((o) => [o.id, o.name]));
  // The CRCs' rows are picked in plain JS: an Arquero filter re-parses its function's source on
  // every call, a third of this view's time on each Explorer slider move (issue #5).
  const wide = table(p.total.filter((d) => d.crc !== ALL))
    .groupby("crc", "owner")
    .pivot("line", "amount")
    .orderby("profit")
    .objects() as Array<Record<string, number | string>>;
  return wide.map((r) => ({
    crc: String(r.crc),
    name: names.get(String(r.crc)) ?? String(r.crc),
    owner: String(r.owner),
    ownerName: owners.get(String(r.owner)) ?? String(r.owner),
    profitPence: Number(r.profit),
    incomePence: Number(r.income_total),
    costPence: Number(r.cost_total),
  }));
}

/** Each owner's contract-life profit, worst first. */
export function ownerProfits(
  p: ProjectionRows,
  dataset: Pick<Dataset, "owners">,
): Array<{ owner: string; name: string; profitPence: number }> {
  const owners = new Map(dataset.owners.map((o) => [o.id, o.name]));
  return p.total
    .filter((d) => d.crc === ALL && d.owner !== ALL && d.line === "profit")
    .map((d) => ({ owner: d.owner, name: owners.get(d.owner) ?? d.owner, profitPence: d.amount }))
    .sort((a, b) => a.profitPence - b.profitPence);
}

/** Staff in post and workload index month by month, from monthly tidy rows of one group. */
export function staffingByMonth(
  months: readonly TidyRow[],
): Array<{ month: string; fte: number; workloadIndex: number | null }> {
  if (months.length === 0) return [];
  const wide = table(months)
    .filter((d: TidyRow) => d.line === "fte" || d.line === "workload_index")
    .groupby("period")
    .pivot("line", "amount")
    .orderby("period")
    .objects() as Array<Record<string, number | string | undefined>>;
  return wide.map((r) => ({
    month: String(r.period),
    fte: Number(r.fte ?? 0),
    workloadIndex: r.workload_index === undefined ? null : Number(r.workload_index),
  }));
}

/** The nation's staff in post and workload index, month by month. */
export function staffingSeries(p: ProjectionRows) {
  return staffingByMonth(p.nationMonths);
}

/** The nation's cumulative profit month by month (the "position" over the contract). */
export function cumulativeProfit(
  rows: readonly TidyRow[],
): Array<{ month: string; pence: number }> {
  let running = 0;
  return rows
    .filter((d) => d.line === "profit")
    .map((d) => {
      running += d.amount;
      return { month: d.period, pence: running };
    });
}
