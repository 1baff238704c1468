import * as aq from "arquero";
import { ALL } from "../engine/roll-up.ts";
import type { Stats } from "./percentiles.ts";
import type { MonteCarloSummary } from "./summarize-draws.ts";

/**
 * One statistic of a Monte Carlo summary as a tidy row, in the run/roll-up convention
 * (`crc` / `owner` = ALL for totals): money in whole pence, probabilities as shares.
 * `line` is a money line, or `losses` (the sum of the losing CRCs' losses) or
 * `loss_making_crcs` (how many CRCs lose money); `statistic` is mean, min, p5, p25, p50, p75,
 * p95, max, p_loss, or p_eq_<k> (the probability that exactly k CRCs lose money).
 *
 * The first rows say what the draws came from (issue #14): `basis` with statistic `posterior`
 * or `prior` (value 1), and for the posterior what it rests on, as line `posterior` with
 * statistics `effective_sample_size`, `prior_draws`, `stored_draws`, `seed` and
 * `parameters_from_prior` (sampled parameters the scenario sets, drawn from their prior range).
 */
export interface MonteCarloRow {
  readonly crc: string;
  readonly owner: string;
  readonly period: string;
  readonly line: string;
  readonly statistic: string;
  readonly value: number;
}

const STATS: readonly (keyof Stats)[] = ["mean", "min", "p5", "p25", "p50", "p75", "p95", "max"];

/** The summary as tidy rows: contract-life totals first, then the fan by financial year. */
export function monteCarloRows(summary: MonteCarloSummary): MonteCarloRow[] {
  const rows: MonteCarloRow[] = [];
  const add = (crc: string, owner: string, period: string, line: string, stats: Stats) => {
    for (const statistic of STATS)
      rows.push({ crc, owner, period, line, statistic, value: stats[statistic] });
  };
  const meta = (line: string, statistic: string, value: number) =>
    rows.push({ crc: ALL, owner: ALL, period: "total", line, statistic, value });
  meta("basis", summary.basis, 1);
  const post = summary.posterior;
  if (post !== null) {
    meta("posterior", "effective_sample_size", post.effectiveSampleSize);
    meta("posterior", "prior_draws", post.priorDraws);
    meta("posterior", "stored_draws", post.storedDraws);
    meta("posterior", "seed", post.seed);
    meta("posterior", "parameters_from_prior", post.fromPrior.length);
  }
  const { national } = summary;
  add(ALL, ALL, "total", "profit", national.crcProfitPence);
  rows.push({
    crc: ALL,
    owner: ALL,
    period: "total",
    line: "profit",
    statistic: "p_loss",
    value: national.pLoss,
  });
  add(ALL, ALL, "total", "income_total", national.mojSpendPence);
  add(ALL, ALL, "total", "losses", national.lossesPence);
  add(ALL, ALL, "total", "loss_making_crcs", summary.lossMakingCrcs.stats);
  summary.lossMakingCrcs.probability.forEach((p, k) =>
    rows.push({
      crc: ALL,
      owner: ALL,
      period: "total",
      line: "loss_making_crcs",
      statistic: `p_eq_${k}`,
      value: p,
    }),
  );
  for (const o of summary.owners) {
    add(ALL, o.owner, "total", "profit", o.profitPence);
    rows.push({
      crc: ALL,
      owner: o.owner,
      period: "total",
      line: "profit",
      statistic: "p_loss",
      value: o.pLoss,
    });
  }
  for (const c of summary.crcs) {
    add(c.crc, c.owner, "total", "profit", c.profitPence);
    rows.push({
      crc: c.crc,
      owner: c.owner,
      period: "total",
      line: "profit",
      statistic: "p_loss",
      value: c.pLoss,
    });
  }
  const of = summary.fan.of;
  const crc = summary.crcs.find((c) => c.crc === of);
  const [fanCrc, fanOwner] = of === ALL ? [ALL, ALL] : crc ? [crc.crc, crc.owner] : [ALL, of];
  for (const [line, years] of Object.entries(summary.fan.lines))
    years.forEach((stats, y) => add(fanCrc, fanOwner, summary.fan.years[y]!, line, stats));
  return rows;
}

/** The summary as tidy CSV (Arquero): crc,owner,period,line,statistic,value. */
export function monteCarloCsv(summary: MonteCarloSummary): string {
  return aq.from(monteCarloRows(summary)).toCSV();
}
