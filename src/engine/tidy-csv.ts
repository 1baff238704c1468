import type { TidyRow } from "./roll-up.ts";

export const CSV_HEADER = "crc,owner,period,line,amount_pence";

/**
 * One CSV line per row: money as integer pence; `fte` with 2 decimals; `workload_index` in per
 * cent with 1 decimal (src/engine/README.md, "Outputs"). Ids and labels never contain commas
 * or quotes, so no quoting is needed.
 */
export function formatAmount(row: TidyRow): string {
  if (row.line === "fte") return row.amount.toFixed(2);
  if (row.line === "workload_index") return row.amount.toFixed(1);
  return String(row.amount);
}

export function toCsv(rows: readonly TidyRow[]): string {
  const lines = [CSV_HEADER];
  for (const r of rows) lines.push(`${r.crc},${r.owner},${r.period},${r.line},${formatAmount(r)}`);
  return lines.join("\n") + "\n";
}
