import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import type { MoneyLine } from "../engine/lines.ts";
import { monthIndexOf } from "../engine/timeline.ts";

/**
 * What the model says for a target: a number read from a projected ledger over the target's
 * CRCs. Money in pence, counts as plain numbers. One place per definition, so a target's
 * `measure` column names exactly what is compared with the published figure.
 */
export type Measure = (ledger: Ledger, crcs: readonly number[]) => number;

const FROM_2016_17 = monthIndexOf("2016-04");
const TO_2017_03 = monthIndexOf("2017-03") + 1;
const VARIATION_AGREED_START = monthIndexOf("2017-08");
const MID_2016 = monthIndexOf("2016-06");

function sum(ledger: Ledger, line: MoneyLine, crcs: readonly number[], from = 0, to = MONTH_COUNT) {
  let total = 0;
  for (const c of crcs) {
    const series = ledger.money[line];
    for (let m = from; m < to; m++) total += series[c * MONTH_COUNT + m]!;
  }
  return total;
}

function profits(ledger: Ledger, crcs: readonly number[], from: number, to = MONTH_COUNT) {
  return crcs.map((c) => sum(ledger, "profit", [c], from, to));
}

const losses = (values: readonly number[]) => values.filter((p) => p < 0).map((p) => -p);

export const MEASURES = {
  /** MoJ spend (income_total) a year, averaged over the 86 months. */
  income_total_per_year: (l, crcs) => Math.round(sum(l, "income_total", crcs) / (MONTH_COUNT / 12)),
  income_total: (l, crcs) => sum(l, "income_total", crcs),
  fee_for_service: (l, crcs) => sum(l, "fee_for_service", crcs),
  /** Fee for service plus the variation: MoJ's projected fee-for-service basis after 2017. */
  fee_and_variation: (l, crcs) => sum(l, "fee_for_service", crcs) + sum(l, "variation", crcs),
  /** The variation line from Aug 2017, the agreed start (the uplift, not the earlier payments). */
  variation_from_2017_08: (l, crcs) => sum(l, "variation", crcs, VARIATION_AGREED_START),
  pbr: (l, crcs) => sum(l, "pbr", crcs),
  profit_from_2016_17: (l, crcs) => sum(l, "profit", crcs, FROM_2016_17),
  losing_crcs_from_2016_17: (l, crcs) => losses(profits(l, crcs, FROM_2016_17)).length,
  /** The sum of the losing CRCs' losses (a positive amount). */
  losses_from_2016_17: (l, crcs) =>
    losses(profits(l, crcs, FROM_2016_17)).reduce((a, b) => a + b, 0),
  largest_loss_from_2016_17: (l, crcs) => Math.max(0, ...losses(profits(l, crcs, FROM_2016_17))),
  /** The smallest loss among the losing CRCs (0 when none loses). */
  smallest_loss_from_2016_17: (l, crcs) => {
    const all = losses(profits(l, crcs, FROM_2016_17));
    return all.length === 0 ? 0 : Math.min(...all);
  },
  losing_crcs_to_2017_03: (l, crcs) => losses(profits(l, crcs, 0, TO_2017_03)).length,
  /** Staff (FTE) in post in Feb 2015, less in Jun 2016: the cuts made by mid 2016. */
  fte_cut_by_2016_06: (l, crcs) =>
    Math.round(
      crcs.reduce((s, c) => s + l.fte[c * MONTH_COUNT]! - l.fte[c * MONTH_COUNT + MID_2016]!, 0),
    ),
  losing_crcs_in_2016_17: (l, crcs) => losses(profits(l, crcs, FROM_2016_17, TO_2017_03)).length,
} satisfies Record<string, Measure>;

export type MeasureId = keyof typeof MEASURES;
